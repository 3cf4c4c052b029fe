// The server for `npm run bench:townhall`, in its own process so its CPU and memory are measured
// apart from the clients'. Started by townhall.ts with fork(); reports its port, then answers
// 'stats' messages with its CPU time and memory.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
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

const loopDelay = monitorEventLoopDelay({ resolution: 1 }); // ms
loopDelay.enable();

process.send?.({ type: 'ready', port: server.port });
process.on('message', (message: { type: string }) => {
  if (message.type === 'stats') {
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
