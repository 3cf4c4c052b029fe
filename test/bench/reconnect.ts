// Restart storm benchmark: N real socket.io clients (the web client's reconnection settings,
// client/src/net/reconnect-options.ts) are connected to a Town Hall, or to a café mid-round
// (plan locked, round 1 running); the server is killed (SIGKILL) and started again on the same
// port and database, and we time how long until every client has fresh `session:state` (with
// its café seat). The same is done with a bare Socket.IO server (test/bench/reconnect-floor.ts)
// as the floor. Prints medians of --runs and the ratio app ÷ floor, in time and in the server's
// CPU time from listening until all were back (steadier when other work shares the machine).
// Everything on 127.0.0.1.
//
//   npm run bench:reconnect -- --clients 2000
//   npm run bench:reconnect -- --clients 500 --runs 1 --only cafe
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench:reconnect -- --clients 2000
//
// Options: --clients N (500), --runs R (3), --bound S (seconds a run may take after the kill
// before the rest count as "never back"; 90), --only townhall|cafe|floor (repeatable),
// --server dist|src (dist: the compiled server `npm start` runs, built first; src: through tsx),
// --root DIR (the checkout whose server to run, to compare with an older commit; this one),
// --transport websocket (clients skip long-polling, lighter on the clients' own process; default:
// as the web client). BENCH_PROFILE=<dir> writes a CPU profile of each server process.
// Needs about 2N + 100 open files: the script checks `ulimit -n` and says so if it is too low.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { freePort, kill, untilHealthy } from '../helpers/child-server.js';
import { now, populate, type Restart, type Scenario } from './reconnect-world.js';

const HERE = fileURLToPath(new URL('../../', import.meta.url));

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index < 0 ? undefined : Number(process.argv[index + 1]);
  return value !== undefined && Number.isFinite(value) && value > 0 ? Math.floor(value) : fallback;
}
function options(name: string): string[] {
  return process.argv.flatMap((arg, i) => (arg === `--${name}` && process.argv[i + 1] ? [process.argv[i + 1]!] : []));
}

const N = option('clients', 500);
const RUNS = option('runs', 3);
const BOUND = option('bound', 90) * 1000; // ms after the kill
const ONLY = options('only') as Scenario[];
const SCENARIOS: Scenario[] = (['townhall', 'cafe', 'floor'] as const).filter((s) => ONLY.length === 0 || ONLY.includes(s));
const SERVER = options('server')[0] === 'src' ? 'src' : 'dist';
const ROOT = options('root')[0] ?? HERE;
const TRANSPORT = options('transport')[0] === 'websocket' ? 'websocket' : 'client';
const POSTGRES = process.env.DATABASE_URL?.startsWith('postgres') ? process.env.DATABASE_URL : undefined;

const softLimit = Number(execFileSync('sh', ['-c', 'ulimit -n']).toString().trim());
if (Number.isFinite(softLimit) && softLimit < 2 * N + 100) {
  console.error(`ulimit -n is ${softLimit}; ${N} clients need about ${2 * N + 100} (run \`ulimit -n 8192\` first).`);
  process.exit(1);
}
if (SERVER === 'dist' && SCENARIOS.some((s) => s !== 'floor')) {
  if (ROOT === HERE) execFileSync('npm', ['run', 'build:server'], { cwd: HERE, stdio: 'inherit' });
}

interface Database {
  env: Record<string, string>;
  drop(): Promise<void>;
}

function freshDatabase(): Database {
  if (POSTGRES) {
    const schema = `bench_${randomBytes(5).toString('hex')}`;
    return {
      env: { DATABASE_URL: POSTGRES, DATABASE_SCHEMA: schema },
      async drop() {
        const client = new pg.Client({ connectionString: POSTGRES });
        await client.connect();
        await client.query(`drop schema if exists ${schema} cascade`);
        await client.end();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'open-talks-reconnect-'));
  return { env: { DATABASE_URL: `sqlite:${join(dir, 'bench.sqlite')}` }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

function start(scenario: Scenario, port: number, database: Database): ChildProcess {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...database.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    // One machine plays thousands of people behind one address: lift the per-IP limits.
    RATE_JOIN_PER_MIN: '1000000',
    RATE_CREATE_PER_10MIN: '1000',
  };
  if (!database.env.DATABASE_SCHEMA) delete env.DATABASE_SCHEMA;
  const args =
    scenario === 'floor'
      ? ['--import', 'tsx', join(HERE, 'test/bench/reconnect-floor.ts')]
      : SERVER === 'dist'
        ? ['server/dist/main.js']
        : ['--import', 'tsx', 'server/src/main.ts'];
  // BENCH_PROFILE=<dir>: a CPU profile of each server process (written when it stops cleanly).
  if (process.env.BENCH_PROFILE) args.unshift('--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`);
  return spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] });
}

interface Result {
  /** From the kill until every client had fresh state (or the bound), ms. */
  allBackMs: number;
  /** From the new server answering /api/health until every client had fresh state, ms. */
  afterUpMs: number;
  /** From the kill until the new server answered, ms. */
  bootMs: number;
  /** CPU time the restarted server used from answering until everyone was back (user + system), ms:
   * unlike the times above, hardly changed by other work on the machine. NaN without /proc. */
  cpuMs: number;
  neverBack: number;
  errorsWhileDown: number;
  errorsAfterUp: number;
}

