// The server for `npm run bench:townhall`, in its own process so its CPU and memory are measured
// apart from the clients'. Started by townhall.ts with fork(); reports its port, then answers
// 'stats' messages with its CPU time and memory.
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance, PerformanceObserver } from 'node:perf_hooks';
import { loadConfig, startServer } from '../../server/src/app.js';

const dir = mkdtempSync(join(tmpdir(), 'open-talks-bench-'));
const server = await startServer(
  loadConfig({
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: process.env.BENCH_DATABASE_URL ?? `sqlite:${join(dir, 'bench.sqlite')}`,
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'silent',
    // One machine plays thousands of people behind one address: lift the per-IP limits.
    RATE_JOIN_PER_MIN: '1000000',
    RATE_CREATE_PER_10MIN: '1000',
  }),
);

export interface ServerStats {
  cpuUserMs: number;
  cpuSystemMs: number;
  rssMb: number;
  heapUsedMb: number;
  /** Time the event loop was busy since start, ms (performance.eventLoopUtilization). */
  loopActiveMs: number;
  /** The event loop's delay since the last stats, p99 and max, ms: how long any message waited for the loop. */
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
}

const gcs: Record<string, [number, number]> = {};
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    const kind = String((entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind);
    const seen = (gcs[kind] ??= [0, 0]);
    seen[0]++;
    seen[1] += entry.duration;
  }
}).observe({ entryTypes: ['gc'] });
const loopDelay = monitorEventLoopDelay({ resolution: 1 }); // ms
loopDelay.enable();

process.send?.({ type: 'ready', port: server.port });
process.on('message', (message: { type: string }) => {
  if (message.type === 'stats') {
    const marks = process.env.BENCH_MARKS ?? process.env.BENCH_PROFILE;
    if (marks) {
      const threads = readdirSync('/proc/self/task').map((tid) => {
        const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
        const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        return `${name}:${Number(fields[11]) + Number(fields[12])}`;
      });
      appendFileSync(`${marks}/marks-${process.pid}.txt`, `${process.hrtime.bigint() / 1000n} ${threads.join(' ')} ${JSON.stringify(gcs)}\n`);
    }
    const cpu = process.cpuUsage();
    const memory = process.memoryUsage();
    const stats: ServerStats = {
      cpuUserMs: cpu.user / 1000,
      cpuSystemMs: cpu.system / 1000,
      rssMb: memory.rss / 2 ** 20,
      heapUsedMb: memory.heapUsed / 2 ** 20,
      loopActiveMs: performance.eventLoopUtilization().active,
      loopDelayP99Ms: loopDelay.percentile(99) / 1e6,
      loopDelayMaxMs: loopDelay.max / 1e6,
    };
    loopDelay.reset();
    process.send?.({ type: 'stats', stats });
  }
  if (message.type === 'stop') {
    void server.close().then(() => {
      rmSync(dir, { recursive: true, force: true });
      process.exit(0);
    });
  }
});
