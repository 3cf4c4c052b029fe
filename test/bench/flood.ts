// Flood benchmark (hardening issue, items 3–5): do one person's floods slow everyone else down?
// V real socket.io clients (127.0.0.1, websocket) vote and take their votes back at a steady pace
// while we measure each command's time to its ack, p50 and p99; first with nobody flooding, then
// while one person (in a process of its own, see flooder.ts) floods with Socket.IO commands,
// unknown events with long names, and HTTP PATCH /me through more connections than allowed;
// then while the same kind of person floods their café table's notepad with small Yjs updates
// over several notepad connections (a fresh ticket for each, see notepad-flooder.ts).
// Prints each run and the medians of R runs, and the flood/quiet ratios (aim: p99 ≤ 2×).
//
//   npm run bench:flood
//   npm run bench:flood -- --voters 50 --seconds 4 --runs 3
//
// Options: --voters V (50), --seconds S per phase (4), --runs R (3), --interval I ms between one
// voter's commands (250), --sockets K flooder connections (12), --rate F events a second the
// flooder offers, paced (3000), --max-events M per flood (200000), --notepads N notepad
// connections of the notepad flood (16, the default cap per person).
import { fork, type ChildProcess } from 'node:child_process';
import { cpus, loadavg, setPriority } from 'node:os';
import { fileURLToPath } from 'node:url';
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/src/protocol/index.js';
import { createSession, http, join } from '../helpers/api.js';
import type { FloodReport } from './flooder.js';
import type { ServerStats } from './townhall-server.js';
import { PROTOCOL_VERSION } from '../../shared/src/version.js';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index < 0 ? undefined : Number(process.argv[index + 1]);
  return value !== undefined && Number.isFinite(value) && value > 0 ? Math.floor(value) : fallback;
}

const VOTERS = option('voters', 50);
const PHASE_MS = option('seconds', 4) * 1000; // ms per phase
const RUNS = option('runs', 3);
const INTERVAL = option('interval', 250); // ms between one voter's commands: 4 a second, under every limit
const FLOOD_SOCKETS = option('sockets', 12);
const MAX_EVENTS = option('max-events', 200_000);
const FLOOD_RATE = option('rate', 3000); // events a second offered by the flooder, the same before and after a change
const NOTEPAD_CONNECTIONS = option('notepads', 16);

const now = () => performance.now();
const percentile = (sorted: number[], p: number) => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!);
const median = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
const fmt = (ms: number) => (Number.isNaN(ms) ? '–' : ms.toFixed(1));

function forkTs(file: string, profile?: string): ChildProcess {
  const execArgv = ['--import', 'tsx', ...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [])];
  const child = fork(file.startsWith('/') ? file : fileURLToPath(new URL(file, import.meta.url)), { execArgv, env: { ...process.env } });
  children.push(child);
  return child;
}

function nextMessage<T>(child: ChildProcess, type: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const listener = (m: { type: string }) => {
      if (m.type !== type) return;
      child.off('message', listener);
      child.off('error', reject);
      resolve(m as T);
    };
    child.on('message', listener);
    child.once('error', reject);
  });
}

// Bounded in time whatever happens: past this, the children are stopped and the bench fails.
const DEADLINE = RUNS * 3 * PHASE_MS + 120_000; // ms: the phases, plus set-up and slack
const children: ChildProcess[] = [];
setTimeout(() => {
  console.error(`bench:flood did not finish within ${DEADLINE / 1000} s`);
  for (const child of children) child.kill('SIGKILL');
  process.exit(1);
}, DEADLINE).unref();

// ── the server, in its own process, with the default limits ────────────────────────────────
// BENCH_PROFILE=<dir>: a CPU profile of the server. BENCH_SERVER=<path to a townhall-server.ts>:
// another checkout's server (to compare with the code before a change).
const server = forkTs(process.env.BENCH_SERVER ?? './townhall-server.ts', process.env.BENCH_PROFILE);
const { port } = await nextMessage<{ port: number }>(server, 'ready');
const base = `http://127.0.0.1:${port}`;

