// Fan-out across three nodes (issue 17): N clients (websocket transport) spread by HAProxy over
// three Open Talks nodes sharing Redis and PostgreSQL, and a café facilitator's live prompt to
// everyone, timed from its emit to its arrival at each client. Then the same with three bare
// Socket.IO nodes behind the same proxy configuration, with the same Redis Streams adapter, in
// the same run: the floor. Clients run in their own processes.
//
//   npm run bench:cluster                      (6,000 clients, 5 prompts)
//   npm run bench:cluster -- --clients 600 --prompts 3
//
// Needs HAProxy, Redis and PostgreSQL (as the cluster suite), and file descriptors: HAProxy holds
// two per client, so `ulimit -n` of at least 2 × clients + 1,000 (the npm script raises the soft
// limit to the hard one).
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { io, type Socket } from 'socket.io-client';
import { createClient } from 'redis';
import { PROTOCOL_VERSION } from '../../shared/src/version.js';
import { freePort, untilHealthy } from '../helpers/child-server.js';
import { checkPostgres } from '../helpers/environment.js';
import { startCluster } from '../cluster/cluster.js';
import { checkHaproxy, checkRedis, redisUrl } from '../cluster/environment.js';
import { startProxy, testConfig, type Proxy } from '../cluster/haproxy.js';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index < 0 ? undefined : Number(process.argv[index + 1]);
  return value !== undefined && Number.isFinite(value) && value > 0 ? Math.floor(value) : fallback;
}

const N = option('clients', 6000);
const PROMPTS = option('prompts', 5);
const PROCS = option('procs', 2);
const JOIN_CONCURRENCY = 100;
const PROMPT_TEXT = 'Two minutes left: please agree on the key idea your table will share with the room.';
const now = () => performance.timeOrigin + performance.now();

const missing = [checkHaproxy(), await checkRedis(), await checkPostgres()].filter(Boolean);
if (missing.length > 0) {
  console.error(`bench:cluster cannot run: ${missing.join('; ')}`);
  process.exit(1);
}

interface Figures {
  p50: number;
  p99: number;
  max: number;
  delivered: number;
}

// ── client processes ────────────────────────────────────────────────────────────────────────
async function clientProcesses(url: string, tokens: (string | null)[]): Promise<ChildProcess[]> {
  const children = Array.from({ length: PROCS }, () => fork(fileURLToPath(new URL('./cluster-clients.ts', import.meta.url)), { execArgv: ['--import', 'tsx'] }));
  await Promise.all(children.map((c) => reply(c, 'ready')));
  const share = Math.ceil(tokens.length / PROCS);
  await Promise.all(
    children.map((c, i) => {
      c.send({ type: 'connect', url, tokens: tokens.slice(i * share, (i + 1) * share) });
      return reply(c, 'connected');
    }),
  );
  return children;
}

function reply<T = unknown>(child: ChildProcess, type: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const listener = (m: { type: string; message?: string }) => {
      if (m.type === 'error') reject(new Error(m.message));
      if (m.type !== type) return;
      child.off('message', listener);
      resolve(m as T);
    };
    child.on('message', listener);
  });
}

async function arrivals(children: ChildProcess[], promptId: string): Promise<number[]> {
  const all: number[] = [];
  for (const child of children) {
    child.send({ type: 'arrivals' });
    const { byPrompt } = await reply<{ byPrompt: Record<string, number[]> }>(child, 'arrivals');
    all.push(...(byPrompt[promptId] ?? []));
  }
  return all;
}

function closeClients(children: ChildProcess[]): Promise<void> {
  return Promise.all(
    children.map(
      (c) =>
        new Promise<void>((resolve) => {
          c.once('exit', () => resolve());
          c.send({ type: 'close' });
        }),
    ),
  ).then(() => undefined);
}

// ── one prompt, timed ──────────────────────────────────────────────────────────────────────
async function timePrompts(children: ChildProcess[], send: () => Promise<string>): Promise<Figures[]> {
  const out: Figures[] = [];
  for (let k = 0; k < PROMPTS; k++) {
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // let the previous one settle
    const sentAt = now();
    const id = await send();
    const deadline = Date.now() + 30_000;
    let got: number[];
    for (;;) {
      got = await arrivals(children, id);
      if (got.length >= N || Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const latencies = got.map((at) => at - sentAt).sort((a, b) => a - b);
    const pick = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
    out.push({ p50: pick(0.5), p99: pick(0.99), max: latencies.at(-1) ?? NaN, delivered: latencies.length });
    console.log(`  prompt ${k + 1}: delivered ${latencies.length}/${N}, p50 ${pick(0.5).toFixed(0)} ms, p99 ${pick(0.99).toFixed(0)} ms`);
  }
  return out;
}

function ack(socket: Socket, event: string, payload: unknown): Promise<any> {
  return new Promise((resolve) => socket.emit(event, payload, resolve));
}

function connected(socket: Socket, event: string): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once(event, () => resolve());
    socket.once('connect_error', reject);
  });
}

