// Memory per idle connected participant (issue 17): the app's server and a bare Socket.IO
// server (memory-floor.ts: same version, options and transport, two rooms per client as the
// app joins) each run in their own process; N idle clients connect from this one (websocket
// transport). What is measured is the cost of one more participant on a server already in use:
// a quarter of the clients connect first, each server's memory is read (memory-measure.ts: the
// young generation churned through, a full GC, then the last-resort GC that gives freed pages
// back to the system), the other three quarters connect, it is read again, and the difference
// is divided by those clients. The young generation is fixed at its full size in both servers
// (YOUNG_GENERATION). Heap used is the steadiest figure; RSS also counts native memory, but a
// process with free space left in its heap pages (the app's start-up leaves more than the
// floor's) fills it before it asks the system for more, so its RSS grows less than its heap.
// The app's people join a Town Hall over HTTP on a first server; the one measured is a second,
// fresh process on the same database, as after a restart. Medians over --runs.
//
//   npm run bench:memory                          # 2,000 clients, 3 runs
//   npm run bench:memory -- --clients 300 --runs 1
//   npm run bench:memory -- --heap-prof /tmp/prof # also: the app's sampling heap profile at N connected
//
// Needs about N + 100 file descriptors (`ulimit -n`).
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { io, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION } from '../../shared/src/version.js';
import type { MemoryFigures } from './memory-measure.js';
import { summariseHeapProfile } from './memory-profile.js';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index < 0 ? undefined : Number(process.argv[index + 1]);
  return value !== undefined && Number.isFinite(value) && value > 0 ? Math.floor(value) : fallback;
}
function textOption(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index < 0 ? undefined : process.argv[index + 1];
}

const N = option('clients', 2000);
const RUNS = option('runs', 3);
const HEAP_PROF = textOption('heap-prof');
const JOIN_CONCURRENCY = 50;
const CONNECT_CONCURRENCY = 100;
/**
 * The young generation at its full size from the start, in both servers: V8 doubles it once
 * allocation is brisk, a 16 MB step in RSS that the app's start-up has already taken and the
 * floor's takes while its clients connect, which would be counted as theirs.
 */
const YOUNG_GENERATION = ['--min-semi-space-size=16', '--max-semi-space-size=16'];
/** After the last client is in: attendance broadcasts and their buffers settle before measuring. */
const SETTLE_MS = 1500;

interface Server {
  child: ChildProcess;
  base: string;
}

async function start(file: string, profileDir?: string, env: NodeJS.ProcessEnv = {}): Promise<Server> {
  // Sampling every 32 KB rather than 512 KB: a participant's share is tens of KB.
  const profile = profileDir ? ['--heap-prof', `--heap-prof-dir=${profileDir}`, '--heap-prof-interval=32768'] : [];
  const child = fork(fileURLToPath(new URL(file, import.meta.url)), {
    execArgv: ['--expose-gc', ...YOUNG_GENERATION, ...profile, '--import', 'tsx'],
    env: { ...process.env, ...env },
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`${file} exited with ${code}`)));
    child.on('message', (m: { type: string; port?: number }) => m.type === 'ready' && resolve(m.port!));
  });
  return { child, base: `http://127.0.0.1:${port}` };
}

function ask<T>(server: Server, type: string, answer: string, extra: object = {}): Promise<T> {
  return new Promise((resolve) => {
    const listener = (m: { type: string } & Record<string, unknown>) => {
      if (m.type !== answer) return;
      server.child.off('message', listener);
      resolve(m as T);
    };
    server.child.on('message', listener);
    server.child.send({ type, ...extra });
  });
}
const memory = async (server: Server) => (await ask<{ memory: MemoryFigures }>(server, 'memory', 'memory')).memory;

async function stop(server: Server, how: 'stop' | 'exit' = 'stop'): Promise<void> {
  server.child.removeAllListeners('exit'); // start()'s: this exit is wanted
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.send({ type: how });
  await exited;
}

async function post<T>(base: string, path: string, body: unknown): Promise<T> {
  const response = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

async function inBatches<T, R>(items: T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map(work))));
  return out;
}

/** N idle clients, websocket only, each in once it has its first state. */
function connect(base: string, tokens: string[]): Promise<Socket[]> {
  return inBatches(tokens, CONNECT_CONCURRENCY, async (token) => {
    const socket = io(base, { auth: { token, version: PROTOCOL_VERSION }, transports: ['websocket'], reconnection: false, forceNew: true });
    await new Promise<void>((resolve, reject) => {
      socket.once('session:state', () => resolve());
      socket.once('connect_error', reject);
    });
    return socket;
  });
}

