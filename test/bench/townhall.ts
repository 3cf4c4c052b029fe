// Town Hall load benchmark (issue 5): N real socket.io clients (websocket transport, 127.0.0.1)
// join one Town Hall, ask, vote in bursts of hundreds at once, and raise hands. Prints the time
// from a vote's emit (and from its ack) until its count reaches other clients (p50/p99 over a
// sample of observers), and the server's CPU and memory, measured in its own process. The same
// clients process then drives the floor, a bare Socket.IO server doing the same vote work
// (townhall-floor.ts), and prints the app's figures next to it with the ratio (TH-PERF1).
//
//   npm run bench:townhall -- --clients 500
//   npm run bench:townhall -- --clients 2000 --burst 1000
//   npm run bench:townhall -- --clients 2000 --storage postgres
//
// Options: --clients N (500), --questions Q (40), --waves W (3: each client votes W times, one
// vote per wave, a wave sent at once), --warmup K (1: waves sent first and left out of every
// figure, for both servers), --burst B (clients per burst within a wave; default all),
// --observers K (50), --hands H (N/5), --storage sqlite|postgres (sqlite; postgres uses
// BENCH_DATABASE_URL or postgres://postgres@127.0.0.1:5432/test, in a schema of its own, dropped
// after). BENCH_PROFILE=<dir> writes the app server's CPU profile there (node --cpu-prof), and
// with BENCH_PROFILE_FLOOR=1 the floor's too. BENCH_MARKS=<dir> (or BENCH_PROFILE) makes each
// server append a line per stats request to <dir>/marks-<pid>.txt: the monotonic time in µs (as
// in a .cpuprofile, to cut a profile to one phase), each thread's CPU ticks, and its GCs by kind.
// Needs about N + 100 file descriptors (`ulimit -n`).
import { fork, type ChildProcess } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/src/protocol/index.js';
import type { ServerStats } from './townhall-server.js';
import { PROTOCOL_VERSION } from '../../shared/src/version.js';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index < 0 ? undefined : Number(process.argv[index + 1]);
  return value !== undefined && Number.isFinite(value) && value > 0 ? Math.floor(value) : fallback;
}

const N = option('clients', 500);
const QUESTIONS = Math.min(option('questions', 40), N);
const WAVES = Math.min(option('waves', 3), QUESTIONS - 1);
// Waves sent first and left out of every figure (both servers alike): the first wave of a fresh
// process carries compiling the vote path and each person's first rate-limit entry.
const warmupAt = process.argv.indexOf('--warmup');
const WARMUP = Math.max(0, Math.min(warmupAt < 0 ? 1 : Math.floor(Number(process.argv[warmupAt + 1])) || 0, QUESTIONS - 1 - WAVES));
const BURST = option('burst', N);
const OBSERVERS = Math.min(option('observers', 50), N);
const HANDS = Math.min(option('hands', Math.ceil(N / 5)), N);
const JOIN_CONCURRENCY = 50;
const STORAGE = process.argv.includes('--storage') ? process.argv[process.argv.indexOf('--storage') + 1] : 'sqlite';
if (STORAGE !== 'sqlite' && STORAGE !== 'postgres') throw new Error('--storage sqlite|postgres');
const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const PG_SCHEMA = `bench_townhall_${process.pid}`;

const now = () => performance.timeOrigin + performance.now(); // ms, one clock for the whole run

const percentile = (sorted: number[], p: number) => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!);
const fmt = (ms: number) => (Number.isNaN(ms) ? '–' : ms.toFixed(1));

interface Target {
  name: string;
  script: string;
  env: Record<string, string>;
  profile: boolean;
}
interface Figures {
  fromEmitP50: number;
  fromEmitP99: number;
  ackP50: number;
  ackP99: number;
  /** Server CPU (user + system) over the vote waves, per vote: robust where wall time is not (a busy machine). */
  cpuPerVoteMs: number;
  refused: number;
  missing: number;
}

