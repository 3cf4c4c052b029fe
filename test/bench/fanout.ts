// Café fan-out benchmark (issue 17): N real socket.io clients (websocket transport, 127.0.0.1),
// in this process, joined to a café with tables and a locked plan on an Open Talks server in its
// own process, and N more connected to a bare Socket.IO server (same version, its own process)
// that sends the same messages with the same sizes. Per run, for both: (a) a live prompt to
// everyone, the time from the facilitator's send until each client has it; (b) a round start,
// the time until each participant has its seat and the round's timer, and the bytes each
// participant received for it. Prints p50/p99 of app and floor and the ratio, medians of the runs.
//
//   npm run bench:fanout -- --clients 2000 --runs 3
//
// Options: --clients N (2000), --runs R (3, at most 12: one round each), --table-size S (5),
// --attribution named|group|anonymous (group). BENCH_PROFILE=<dir> writes a CPU profile of the
// app server there. Needs about 2N + 100 file descriptors (`ulimit -n`).
import { fork, type ChildProcess } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/src/protocol/index.js';
import { PROTOCOL_VERSION } from '../../shared/src/version.js';
import type { ServerStats } from './fanout-server.js';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
type AnySocket = Socket;

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index < 0 ? undefined : Number(process.argv[index + 1]);
  return value !== undefined && Number.isFinite(value) && value > 0 ? Math.floor(value) : fallback;
}
function textOption(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index < 0 ? fallback : (process.argv[index + 1] ?? fallback);
}

const N = option('clients', 2000);
const RUNS = Math.min(option('runs', 3), 12);
const TABLE_SIZE = option('table-size', 5);
const ATTRIBUTION = textOption('attribution', 'group');
const JOIN_CONCURRENCY = 50;
const CONNECT_CONCURRENCY = 100;
const WAIT_MS = 120_000; // for one delivery to everyone, on a loaded machine

const now = () => performance.timeOrigin + performance.now(); // ms, one clock for the whole run

// ── the two servers, each in its own process ───────────────────────────────────────────────
interface Child {
  process: ChildProcess;
  base: string;
}
async function startChild(kind: 'app' | 'floor'): Promise<Child> {
  const profile = kind === 'app' && process.env.BENCH_PROFILE;
  const child = fork(fileURLToPath(new URL('./fanout-server.ts', import.meta.url)), [kind], {
    execArgv: ['--import', 'tsx', ...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [])],
    env: { ...process.env },
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.on('message', (m: { type: string; port?: number }) => m.type === 'ready' && resolve(m.port!));
  });
  return { process: child, base: `http://127.0.0.1:${port}` };
}
function stats(child: Child): Promise<ServerStats> {
  return new Promise((resolve) => {
    const listener = (m: { type: string; stats?: ServerStats }) => {
      if (m.type !== 'stats') return;
      child.process.off('message', listener);
      resolve(m.stats!);
    };
    child.process.on('message', listener);
    child.process.send({ type: 'stats' });
  });
}
const [app, floor] = [await startChild('app'), await startChild('floor')];

async function post<T>(path: string, body: unknown): Promise<T> {
  const response = await fetch(`${app.base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}
async function inBatches<T, R>(items: readonly T[], size: number, work: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map((item, j) => work(item, i + j)))));
  return out;
}
function command(socket: AnySocket, event: string, payload: unknown): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${event}: no ack`)), WAIT_MS);
    socket.emit(event, payload, (reply?: { ok?: boolean }) => {
      clearTimeout(timer);
      if (reply && reply.ok === false) reject(new Error(`${event}: ${JSON.stringify(reply)}`));
      else resolve(reply ?? {});
    });
  });
}

/** A connected client, counting the bytes it receives (each Engine.IO packet's payload). */
interface Counted {
  socket: AnySocket;
  bytes: number;
}
async function connect(base: string, auth: Record<string, unknown>): Promise<Counted> {
  const socket = io(base, { auth: { version: PROTOCOL_VERSION, ...auth }, transports: ['websocket'], reconnection: false, forceNew: true });
  const counted: Counted = { socket, bytes: 0 };
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no first state')), WAIT_MS);
    socket.once('session:state', () => {
      clearTimeout(timer);
      resolve();
    });
    socket.once('connect_error', reject);
  });
  socket.io.engine.on('packet', (packet: { data?: unknown }) => {
    if (typeof packet.data === 'string') counted.bytes += Buffer.byteLength(packet.data);
  });
  return counted;
}