/** The app's tokens: a Town Hall and N people joined over HTTP. */
async function joinApp(base: string): Promise<string[]> {
  const created = await post<{ session: { joinCode: string } }>(base, '/api/sessions', { title: 'Bench memory', format: 'townhall', attribution: 'group' });
  const groups = ['government', 'private-sector', 'civil-society', 'academia', 'technical-community', 'intergovernmental', 'other'];
  const joined = await inBatches(
    Array.from({ length: N }, (_, i) => i),
    JOIN_CONCURRENCY,
    (i) =>
      post<{ token: string }>(base, '/api/join', {
        joinCode: created.session.joinCode,
        displayName: `P${i}`,
        stakeholderGroup: groups[i % groups.length],
        mode: i % 3 === 0 ? 'remote' : 'in-room',
      }),
  );
  return joined.map((person) => person.token);
}

interface Figure {
  rssKb: number;
  heapKb: number;
  heapTotalKb: number;
  /** The whole RSS with everyone connected. */
  rssMb: number;
  externalKb: number;
  connectMs: number;
}

async function measure(kind: 'app' | 'floor', profileDir?: string): Promise<Figure> {
  const dir = mkdtempSync(join(tmpdir(), 'open-talks-bench-memory-'));
  let tokens = Array.from({ length: N }, (_, i) => `floor-${i}`);
  if (kind === 'app') {
    const joining = await start('./memory-server.ts', undefined, { BENCH_MEMORY_DIR: dir });
    tokens = await joinApp(joining.base);
    await stop(joining);
  }
  const server = await start(kind === 'app' ? './memory-server.ts' : './memory-floor.ts', profileDir, { BENCH_MEMORY_DIR: dir });
  const warm = Math.floor(N / 4);
  const clients = await connect(server.base, tokens.slice(0, warm));
  await sleep(SETTLE_MS);
  const before = await memory(server);
  const started = performance.now();
  clients.push(...(await connect(server.base, tokens.slice(warm))));
  const connectMs = performance.now() - started;
  await sleep(SETTLE_MS);
  const after = await memory(server);
  if (profileDir) {
    // The profile holds what is live when the process ends: end it with everyone still connected.
    await stop(server, 'exit');
    for (const socket of clients) socket.close();
  } else {
    for (const socket of clients) socket.close();
    await stop(server);
  }
  rmSync(dir, { recursive: true, force: true });
  const measured = N - warm;
  return {
    rssKb: (after.rssKb - before.rssKb) / measured,
    heapKb: (after.heapUsedKb - before.heapUsedKb) / measured,
    heapTotalKb: (after.heapTotalKb - before.heapTotalKb) / measured,
    externalKb: (after.externalKb - before.externalKb) / measured,
    rssMb: after.rssKb / 1024,
    connectMs,
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const kb = (value: number) => `${value.toFixed(1).padStart(5)} KB`;

console.log(
  `Memory bench: ${N} idle clients (websocket, 127.0.0.1; ${Math.floor(N / 4)} first, measured over the other ${N - Math.floor(N / 4)}), Town Hall, ${RUNS} run(s); Node ${process.version}`,
);
console.log(`machine: ${cpus().length} cores; 1-min load average ${loadavg()[0]!.toFixed(1)} at start`);
const figures: Record<'app' | 'floor', Figure[]> = { app: [], floor: [] };
for (let run = 1; run <= RUNS; run++) {
  for (const kind of ['app', 'floor'] as const) {
    const figure = await measure(kind);
    figures[kind].push(figure);
    console.log(
      `  run ${run} ${kind.padEnd(5)}  per participant: RSS ${kb(figure.rssKb)}  heap ${kb(figure.heapKb)} (V8 heap reserved ${kb(figure.heapTotalKb)})  external ${kb(figure.externalKb)}   (RSS ${figure.rssMb.toFixed(0)} MB at ${N}, connect ${(figure.connectMs / 1000).toFixed(1)} s)`,
    );
  }
}
const rss = { app: median(figures.app.map((f) => f.rssKb)), floor: median(figures.floor.map((f) => f.rssKb)) };
const heap = { app: median(figures.app.map((f) => f.heapKb)), floor: median(figures.floor.map((f) => f.heapKb)) };
console.log('');
console.log(`per idle connected participant, medians of ${RUNS}:   Open Talks   bare Socket.IO   ratio`);
console.log(`  RSS                                        ${kb(rss.app)}     ${kb(rss.floor)}      ${(rss.app / rss.floor).toFixed(2)}×`);
console.log(`  heap (used, after GC)                      ${kb(heap.app)}     ${kb(heap.floor)}      ${(heap.app / heap.floor).toFixed(2)}×`);
console.log(`load average at end ${loadavg()[0]!.toFixed(1)} (other work on the machine moves RSS little, but it moves it)`);

if (HEAP_PROF) {
  mkdirSync(HEAP_PROF, { recursive: true });
  const known = new Set(readdirSync(HEAP_PROF));
  await measure('app', HEAP_PROF);
  // The main thread's profile (Heap.<date>.<time>.<pid>.0.<n>); worker threads write their own.
  const file = readdirSync(HEAP_PROF).find((name) => /\.0\.\d+\.heapprofile$/.test(name) && !known.has(name));
  console.log('');
  if (file) console.log(summariseHeapProfile(join(HEAP_PROF, file), N).join('\n'));
  else console.log(`no heap profile was written in ${HEAP_PROF}`);
}