async function measure(target: Target): Promise<Figures> {
  // ── the server, in its own process ─────────────────────────────────────────────────────────
  const child: ChildProcess = fork(fileURLToPath(new URL(target.script, import.meta.url)), {
    execArgv: ['--import', 'tsx', ...(target.profile && process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [])],
    env: { ...process.env, ...target.env },
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.on('message', (m: { type: string; port?: number }) => m.type === 'ready' && resolve(m.port!));
  });
  const base = `http://127.0.0.1:${port}`;

  function serverStats(): Promise<ServerStats> {
    return new Promise((resolve) => {
      const listener = (m: { type: string; stats?: ServerStats }) => {
        if (m.type !== 'stats') return;
        child.off('message', listener);
        resolve(m.stats!);
      };
      child.on('message', listener);
      child.send({ type: 'stats' });
    });
  }

  async function post<T>(path: string, body: unknown, token?: string): Promise<T> {
    const response = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }

  async function inBatches<T, R>(items: T[], size: number, work: (item: T, i: number) => Promise<R>): Promise<R[]> {
    const out: R[] = [];
    for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map((item, j) => work(item, i + j)))));
    return out;
  }

  function ack<E extends keyof ClientToServerEvents>(socket: Client, event: E, payload: Parameters<ClientToServerEvents[E]>[0]): Promise<{ ok: boolean } & Record<string, any>> {
    return new Promise((resolve) => (socket.emit as (...args: unknown[]) => void)(event, payload, resolve));
  }

  // ── set-up: a session, N people joined and connected ───────────────────────────────────────
  const wallStart = now();
  const loadBefore = loadavg()[0]!;
  const created = await post<{ session: { id: string; joinCode: string }; facilitatorToken: string }>('/api/sessions', {
    title: 'Bench Town Hall',
    format: 'townhall',
    attribution: 'group',
  });
  const groups = ['government', 'private-sector', 'civil-society', 'academia', 'technical-community', 'intergovernmental', 'other'];
  const joined = await inBatches(
    Array.from({ length: N }, (_, i) => i),
    JOIN_CONCURRENCY,
    (i) =>
      post<{ participant: { id: string }; token: string }>('/api/join', {
        joinCode: created.session.joinCode,
        displayName: `P${i}`,
        stakeholderGroup: groups[i % groups.length],
        mode: i % 3 === 0 ? 'remote' : 'in-room',
      }),
  );

  /** Per observer, per question: the counts seen and when (arrivals are in order). */
  const arrivals: Map<string, { count: number; at: number }[]>[] = Array.from({ length: OBSERVERS }, () => new Map());
  let votesEventsReceived = 0;
  // Every event the clients receive while the votes go on, by name: what a vote costs on the wire.
  const wavesReceived: Record<string, { events: number; bytes: number }> = {};
  let countingWaves = false;

  const connectStart = now();
  const clients: Client[] = await inBatches(joined, 100, async (person, i) => {
    const socket: Client = io(base, { auth: { token: person.token, version: PROTOCOL_VERSION }, transports: ['websocket'], reconnection: false, forceNew: true });
    await new Promise<void>((resolve, reject) => {
      socket.once('session:state', () => resolve());
      socket.once('connect_error', reject);
    });
    const seen = arrivals[i];
    socket.onAny((event: string, ...args: unknown[]) => {
      if (!countingWaves) return;
      const seenEvent = (wavesReceived[event] ??= { events: 0, bytes: 0 });
      seenEvent.events++;
      seenEvent.bytes += JSON.stringify(args).length;
    });
    socket.on('qa:votes', (counts) => {
      votesEventsReceived++;
      if (!seen) return;
      const at = now();
      for (const [id, count] of Object.entries(counts)) {
        let list = seen.get(id);
        if (!list) seen.set(id, (list = []));
        list.push({ count, at });
      }
    });
    return socket;
  });
  const connectMs = now() - connectStart;
  const facilitator: Client = io(base, { auth: { token: created.facilitatorToken, version: PROTOCOL_VERSION }, transports: ['websocket'], reconnection: false, forceNew: true });
  await new Promise((resolve) => facilitator.once('session:state', resolve));

  interface Phase {
    name: string;
    wallMs: number;
    cpuMs: number;
    loopMs: number;
    clientCpuMs: number;
    rssMb: number;
  }
  const phases: Phase[] = [];
  async function phase(name: string, work: () => Promise<void>): Promise<void> {
    const before = await serverStats();
    const clientBefore = process.cpuUsage();
    const start = now();
    await work();
    const wallMs = now() - start;
    const clientCpu = process.cpuUsage(clientBefore);
    const after = await serverStats();
    phases.push({
      name,
      wallMs,
      cpuMs: after.cpuUserMs + after.cpuSystemMs - before.cpuUserMs - before.cpuSystemMs,
      loopMs: after.loopActiveMs - before.loopActiveMs,
      clientCpuMs: (clientCpu.user + clientCpu.system) / 1000,
      rssMb: after.rssMb,
    });
  }
  const afterConnect = await serverStats();

  // ── ask ────────────────────────────────────────────────────────────────────────────────────
  const questionIds: string[] = [];
  const askLatency: number[] = [];
  await phase(`ask (${QUESTIONS} at once)`, async () => {
    await Promise.all(
      clients.slice(0, QUESTIONS).map(async (socket, i) => {
        const t0 = now();
        const reply = await ack(socket, 'qa:ask', { text: `Question ${i}: how will remote participants be heard?` });
        askLatency.push(now() - t0);
        if (!reply.ok) throw new Error(`ask: ${JSON.stringify(reply)}`);
        questionIds[i] = reply.question.id;
      }),
    );
  });

  // ── vote: W waves; in each, every client votes once, bursts of B sent in one tick ──────────
  interface Vote {
    questionId: string;
    votes: number;
    emitted: number;
    acked: number;
  }
  const votes: Vote[] = [];
  const ackLatency: number[] = [];
  let refused = 0;
  const rng = (() => {
    let s = 42;
    return () => (s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  })();
  const voted = clients.map(() => new Set<number>());
  const emitSpread: number[] = [];
  for (let wave = -WARMUP; wave < WAVES; wave++) {
    const counted = wave >= 0;
    countingWaves = counted;
    await phase(`${counted ? 'vote wave' : 'warm-up wave'} ${counted ? wave + 1 : wave + WARMUP + 1} (${N} votes, bursts of ${Math.min(BURST, N)})`, async () => {
      for (let from = 0; from < N; from += BURST) {
        const burstStart = now();
        const burst = Promise.all(
          clients.slice(from, from + BURST).map(async (socket, j) => {
            const i = from + j;
            let q: number;
            do q = Math.floor(rng() * QUESTIONS);
            while (q === i || voted[i]!.has(q)); // not one's own, not twice
            voted[i]!.add(q);
            const emitted = now();
            const reply = await ack(socket, 'qa:vote', { questionId: questionIds[q]!, up: true });
            const acked = now();
            if (!counted) return;
            ackLatency.push(acked - emitted);
            if (!reply.ok) {
              refused++;
              return;
            }
            votes.push({ questionId: reply.questionId, votes: reply.votes, emitted, acked });
          }),
        );
        emitSpread.push(now() - burstStart); // how long sending the burst took the clients
        await burst;
      }
      // Let the last coalesced counts arrive before the next wave (~4 flushes a second).
      await new Promise((resolve) => setTimeout(resolve, 600));
    });
  }

  countingWaves = false;

  // ── hands: H raised at once, then the floor given a few times ──────────────────────────────
  const handLatency: number[] = [];
  await phase(`raise hands (${HANDS} at once) + 5 floor changes`, async () => {
    await Promise.all(
      clients.slice(0, HANDS).map(async (socket, i) => {
        const t0 = now();
        const reply = await ack(socket, 'hand:raise', { topic: `Topic ${i}` });
        handLatency.push(now() - t0);
        if (!reply.ok) throw new Error(`raise: ${JSON.stringify(reply)}`);
      }),
    );
    for (let i = 0; i < 5; i++) {
      const reply = await ack(facilitator, 'hand:give-floor', {});
      if (!reply.ok) throw new Error(`give floor: ${JSON.stringify(reply)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 600));
  });

  // ── figures ────────────────────────────────────────────────────────────────────────────────
  /** When observer `o` first saw question `id` at `votes` or more. */
  function seenAt(o: number, id: string, count: number): number | undefined {
    const list = arrivals[o]!.get(id);
    if (!list) return undefined;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.count >= count) hi = mid;
      else lo = mid + 1;
    }
    return list[lo]?.at;
  }
  const fromEmit: number[] = [];
  const fromAck: number[] = [];
  let missing = 0;
  for (const vote of votes) {
    for (let o = 0; o < OBSERVERS; o++) {
      const at = seenAt(o, vote.questionId, vote.votes);
      if (at === undefined) {
        missing++;
        continue;
      }
      fromEmit.push(at - vote.emitted);
      fromAck.push(Math.max(0, at - vote.acked));
    }
  }
  for (const list of [fromEmit, fromAck, ackLatency, askLatency, handLatency]) list.sort((a, b) => a - b);
  const final = await serverStats();

  console.log(`── ${target.name}`);
  console.log(
    `Town Hall bench: ${N} clients (websocket, 127.0.0.1), ${QUESTIONS} questions, ${WAVES} vote waves, bursts of ${Math.min(BURST, N)}, ${HANDS} hands; Node ${process.version}`,
  );
  console.log(
    `machine: ${cpus().length} cores; 1-min load average ${loadBefore.toFixed(1)} at start, ${loadavg()[0]!.toFixed(1)} at end (other work on the machine slows every figure)`,
  );
  console.log(`connect: ${N} clients in ${(connectMs / 1000).toFixed(1)} s; server RSS after connect ${afterConnect.rssMb.toFixed(0)} MB`);
  console.log('');
  console.log(
    `vote → count at other clients (${votes.length} votes × ${OBSERVERS} observers = ${fromEmit.length} deliveries${missing ? `, ${missing} not seen` : ''}${refused ? `, ${refused} refused` : ''}):`,
  );
  console.log(`  from emit: p50 ${fmt(percentile(fromEmit, 50))} ms   p99 ${fmt(percentile(fromEmit, 99))} ms   max ${fmt(fromEmit.at(-1) ?? NaN)} ms`);
  console.log(`  from ack:  p50 ${fmt(percentile(fromAck, 50))} ms   p99 ${fmt(percentile(fromAck, 99))} ms`);
  console.log(`  vote ack:  p50 ${fmt(percentile(ackLatency, 50))} ms   p99 ${fmt(percentile(ackLatency, 99))} ms`);
  console.log(`sending a burst took the clients: ${emitSpread.map((ms) => ms.toFixed(0)).join(', ')} ms`);
  console.log(`ask ack:     p50 ${fmt(percentile(askLatency, 50))} ms   p99 ${fmt(percentile(askLatency, 99))} ms`);
  console.log(`raise ack:   p50 ${fmt(percentile(handLatency, 50))} ms   p99 ${fmt(percentile(handLatency, 99))} ms`);
  const perVote = (n: number) => (n / Math.max(1, votes.length + refused)).toFixed(2);
  console.log(
    `events received during the vote waves, per vote (all clients; acks apart): ${Object.entries(wavesReceived)
      .map(([event, { events, bytes }]) => `${event} ${perVote(events)} (${Math.round(bytes / events)} B)`)
      .join(', ')}`,
  );
  console.log(`qa:votes events received by all clients: ${votesEventsReceived} (${(votesEventsReceived / N).toFixed(1)} per client for ${votes.length} votes)`);
  console.log('');
  console.log("server process (CPU time over wall time: 100% = one core busy; loop = event loop busy), and the clients' process:");
  const pct = (part: number, whole: number) => `${((100 * part) / whole).toFixed(0).padStart(3)}%`;
  for (const p of phases) {
    console.log(
      `  ${p.name.padEnd(48)} ${(p.wallMs / 1000).toFixed(2).padStart(6)} s  server CPU ${pct(p.cpuMs, p.wallMs)}  loop ${pct(p.loopMs, p.wallMs)}  RSS ${p.rssMb.toFixed(0)} MB   clients CPU ${pct(p.clientCpuMs, p.wallMs)}`,
    );
  }
  console.log(
    `  total CPU ${((final.cpuUserMs + final.cpuSystemMs) / 1000).toFixed(1)} s over ${((now() - wallStart) / 1000).toFixed(1)} s; final RSS ${final.rssMb.toFixed(0)} MB, heap ${final.heapUsedMb.toFixed(0)} MB`,
  );

  for (const socket of clients) socket.close();
  facilitator.close();
  child.send({ type: 'stop' });
  await new Promise((resolve) => child.once('exit', resolve));
  console.log('');
  return {
    fromEmitP50: percentile(fromEmit, 50),
    fromEmitP99: percentile(fromEmit, 99),
    ackP50: percentile(ackLatency, 50),
    ackP99: percentile(ackLatency, 99),
    cpuPerVoteMs: phases.filter((p) => p.name.startsWith('vote wave')).reduce((sum, p) => sum + p.cpuMs, 0) / Math.max(1, votes.length + refused),
    refused,
    missing,
  };
}

const app = await measure({
  name: `Open Talks (${STORAGE})`,
  script: './townhall-server.ts',
  env: STORAGE === 'postgres' ? { BENCH_DATABASE_URL: PG_URL, DATABASE_SCHEMA: PG_SCHEMA } : {},
  profile: true,
});
const floor = await measure({
  name: 'floor: bare Socket.IO, same vote work, no storage',
  script: './townhall-floor.ts',
  env: {},
  profile: Boolean(process.env.BENCH_PROFILE_FLOOR),
});
if (STORAGE === 'postgres') {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${PG_SCHEMA} CASCADE`);
  await client.end();
}

const ratio = (a: number, b: number) => `${(a / b).toFixed(1)}×`;
const row = (label: string, a: number, b: number) => console.log(`  ${label.padEnd(34)} ${fmt(a).padStart(8)} ms ${fmt(b).padStart(8)} ms ${ratio(a, b).padStart(7)}`);
console.log(`── Open Talks (${STORAGE}) vs bare Socket.IO, same clients process, same run (${N} clients)`);
console.log(`  ${''.padEnd(34)} ${'app'.padStart(11)} ${'floor'.padStart(11)} ${'ratio'.padStart(7)}`);
row('vote → count at others, p50', app.fromEmitP50, floor.fromEmitP50);
row('vote → count at others, p99', app.fromEmitP99, floor.fromEmitP99);
row('vote ack, p50', app.ackP50, floor.ackP50);
row('vote ack, p99', app.ackP99, floor.ackP99);
console.log(
  `  ${'server CPU per vote (vote waves)'.padEnd(34)} ${app.cpuPerVoteMs.toFixed(3).padStart(8)} ms ${floor.cpuPerVoteMs.toFixed(3).padStart(8)} ms ${ratio(app.cpuPerVoteMs, floor.cpuPerVoteMs).padStart(7)}`,
);
console.log(`  1-min load average at the end: ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores (wall-time figures need an otherwise idle machine)`);
if (app.refused || app.missing) console.log(`  app: ${app.refused} votes refused, ${app.missing} deliveries not seen`);
