// Figures for the series' evidence panel (SER79): a series of a café (1,000 people, 200 tables,
// 4 rounds of key ideas), a Town Hall (1,000 people, 2,000 questions, polls, speakers) and a
// consultation (10,000 contributions, 50,000 comments, 200,000 supports), in a fresh SQLite
// database; then a page of evidence, the statistics and the references over HTTP from the real
// server. Prints the median of RUNS runs. Run: node --import tsx test/bench/series-evidence.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { loadConfig, startServer } from '../../server/src/app.js';
import { openDatabase } from '../../server/src/store/db.js';
import { createStore } from '../../server/src/store/index.js';
import { setUp } from '../helpers/consultation-seed-rows.js';
import { fillConsultation } from './consultation-data.js';
import { writeCafe, writeTownhall } from './export-fixture.js';

const RUNS = 5;
const dir = mkdtempSync(join(tmpdir(), 'open-talks-bench-series-'));
const url = `sqlite:${join(dir, 'bench.sqlite')}`;
const server = await startServer(
  loadConfig({ PORT: '0', HOST: '127.0.0.1', DATABASE_URL: url, LOG_LEVEL: 'silent', RATE_COMMANDS_PER_10S: '100000', RATE_CREATE_PER_10MIN: '100000' }),
  pino({ level: 'silent' }),
);
const handle = await openDatabase({ url });
const store = createStore(handle);

async function call<T>(method: string, path: string, token?: string, body?: unknown): Promise<T> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return JSON.parse(text) as T;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

try {
  const setupStart = performance.now();
  const cafe = await writeCafe(store);
  const townhall = await writeTownhall(store);
  const consultation = await call<{ session: { id: string } }>('POST', '/api/sessions', undefined, { title: 'Bench consultation', format: 'consultation' });
  await setUp(handle, consultation.session.id, [
    { id: 'q1', text: 'Question 1' },
    { id: 'q2', text: 'Question 2' },
  ]);
  await fillConsultation(handle.db, consultation.session.id, ['q1', 'q2']);
  const series = await call<{ series: { id: string }; facilitatorToken: string }>('POST', '/api/series', undefined, { title: 'Bench series' });
  for (const sessionId of [cafe.sessionId, townhall.sessionId, consultation.session.id]) await store.series.addSession(series.series.id, sessionId, Date.now());
  console.log(`series written in ${((performance.now() - setupStart) / 1000).toFixed(1)} s`);

  const base = `/api/series/${series.series.id}`;
  const token = series.facilitatorToken;
  let items = 0;
  for (const [label, path] of [
    ['evidence, first page of 50', `${base}/evidence`],
    ['evidence, search "privacy" in contributions', `${base}/evidence?kind=consultation-contribution&q=privacy`],
    ['statistics', `${base}/statistics`],
    ['references', `${base}/references`],
  ] as const) {
    await call('GET', path, token); // warm-up
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      const body = await call<{ facets?: { total: number } }>('GET', path, token);
      times.push(performance.now() - start);
      items = body.facets?.total ?? items;
    }
    console.log(`${label}: median ${median(times).toFixed(0)} ms over ${RUNS} runs`);
  }
  console.log(`evidence items in the series: ${items}`);
} finally {
  await server.close();
  await store.close();
  if (!process.env.KEEP) rmSync(dir, { recursive: true, force: true });
  else console.log(dir);
}