/** Each client's time from `t0` until `arrived` says it has everything; NaN for any still missing after WAIT_MS. */
function deliveries(
  clients: readonly Counted[],
  arrived: (socket: AnySocket, done: () => void) => () => void,
): { start: () => number; all: Promise<{ ms: number[]; bytes: number[] }> } {
  let t0 = 0;
  const ms: number[] = new Array<number>(clients.length).fill(NaN);
  const bytes: number[] = new Array<number>(clients.length).fill(NaN);
  const startBytes = clients.map((c) => c.bytes);
  const all = Promise.all(
    clients.map(
      (client, i) =>
        new Promise<void>((resolve) => {
          const timer = setTimeout(() => {
            stop();
            resolve();
          }, WAIT_MS);
          const stop = arrived(client.socket, () => {
            ms[i] = now() - t0;
            bytes[i] = client.bytes - startBytes[i]!;
            clearTimeout(timer);
            stop();
            resolve();
          });
        }),
    ),
  ).then(() => ({ ms, bytes }));
  return {
    start: () => {
      for (let i = 0; i < clients.length; i++) startBytes[i] = clients[i]!.bytes;
      return (t0 = now());
    },
    all,
  };
}

/** Resolves `done` once every named event has arrived with a payload `match` accepts. */
function allOf(socket: AnySocket, events: Record<string, (payload: any) => boolean>, done: () => void, keep?: (event: string, payload: unknown) => void): () => void {
  const missing = new Set(Object.keys(events));
  const listeners = Object.entries(events).map(([event, match]) => {
    const listener = (payload: unknown) => {
      if (!missing.has(event) || !match(payload)) return;
      keep?.(event, payload);
      missing.delete(event);
      if (missing.size === 0) done();
    };
    socket.on(event, listener);
    return [event, listener] as const;
  });
  return () => {
    for (const [event, listener] of listeners) socket.off(event, listener);
  };
}

const percentile = (values: number[], p: number) => {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};
const median = (values: number[]) => percentile(values, 50);
const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ── set-up: a café of N joined and connected, tables and a plan; N floor clients ────────────
const loadBefore = loadavg()[0]!;
const setupStart = now();
const created = await post<{ session: { joinCode: string }; facilitatorToken: string }>('/api/sessions', {
  title: 'Fan-out bench café',
  format: 'cafe',
  attribution: ATTRIBUTION,
});
const groups = ['government', 'private-sector', 'civil-society', 'academia', 'technical-community', 'intergovernmental', 'other'];
const joined = await inBatches(
  Array.from({ length: N }, (_, i) => i),
  JOIN_CONCURRENCY,
  (i) =>
    post<{ token: string }>('/api/join', {
      joinCode: created.session.joinCode,
      displayName: `Participant ${i}`,
      stakeholderGroup: groups[i % groups.length],
      mode: i % 3 === 0 ? 'remote' : 'in-room',
    }),
);
const facilitator = (await connect(app.base, { token: created.facilitatorToken })).socket as Client;
const appClients = await inBatches(joined, CONNECT_CONCURRENCY, (person) => connect(app.base, { token: person.token }));
await command(facilitator, 'cafe:set-rounds', {
  rounds: Array.from({ length: RUNS }, (_, r) => ({ question: `Question ${r + 1}: what would make remote participants heard?`, durationMinutes: 60 })),
});
await command(facilitator, 'cafe:make-tables', { tableSize: TABLE_SIZE });
await command(facilitator, 'cafe:plan', { seed: 7 });
const controller = (await connect(floor.base, { token: 'controller', controller: true })).socket;
const floorClients = await inBatches(
  Array.from({ length: N }, (_, i) => i),
  CONNECT_CONCURRENCY,
  (i) => connect(floor.base, { token: `floor-${i}` }),
);
const setupMs = now() - setupStart;

// ── the runs ───────────────────────────────────────────────────────────────────────────────
interface Figures {
  p50: number;
  p99: number;
  bytes: number;
  cpuMs: number;
  missing: number;
}
interface Run {
  prompt: { app: Figures; floor: Figures };
  start: { app: Figures; floor: Figures };
}
const runs: Run[] = [];
let primed = false;

async function measure(
  server: Child,
  clients: readonly Counted[],
  trigger: () => Promise<unknown>,
  arrived: (socket: AnySocket, done: () => void) => () => void,
): Promise<Figures> {
  await settle(1_000);
  const before = await stats(server);
  const run = deliveries(clients, arrived);
  run.start();
  await trigger();
  const { ms, bytes } = await run.all;
  const after = await stats(server);
  return { p50: percentile(ms, 50), p99: percentile(ms, 99), bytes: median(bytes), cpuMs: after.cpuMs - before.cpuMs, missing: ms.filter(Number.isNaN).length };
}