async function runOnce(scenario: Scenario): Promise<Result> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const database = freshDatabase();
  let child = start(scenario, port, database);
  const restart: Restart = {
    killedAt: null,
    listeningAt: null,
    fresh: 0,
    onAllFresh: () => {},
    sockets: [],
    websocketOnly: TRANSPORT === 'websocket',
    errorsAfterUp: new Map(),
    eventsAfterKill: new Map(),
  };
  try {
    await untilHealthy(url, child, 60_000);
    const clients = await populate(url, scenario, N, restart);
    const allFresh = new Promise<void>((resolve) => (restart.onAllFresh = resolve));
    restart.killedAt = now();
    await kill(child);
    child = start(scenario, port, database);
    const bounded = new Promise<void>((resolve) => setTimeout(resolve, BOUND).unref());
    await untilHealthy(url, child, BOUND);
    restart.listeningAt = now();
    const cpuAtUp = cpuTime(child);
    await Promise.race([allFresh, bounded]);
    const cpuMs = cpuTime(child) - cpuAtUp;
    const end = clients.every((c) => c.freshAt !== null) ? Math.max(...clients.map((c) => c.freshAt!)) : now();
    const result: Result = {
      allBackMs: end - restart.killedAt,
      afterUpMs: end - restart.listeningAt,
      bootMs: restart.listeningAt - restart.killedAt,
      cpuMs,
      neverBack: clients.filter((c) => c.freshAt === null).length,
      errorsWhileDown: clients.reduce((sum, c) => sum + c.errorsWhileDown, 0),
      errorsAfterUp: clients.reduce((sum, c) => sum + c.errorsAfterUp, 0),
    };
    console.log(`  events received after the kill: ${[...restart.eventsAfterKill].map(([event, n]) => `${n}× ${event}`).join('; ')}`);
    if (restart.errorsAfterUp.size > 0) console.log(`  connect errors after up: ${[...restart.errorsAfterUp].map(([message, n]) => `${n}× ${message}`).join('; ')}`);
    return result;
  } finally {
    for (const socket of restart.sockets) socket.disconnect();
    if (process.env.BENCH_PROFILE) await stop(child);
    await kill(child);
    await database.drop();
  }
}

const CLOCK_TICK_MS = 10; // /proc/<pid>/stat counts CPU time in ticks of 1/100 s (USER_HZ on Linux)

/** The CPU time a child process has used so far (user + system), ms; NaN if unknown. */
function cpuTime(child: ChildProcess): number {
  try {
    const stat = readFileSync(`/proc/${child.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // after "pid (name) "
    return (Number(fields[11]) + Number(fields[12])) * CLOCK_TICK_MS; // utime, stime
  } catch {
    return NaN;
  }
}

/** Stops a server with SIGINT (so a CPU profile gets written), bounded; kill() follows anyway. */
async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const STOP_WAIT = 10_000; // ms
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGINT');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, STOP_WAIT).unref())]);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

console.log(
  `Restart storm: ${N} clients (${TRANSPORT === 'websocket' ? 'websocket only' : "the web client's transports"}), ${RUNS} run(s) each, bound ${BOUND / 1000} s, ${POSTGRES ? 'PostgreSQL' : 'SQLite'}, app from ${SERVER}`,
);
const medians = new Map<Scenario, Result>();
for (const scenario of SCENARIOS) {
  const results: Result[] = [];
  for (let run = 1; run <= RUNS; run++) {
    const result = await runOnce(scenario).catch((error: unknown) => {
      console.log(`  ${scenario} run ${run} failed during set-up: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    });
    if (!result) continue;
    results.push(result);
    console.log(
      `  ${scenario} run ${run}: all back ${seconds(result.allBackMs)} after the kill (server up after ${seconds(result.bootMs)}, ` +
        `then ${seconds(result.afterUpMs)}; server CPU ${seconds(result.cpuMs)}); never back ${result.neverBack}; connect errors ${result.errorsWhileDown} while down, ${result.errorsAfterUp} after`,
    );
  }
  if (results.length === 0) continue;
  const pick = (key: keyof Result) => median(results.map((r) => r[key]));
  medians.set(scenario, {
    allBackMs: pick('allBackMs'),
    afterUpMs: pick('afterUpMs'),
    bootMs: pick('bootMs'),
    cpuMs: pick('cpuMs'),
    neverBack: pick('neverBack'),
    errorsWhileDown: pick('errorsWhileDown'),
    errorsAfterUp: pick('errorsAfterUp'),
  });
}

console.log('\nmedians            all back   server up   up→all back   server CPU   never back   errors (down / after up)');
for (const [scenario, m] of medians) {
  console.log(
    `${scenario.padEnd(18)} ${seconds(m.allBackMs).padStart(8)}   ${seconds(m.bootMs).padStart(9)}   ${seconds(m.afterUpMs).padStart(11)}   ${seconds(m.cpuMs).padStart(10)}   ${String(m.neverBack).padStart(10)}   ${m.errorsWhileDown} / ${m.errorsAfterUp}`,
  );
}
const floor = medians.get('floor');
if (floor) {
  for (const scenario of ['townhall', 'cafe'] as const) {
    const m = medians.get(scenario);
    if (m)
      console.log(
        `ratio ${scenario} ÷ floor: ${(m.allBackMs / floor.allBackMs).toFixed(2)}× (after the server is up: ${(m.afterUpMs / floor.afterUpMs).toFixed(2)}×; server CPU: ${(m.cpuMs / floor.cpuMs).toFixed(2)}×)`,
      );
  }
}
process.exit(0);
