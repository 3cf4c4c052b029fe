// The lite pages' weight and render time (LITE40): a café in round 1, a Town Hall with 30
// questions, an open poll and 20 captions, a consultation with 12 contributions. For each page:
// bytes as sent raw and gzipped, and the median time to answer a GET on this machine (RUNS runs).
// Fails (exit 1) when a page is 30 KB or more. Run: npm run bench:lite
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { loadConfig, startServer } from '../../server/src/app.js';
import { liteJoin, liteRequest } from '../helpers/lite.js';
import { liteCafe, liteConsultation, liteTownHall, startCafe } from '../helpers/lite-world.js';

const RUNS = 21;
const BUDGET = 30 * 1024; // bytes, raw

const dir = mkdtempSync(join(tmpdir(), 'open-talks-bench-lite-'));
const server = await startServer(
  loadConfig({
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: `sqlite:${join(dir, 'bench.sqlite')}`,
    LOG_LEVEL: 'silent',
    RATE_JOIN_PER_MIN: '100000',
    RATE_COMMANDS_PER_10S: '100000',
    RATE_QUESTIONS_PER_MIN: '100000',
    RATE_VOTES_PER_10S: '100000',
    RATE_CONTRIBUTIONS_PER_MIN: '100000',
  }),
);
const url = server.url;

try {
  const cafe = await liteCafe(url);
  const cafeMe = await liteJoin(url, cafe.created.session.joinCode, { displayName: 'Lite reader', mode: 'in-room', language: 'en' });
  await startCafe(url, cafe);
  const th = await liteTownHall(url);
  const thMe = await liteJoin(url, th.created.session.joinCode, { displayName: 'Lite reader', language: 'en' });
  const consultation = await liteConsultation(url);
  const cMe = await liteJoin(url, consultation.created.session.joinCode, { displayName: 'Lite reader', language: 'en' });

  const pages: { name: string; path: string; cookie?: string }[] = [
    { name: 'join (Town Hall)', path: `/lite/${th.created.session.joinCode}` },
    { name: 'café: seat, round, prompts', path: `/lite/${cafe.created.session.joinCode}`, cookie: cafeMe.cookie },
    { name: 'Town Hall (30 questions, poll, captions)', path: `/lite/${th.created.session.joinCode}`, cookie: thMe.cookie },
    { name: 'Town Hall: ask', path: `/lite/${th.created.session.joinCode}/ask`, cookie: thMe.cookie },
    { name: 'Town Hall: captions', path: `/lite/${th.created.session.joinCode}/captions`, cookie: thMe.cookie },
    { name: 'consultation (12 contributions)', path: `/lite/${consultation.created.session.joinCode}`, cookie: cMe.cookie },
    { name: 'consultation: contribute', path: `/lite/${consultation.created.session.joinCode}/contribute`, cookie: cMe.cookie },
  ];
  const rows: string[][] = [];
  let over = false;
  for (const p of pages) {
    const times: number[] = [];
    let html = '';
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      const res = await liteRequest(url, 'GET', p.path, { ...(p.cookie && { cookie: p.cookie }), headers: { 'accept-encoding': 'gzip' } });
      times.push(performance.now() - started);
      if (res.status !== 200) throw new Error(`${p.name}: ${res.status}`);
      html = res.html;
    }
    times.sort((a, b) => a - b);
    const raw = Buffer.byteLength(html);
    const gz = gzipSync(html).length;
    if (raw >= BUDGET) over = true;
    rows.push([p.name, String(raw), String(gz), times[Math.floor(RUNS / 2)]!.toFixed(1), raw < BUDGET ? 'ok' : 'OVER']);
  }
  const header = ['page', 'raw bytes', 'gzip bytes', 'median ms', `< ${BUDGET / 1024} KB`];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(line(header));
  for (const r of rows) console.log(line(r));
  if (over) process.exitCode = 1;
} finally {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