/** (a) a live prompt to everyone, (b) a round start: each participant's seat and the round's timer. */
async function measureApp(r: number): Promise<{ prompt: Figures; start: Figures }> {
  const text = `Prompt ${r}: one minute left to agree on a key idea for the harvest.`;
  let promptSample: unknown;
  const prompt = await measure(
    app,
    appClients,
    () => command(facilitator, 'cafe:prompt', { text, tableId: null }),
    (socket, done) => allOf(socket, { 'cafe:prompt': (p: { text: string }) => p.text === text }, done, (_e, p) => (promptSample ??= p)),
  );
  const samples: Record<string, unknown> = {};
  const start = await measure(
    app,
    appClients,
    () => command(facilitator, 'cafe:start-round', {}),
    (socket, done) =>
      allOf(
        socket,
        {
          'cafe:seat': (p: { seat: { round: number } | null }) => p.seat?.round === r,
          'cafe:live': (p: { run: { round: number }; phase: string }) => p.run.round === r && p.phase === 'in-round',
        },
        done,
        (event, payload) => (samples[event] ??= payload),
      ),
  );
  // The floor sends what the app sent in the first run, the same messages with the same sizes.
  if (!primed) {
    await command(controller, 'floor:prime', { prompt: promptSample, live: samples['cafe:live'], seat: samples['cafe:seat'] });
    primed = true;
  }
  return { prompt, start };
}

async function measureFloor(): Promise<{ prompt: Figures; start: Figures }> {
  const prompt = await measure(
    floor,
    floorClients,
    () => command(controller, 'floor:prompt', {}),
    (socket, done) => allOf(socket, { 'cafe:prompt': () => true }, done),
  );
  const start = await measure(
    floor,
    floorClients,
    () => command(controller, 'floor:start', {}),
    (socket, done) => allOf(socket, { 'cafe:seat': () => true, 'cafe:live': () => true }, done),
  );
  return { prompt, start };
}

for (let r = 1; r <= RUNS; r++) {
  // App first in odd runs, the floor first in even ones, so neither always follows the other.
  const floorFirst = r % 2 === 0;
  const floorEarly = floorFirst ? await measureFloor() : undefined;
  const appFigures = await measureApp(r);
  const floorFigures = floorEarly ?? (await measureFloor());
  const [appPrompt, appStart, floorPrompt, floorStart] = [appFigures.prompt, appFigures.start, floorFigures.prompt, floorFigures.start];
  runs.push({ prompt: { app: appPrompt, floor: floorPrompt }, start: { app: appStart, floor: floorStart } });
  // End the round so the next run starts the next one; wait until everyone knows.
  const ended = deliveries(appClients, (socket, done) => allOf(socket, { 'cafe:live': (p: { phase: string }) => p.phase !== 'in-round' }, done));
  ended.start();
  await command(facilitator, 'cafe:end-round', {});
  await ended.all;
  console.log(
    `run ${r}: prompt app p99 ${appPrompt.p99.toFixed(0)} ms, floor ${floorPrompt.p99.toFixed(0)} ms; round start app p99 ${appStart.p99.toFixed(0)} ms (${appStart.bytes} B each), floor ${floorStart.p99.toFixed(0)} ms (${floorStart.bytes} B)`,
  );
}

// ── figures ────────────────────────────────────────────────────────────────────────────────
const med = (pick: (run: Run) => number) => median(runs.map(pick));
const fmt = (ms: number) => (Number.isNaN(ms) ? '–' : ms.toFixed(0)).padStart(6);
console.log('');
console.log(`café fan-out bench: ${N} participants (websocket, 127.0.0.1), tables of ${TABLE_SIZE}, attribution ${ATTRIBUTION}, ${RUNS} runs (medians); Node ${process.version}`);
console.log(`machine: ${cpus().length} cores; 1-min load average ${loadBefore.toFixed(1)} at start, ${loadavg()[0]!.toFixed(1)} at end; set-up ${(setupMs / 1000).toFixed(0)} s`);
console.log('');
console.log('                               app p50   app p99  floor p50 floor p99  ratio p99  server CPU app / floor');
for (const [name, key] of [
  ['live prompt to everyone', 'prompt'],
  ['round start (seat + timer)', 'start'],
] as const) {
  const ratio = med((r) => r[key].app.p99) / med((r) => r[key].floor.p99);
  console.log(
    `${name.padEnd(28)} ${fmt(med((r) => r[key].app.p50))} ms ${fmt(med((r) => r[key].app.p99))} ms ${fmt(med((r) => r[key].floor.p50))} ms ${fmt(med((r) => r[key].floor.p99))} ms ${ratio.toFixed(2).padStart(8)}×   ${fmt(med((r) => r[key].app.cpuMs))} / ${fmt(med((r) => r[key].floor.cpuMs))} ms`,
  );
}
const missing = runs.reduce((sum, r) => sum + r.prompt.app.missing + r.start.app.missing + r.prompt.floor.missing + r.start.floor.missing, 0);
console.log('');
console.log(`bytes each participant received for a round start (median): app ${med((r) => r.start.app.bytes)} B, floor ${med((r) => r.start.floor.bytes)} B`);
if (missing > 0) console.log(`${missing} deliveries did not arrive within ${WAIT_MS / 1000} s`);

for (const c of [...appClients, ...floorClients]) c.socket.close();
facilitator.close();
controller.close();
for (const child of [app, floor]) {
  child.process.send({ type: 'stop' });
  await new Promise((resolve) => child.process.once('exit', resolve));
}
