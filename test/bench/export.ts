// Figures for the record's exports (issue 6): a synthetic café (1,000 people, 200 tables,
// 4 rounds, notes and key ideas in all 800 notepads) and a Town Hall (1,000 people, 2,000
// questions, 5 polls with 1,000 ballots each, 60 speakers, 600 caption lines), written into a
// fresh SQLite database, then exported over HTTP from the real server in every format.
// Prints the median time of RUNS runs and the bytes per format. Then the information document of
// a series (export-series.ts). Run: npm run bench:export
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { RECORD_FORMATS } from '../../shared/src/index.js';
import { loadConfig, startServer } from '../../server/src/app.js';
import { openDatabase } from '../../server/src/store/db.js';
import { createStore } from '../../server/src/store/index.js';
import { SIZE, writeCafe, writeTownhall } from './export-fixture.js';
import { benchSeries } from './export-series.js';

const RUNS = 5;

const dir = mkdtempSync(join(tmpdir(), 'open-talks-bench-export-'));
const url = `sqlite:${join(dir, 'bench.sqlite')}`;
const setupStart = performance.now();
const store = createStore(await openDatabase({ url }));
const sessions = { cafe: await writeCafe(store), townhall: await writeTownhall(store) };
await store.close();
console.log(`synthetic record written in ${((performance.now() - setupStart) / 1000).toFixed(1)} s:`, SIZE);

const server = await startServer(loadConfig({ PORT: '0', HOST: '127.0.0.1', DATABASE_URL: url, LOG_LEVEL: 'silent' }), pino({ level: 'silent' }));

async function once(sessionId: string, token: string, format: string): Promise<{ ms: number; bytes: number }> {
  const start = performance.now();
  const response = await fetch(`${server.url}/api/sessions/${sessionId}/export?format=${format}`, { headers: { authorization: `Bearer ${token}` } });
  const body = await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${format}: ${response.status} ${Buffer.from(body).toString()}`);
  return { ms: performance.now() - start, bytes: body.byteLength };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

try {
  for (const [kind, { sessionId, token }] of Object.entries(sessions)) {
    console.log(`\n${kind}: median of ${RUNS} runs (after one warm-up), over HTTP`);
    for (const format of RECORD_FORMATS) {
      await once(sessionId, token, format); // warm-up: JIT, SQLite page cache
      const runs: { ms: number; bytes: number }[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await once(sessionId, token, format));
      const kb = (runs[0]!.bytes / 1024).toFixed(0).padStart(7);
      console.log(
        `  ${format.padEnd(5)} ${median(runs.map((r) => r.ms))
          .toFixed(0)
          .padStart(6)} ms  ${kb} KB`,
      );
    }
  }
  await benchSeries();
} finally {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