// ── Open Talks: three nodes ─────────────────────────────────────────────────────────────────
async function openTalks(): Promise<Figures[]> {
  console.log(`Open Talks: 3 nodes, HAProxy, ${N} clients in ${PROCS} processes`);
  const cluster = await startCluster({ leaseMs: 6000, env: { LOG_LEVEL: 'warn', RATE_JOIN_PER_MIN: '1000000' } });
  try {
    const post = async (path: string, body: unknown) => {
      const response = await fetch(`${cluster.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
      return await response.json();
    };
    const created = await post('/api/sessions', { title: 'Café on three nodes', format: 'cafe', attribution: 'group' });
    const tokens: string[] = [];
    const started = Date.now();
    for (let i = 0; i < N; i += JOIN_CONCURRENCY) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(JOIN_CONCURRENCY, N - i) }, () => post('/api/join', { joinCode: created.session.joinCode, stakeholderGroup: 'academia', mode: 'remote' })),
      );
      tokens.push(...batch.map((j: { token: string }) => j.token));
    }
    console.log(`  ${N} joined in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const children = await clientProcesses(cluster.url, tokens);
    console.log(`  ${N} connected`);
    const facilitator = io(cluster.url, { transports: ['websocket'], forceNew: true, auth: { token: created.facilitatorToken, version: PROTOCOL_VERSION } });
    await connected(facilitator, 'session:state');
    const figures = await timePrompts(children, async () => {
      const answer = await ack(facilitator, 'cafe:prompt', { text: PROMPT_TEXT, tableId: null });
      if (!answer.ok) throw new Error(`cafe:prompt: ${JSON.stringify(answer)}`);
      return answer.prompt.id as string;
    });
    facilitator.close();
    await closeClients(children);
    return figures;
  } finally {
    await cluster.close();
  }
}

// ── the floor: three bare Socket.IO nodes ────────────────────────────────────────────────────
async function bare(): Promise<Figures[]> {
  console.log(`bare Socket.IO: 3 nodes, same adapter, same HAProxy file, ${N} clients`);
  const prefix = `ot-bench-${randomBytes(4).toString('hex')}:`;
  const ports = [await freePort(), await freePort(), await freePort()];
  const nodes = ports.map((port) =>
    spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./cluster-bare.ts', import.meta.url))], {
      env: { ...process.env, PORT: String(port), REDIS_URL: redisUrl, REDIS_PREFIX: prefix },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    }),
  );
  let proxy: Proxy | undefined;
  try {
    await Promise.all(nodes.map((node, i) => untilHealthy(`http://127.0.0.1:${ports[i]}`, node, 60_000)));
    const proxyPort = await freePort();
    proxy = await startProxy(testConfig(proxyPort, ports), proxyPort);
    const children = await clientProcesses(
      proxy.url,
      Array.from({ length: N }, () => null),
    );
    console.log(`  ${N} connected`);
    const facilitator = io(proxy.url, { transports: ['websocket'], forceNew: true });
    await connected(facilitator, 'connect');
    const figures = await timePrompts(children, async () => {
      const id = randomBytes(8).toString('hex');
      await ack(facilitator, 'prompt', { id, round: 0, tableId: null, text: PROMPT_TEXT, sentAt: Date.now() });
      return id;
    });
    facilitator.close();
    await closeClients(children);
    return figures;
  } finally {
    await proxy?.close();
    for (const node of nodes) node.kill('SIGKILL');
    const redis = createClient({ url: redisUrl });
    await redis.connect();
    for await (const keys of redis.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) if (keys.length > 0) await redis.del(keys);
    await redis.close();
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

const app = await openTalks();
const floor = await bare();
const row = (name: string, pick: (f: Figures) => number) => {
  const a = median(app.map(pick));
  const b = median(floor.map(pick));
  return `| ${name} | ${a.toFixed(0)} ms | ${b.toFixed(0)} ms | ${(a / b).toFixed(2)}× |`;
};
console.log(`\nA café prompt to ${N} clients over 3 nodes (median of ${PROMPTS} prompts)\n`);
console.log('| measure | Open Talks | bare Socket.IO | ratio |');
console.log('| --- | --- | --- | --- |');
console.log(row('fan-out p50', (f) => f.p50));
console.log(row('fan-out p99', (f) => f.p99));
console.log(row('fan-out max', (f) => f.max));
console.log(`| delivered (min over prompts) | ${Math.min(...app.map((f) => f.delivered))} | ${Math.min(...floor.map((f) => f.delivered))} | |`);
if ([...app, ...floor].some((f) => f.delivered < N))
  console.log(`\nINCOMPLETE: some prompts did not reach all ${N} clients within 30 s; the figures above are over those reached.`);
process.exit(0);
