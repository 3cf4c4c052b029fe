// The app's server for `npm run bench:memory`, in its own process (started by memory.ts with
// fork() and --expose-gc). Reports its port, then answers 'memory' messages with its memory
// after a full garbage collection, so what is measured is what stays, not what is waiting.
// BENCH_MEMORY_DIR: the data directory, kept on 'stop', so a second server starts on the people
// the first one joined (a fresh process: joining's garbage is not in its RSS).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, startServer } from '../../server/src/app.js';
import { answerMemory } from './memory-measure.js';

const kept = process.env.BENCH_MEMORY_DIR;
const dir = kept ?? mkdtempSync(join(tmpdir(), 'open-talks-bench-memory-'));
const server = await startServer(
  loadConfig({
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: `sqlite:${join(dir, 'bench.sqlite')}`,
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'silent',
    // One machine plays thousands of people behind one address: lift the per-IP limits.
    RATE_JOIN_PER_MIN: '1000000',
    RATE_CREATE_PER_10MIN: '1000',
  }),
);

process.send?.({ type: 'ready', port: server.port });
answerMemory(() =>
  server.close().then(() => {
    if (!kept) rmSync(dir, { recursive: true, force: true });
  }),
);
