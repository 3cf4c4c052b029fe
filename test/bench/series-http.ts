// Figures for a whole series over the real server (SER79, SER99): a café (1,000 people, 200
// tables, 4 rounds of key ideas), a Town Hall (1,000 people, 2,000 questions, polls, speakers) and
// a consultation (10,000 contributions, 50,000 comments, 200,000 supports), in a fresh SQLite
// database; a page of evidence, the statistics and the references; then a draft of 120
// paragraphs with 200 references typed through the WebsocketProvider, finalised (which gathers
// every session's evidence) and exported in every format, all over HTTP. Prints the median of
// RUNS runs. Run: npm run bench:export (after export.ts) or node --import tsx test/bench/series-http.ts
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
import { writeDraft } from '../helpers/series-draft.js';

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
    const warm: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      // Past the evidence cache's life (2 s), so each timed call gathers the sessions afresh.
      await new Promise((resolve) => setTimeout(resolve, 2_100));
      const start = performance.now();
      const body = await call<{ facets?: { total: number } }>('GET', path, token);
      times.push(performance.now() - start);
      items = body.facets?.total ?? items;
      const again = performance.now();
      await call('GET', path, token);
      warm.push(performance.now() - again);
    }
    console.log(`${label}: median ${median(times).toFixed(0)} ms gathering afresh, ${median(warm).toFixed(0)} ms from the 2-second cache, over ${RUNS} runs`);
  }
  console.log(`evidence items in the series: ${items}`);

  // A draft with references to evidence of every kind, as rapporteurs would write it.
  const page = await call<{ items: { key: string }[] }>('GET', `${base}/evidence?limit=200`, token);
  const refs: string[] = [];
  for (let i = 0; i < 200; i++) {
    const sources = [page.items[i % page.items.length]!.key, page.items[(i * 7 + 3) % page.items.length]!.key];
    refs.push((await call<{ reference: { id: string } }>('POST', `${base}/references`, token, { sources: [...new Set(sources)] })).reference.id);
  }
  const paragraphs: string[] = ['# Summary of the discussions'];
  for (let i = 0; i < 120; i++) {
    const cited = refs.slice(Math.floor((i * 200) / 120), Math.floor(((i + 1) * 200) / 120)).map((id) => `[[ref:${id}]]`);
    paragraphs.push(`Participants stressed affordable access and local skills (${i + 1}) ${cited.join(' ')}`);
    if (i % 10 === 0) paragraphs.push('- in rural areas\n- within two years');
  }
  paragraphs.push('[[stats]]', '[[annex]]');
  await writeDraft(server.url, series.series.id, token, 'en', paragraphs.join('\n\n'), {
    symbol: 'OT/BENCH/1',
    date: '2026-11-29',
    submittedBy: 'The rapporteurs',
    title: 'Bench',
  });

  const finalise: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await call('POST', `${base}/versions`, token, { changes: i === 0 ? '' : `Run ${i + 1}` });
    finalise.push(performance.now() - start);
  }
  console.log(`finalise a version (gather, freeze, store): median ${median(finalise).toFixed(0)} ms over ${RUNS} runs`);
  for (const format of ['docx', 'html', 'md', 'json'] as const) {
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      const response = await fetch(`${server.url}${base}/versions/1/export?format=${format}`, { headers: { authorization: `Bearer ${token}` } });
      if (response.status !== 200) throw new Error(`export ${format}: ${response.status} ${await response.text()}`);
      bytes = (await response.arrayBuffer()).byteLength;
      times.push(performance.now() - start);
    }
    console.log(`export ${format} over HTTP: median ${median(times).toFixed(0)} ms, ${(bytes / 1024).toFixed(0)} KB`);
  }
} finally {
  await server.close();
  await store.close();
  if (!process.env.KEEP) rmSync(dir, { recursive: true, force: true });
  else console.log(dir);
}