function serverStats(): Promise<ServerStats> {
  const reply = nextMessage<{ stats: ServerStats }>(server, 'stats').then((m) => m.stats);
  server.send({ type: 'stats' });
  return reply;
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

function ack<E extends keyof ClientToServerEvents>(socket: Client, event: E, payload: Parameters<ClientToServerEvents[E]>[0]): Promise<{ ok: boolean } & Record<string, any>> {
  return new Promise((resolve) => (socket.emit as (...args: unknown[]) => void)(event, payload, resolve));
}

async function connect(token: string): Promise<Client> {
  const socket: Client = io(base, { auth: { token, version: PROTOCOL_VERSION }, transports: ['websocket'], reconnection: false, forceNew: true });
  await new Promise<void>((resolve, reject) => {
    socket.once('session:state', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

// ── set-up: a Town Hall, a question, V voters, one person who will flood ───────────────────
const created = await post<{ session: { id: string; joinCode: string } }>('/api/sessions', { title: 'Flood bench', format: 'townhall' });
type Joined = { participant: { id: string }; token: string };
const joinAs = (name: string) => post<Joined>('/api/join', { joinCode: created.session.joinCode, displayName: name, stakeholderGroup: 'other', mode: 'remote' });
const asker = await joinAs('Asker');
const askerSocket = await connect(asker.token);
const asked = await ack(askerSocket, 'qa:ask', { text: 'Will remote participants be heard?' });
if (!asked.ok) throw new Error(`ask: ${JSON.stringify(asked)}`);
const questionId: string = asked.question.id;
const voters: Client[] = [];
for (let i = 0; i < VOTERS; i++) voters.push(await connect((await joinAs(`Voter ${i}`)).token));
const flooder = await joinAs('Flooder');
const notepadFlood = await cafeTable();

/** A café with its first round running and one person seated, whose notepad room is returned. */
async function cafeTable(): Promise<{ token: string; room: string }> {
  const cafe = await createSession(base, { title: 'Flood bench café' });
  const id = cafe.session.id;
  const scribbler = await join(base, cafe.session.joinCode, { displayName: 'Scribbler' });
  await join(base, cafe.session.joinCode, { displayName: 'Table mate' });
  const token = cafe.facilitatorToken;
  const steps: [string, string, unknown, number][] = [
    [
      'PUT',
      'tables',
      {
        tables: [
          { label: 'A', kind: 'in-room', capacity: 6 },
          { label: 'B', kind: 'in-room', capacity: 6 },
        ],
      },
      200,
    ],
    ['PUT', 'rounds', { rounds: [{ question: 'What matters?', durationMinutes: 20 }] }, 200],
    ['POST', 'plan', { seed: 1 }, 201],
    ['POST', 'run/start', {}, 200],
  ];
  for (const [method, path, body, status] of steps) {
    const result = await http(base, method, `/api/sessions/${id}/cafe/${path}`, { token, body });
    if (result.status !== status) throw new Error(`café ${path}: ${result.status} ${JSON.stringify(result.body)}`);
  }
  const socket: Client = io(base, { auth: { token: scribbler.token, version: PROTOCOL_VERSION }, transports: ['websocket'], reconnection: false, forceNew: true });
  const state = await new Promise<Parameters<ServerToClientEvents['session:state']>[0]>((resolve) => socket.once('session:state', resolve));
  socket.close();
  const seat = state.cafe?.seat;
  if (!seat) throw new Error('the notepad flooder has no seat');
  return { token: scribbler.token, room: `session/${id}/table/${seat.table.id}/round/${seat.round}` };
}

/** Every voter votes, then takes it back, … each INTERVAL ms, for PHASE_MS; returns ack times. */
async function measure(): Promise<{ latencies: number[]; refused: number; cpuMs: number; loopBusy: number; loopDelayP99: number }> {
  const before = await serverStats();
  const started = now();
  const latencies: number[] = [];
  let refused = 0;
  const end = now() + PHASE_MS;
  await Promise.all(
    voters.map(async (socket, i) => {
      let up = true;
      // Spread the voters over the interval so the load is steady, not in lock-step.
      await new Promise((resolve) => setTimeout(resolve, (i * INTERVAL) / VOTERS));
      while (now() < end) {
        const started = now();
        const reply = await ack(socket, 'qa:vote', { questionId, up });
        latencies.push(now() - started);
        if (!reply.ok) refused++;
        up = !up;
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, INTERVAL - (now() - started)))); // pacing, not waiting for an event
      }
    }),
  );
  const after = await serverStats();
  const wall = now() - started;
  return {
    latencies: latencies.sort((a, b) => a - b),
    refused,
    cpuMs: after.cpuUserMs + after.cpuSystemMs - before.cpuUserMs - before.cpuSystemMs,
    loopBusy: (after.loopActiveMs - before.loopActiveMs) / wall,
    loopDelayP99: after.loopDelayP99Ms ?? NaN, // NaN: a server from before this figure (BENCH_SERVER)
  };
}

interface Phase {
  p50: number;
  p99: number;
  n: number;
  refused: number;
  /** The server's CPU time in the phase (ms) and the share of it its event loop was busy. */
  cpuMs: number;
  loopBusy: number;
  /** The server's event-loop delay in the phase, p99 (ms): what the server itself made everyone wait. */
  loopDelayP99: number;
}
interface Run {
  quiet: Phase;
  flood: Phase;
  notepads: Phase;
  report: FloodReport;
  notepadReport: FloodReport;
}

/** Measures the voters while a flooder process floods; `notepad` makes it flood notepads. */
async function flooded(notepad?: { token: string; room: string; connections: number }): Promise<{ phase: Awaited<ReturnType<typeof measure>>; report: FloodReport }> {
  const child = forkTs('./flooder.ts');
  // The flooder stands for someone on another machine: on this one it must not win CPU time
  // from the server just by being a busy process, or the figures measure the machine, not us.
  setPriority(child.pid!, 19);
  await nextMessage(child, 'ready');
  child.send({ type: 'start', base, sessionId: created.session.id, token: flooder.token, sockets: FLOOD_SOCKETS, maxEvents: MAX_EVENTS, rate: FLOOD_RATE, notepad });
  const phase = await measure();
  child.send({ type: 'stop' });
  const { report } = await nextMessage<{ report: FloodReport }>(child, 'report');
  return { phase, report };
}

const runs: Run[] = [];
const wallStart = now();
const loadBefore = loadavg()[0]!;
const stats = (m: Awaited<ReturnType<typeof measure>>): Phase => ({
  p50: percentile(m.latencies, 50),
  p99: percentile(m.latencies, 99),
  n: m.latencies.length,
  refused: m.refused,
  cpuMs: m.cpuMs,
  loopBusy: m.loopBusy,
  loopDelayP99: m.loopDelayP99,
});
const describe = (p: Phase) =>
  `p50 ${fmt(p.p50)} p99 ${fmt(p.p99)} ms (${p.n} votes, ${p.refused} refused, server CPU ${p.cpuMs.toFixed(0)} ms, loop ${(p.loopBusy * 100).toFixed(0)}% busy, loop delay p99 ${fmt(p.loopDelayP99)} ms)`;
const flooderSays = (r: FloodReport) => `sent ${r.sent} (CPU ${r.cpuMs.toFixed(0)} ms), ${r.replacedSockets} sockets replaced, answers ${JSON.stringify(r.answered)}`;
for (let run = 0; run < RUNS; run++) {
  const quiet = stats(await measure());
  const socketHttp = await flooded();
  const notepads = await flooded({ ...notepadFlood, connections: NOTEPAD_CONNECTIONS });
  runs.push({ quiet, flood: stats(socketHttp.phase), notepads: stats(notepads.phase), report: socketHttp.report, notepadReport: notepads.report });
  const r = runs.at(-1)!;
  console.log(`run ${run + 1}: quiet ${describe(r.quiet)}`);
  console.log(`  Socket.IO + HTTP flood ${describe(r.flood)} · flooder ${flooderSays(r.report)}`);
  console.log(`  notepad flood ${describe(r.notepads)} · flooder ${flooderSays(r.notepadReport)}`);
}

const med = (pick: (r: Run) => number) => median(runs.map(pick));
console.log(`\nFlood benchmark: ${VOTERS} voters, one vote each per ${INTERVAL} ms, ${PHASE_MS / 1000} s per phase, flood offered at ${FLOOD_RATE}/s, ${RUNS} runs (medians)`);
console.log(`machine: ${cpus().length} cores, load ${loadBefore.toFixed(2)} → ${loadavg()[0]!.toFixed(2)}, ${((now() - wallStart) / 1000).toFixed(0)} s`);
console.log(`                           p50 ms   p99 ms   server CPU ms   loop busy   loop delay p99 ms`);
const row = (pick: (r: Run) => Phase) =>
  `${fmt(med((r) => pick(r).p50)).padStart(8)} ${fmt(med((r) => pick(r).p99)).padStart(8)} ${med((r) => pick(r).cpuMs)
    .toFixed(0)
    .padStart(15)} ${`${(med((r) => pick(r).loopBusy) * 100).toFixed(0)}%`.padStart(11)} ${fmt(med((r) => pick(r).loopDelayP99)).padStart(19)}`;
console.log(`nobody flooding          ${row((r) => r.quiet)}`);
console.log(`Socket.IO + HTTP flood   ${row((r) => r.flood)}`);
console.log(`notepad flood            ${row((r) => r.notepads)}`);
const ratio = (pick: (r: Run) => Phase) => `p50 ${med((r) => pick(r).p50 / r.quiet.p50).toFixed(2)}×, p99 ${med((r) => pick(r).p99 / r.quiet.p99).toFixed(2)}×`;
console.log(`ratio to quiet (median of runs): Socket.IO + HTTP flood ${ratio((r) => r.flood)}; notepad flood ${ratio((r) => r.notepads)} (aim p99 ≤ 2×)`);
// The server's CPU per event the flooder offered, above the quiet phase: the cost of a refusal,
// which does not depend on how busy the machine is (the latencies do, on a shared machine).
const perEvent = (pick: (r: Run) => Phase, report: (r: Run) => FloodReport) =>
  `${med((r) => ((pick(r).cpuMs - r.quiet.cpuMs) * 1000) / Math.max(1, report(r).sent)).toFixed(0)} µs`;
console.log(
  `server CPU per flood event, above quiet (median): Socket.IO + HTTP ${perEvent(
    (r) => r.flood,
    (r) => r.report,
  )}, notepads ${perEvent(
    (r) => r.notepads,
    (r) => r.notepadReport,
  )}`,
);
console.log(
  `voters refused while flooded (median): ${med((r) => r.flood.refused)} and ${med((r) => r.notepads.refused)} — each voter stays under every limit, so this should be 0`,
);

for (const socket of [...voters, askerSocket]) socket.close();
server.send({ type: 'stop' });
await new Promise((resolve) => server.once('exit', resolve));
