// Lists and search of a large consultation (issue 15; docs/consultation.md, CONS29):
//
//   npm run bench:consultation
//
// Fills one consultation with 10,000 contributions (six languages), 50,000 comments and 200,000
// supports straight through storage, then times the real server's GET endpoints (HTTP on
// 127.0.0.1, auth and JSON included) for each sort with and without filters, full-text search,
// similar contributions, a comment page and the moderation queue, and a support through the real
// command (PUT …/support: its answer is the ack), on SQLite and on PostgreSQL when reachable
// (TEST_DATABASE_URL). Prints medians and p95; asserts nothing about speed.
import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { loadConfig, startServer } from '../../server/src/app.js';
import { openDatabase } from '../../server/src/store/db.js';
import { ConsultationSearchRepo } from '../../server/src/store/consultation-search-repo.js';
import { checkPostgres, postgresUrl } from '../helpers/environment.js';
import { fillConsultation, random, sentence, SIZES } from './consultation-data.js';

const RUNS = 40;

interface Target {
  kind: 'sqlite' | 'postgres';
  url: string;
  schema?: string;
  drop(): Promise<void>;
}

function sqliteTarget(): Target {
  const dir = mkdtempSync(joinPath(tmpdir(), 'open-talks-bench-'));
  return { kind: 'sqlite', url: `sqlite:${joinPath(dir, 'db.sqlite')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

function postgresTarget(): Target {
  const schema = `bench_${randomBytes(5).toString('hex')}`;
  return {
    kind: 'postgres',
    url: postgresUrl,
    schema,
    drop: async () => {
      const client = new pg.Client({ connectionString: postgresUrl });
      await client.connect();
      await client.query(`drop schema if exists ${schema} cascade`);
      await client.end();
    },
  };
}

async function analyse(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  for (const table of ['consultation_contributions', 'consultation_comments', 'consultation_supports']) await client.query(`analyze ${schema}.${table}`);
  await client.end();
}

async function call<T>(base: string, method: string, path: string, token?: string, body?: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { connection: 'close', ...(body !== undefined && { 'content-type': 'application/json' }), ...(token && { authorization: `Bearer ${token}` }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

function summary(times: number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return `median ${at(0.5).toFixed(1).padStart(6)} ms   p95 ${at(0.95).toFixed(1).padStart(6)} ms`;
}

/** Times `work` RUNS times (after two warm-ups); `work` gets the run's index. */
async function time(label: string, work: (i: number) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < 2; i++) await work(-1 - i);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await work(i);
    times.push(performance.now() - started);
  }
  console.log(`  ${label.padEnd(48)} ${summary(times)}`);
}

async function setUp(base: string, facilitator: string, sessionId: string): Promise<string[]> {
  const path = `/api/sessions/${sessionId}/consultation`;
  const ids: string[] = [];
  for (let q = 1; q <= 5; q++) {
    const added = await call<{ consultation?: { questions: { id: string }[] } }>(base, 'POST', `${path}/questions`, facilitator, { text: `Question ${q}` });
    if (added.status !== 201 || !added.body.consultation) return ['q1', 'q2', 'q3', 'q4', 'q5']; // the core part not here: plain ids
    ids.splice(0, ids.length, ...added.body.consultation.questions.map((question) => question.id));
  }
  await call(base, 'PUT', `${path}/phase`, facilitator, { phase: 'contributions' });
  return ids;
}

async function bench(target: Target): Promise<void> {
  console.log(`\n${target.kind}`);
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: target.url,
    ...(target.schema && { DATABASE_SCHEMA: target.schema }),
    LOG_LEVEL: 'silent',
    RATE_JOIN_PER_MIN: '100000',
    RATE_CREATE_PER_10MIN: '100000',
    RATE_COMMANDS_PER_10S: '100000',
    RATE_VOTES_PER_10S: '100000',
    RATE_CONTRIBUTIONS_PER_MIN: '100000',
  });
  const server = await startServer(config, pino({ level: 'silent' }));
  const handle = await openDatabase({ url: target.url, pgSchema: target.schema });
  try {
    const base = server.url;
    const created = await call<{ session: { id: string; joinCode: string }; facilitatorToken: string }>(base, 'POST', '/api/sessions', undefined, {
      title: 'Bench consultation',
      format: 'consultation',
    });
    const { session, facilitatorToken } = created.body;
    const questionIds = await setUp(base, facilitatorToken, session.id);
    const people = await Promise.all(
      Array.from({ length: 8 }, () =>
        call<{ token: string }>(base, 'POST', '/api/join', undefined, { joinCode: session.joinCode, stakeholderGroup: 'academia', mode: 'remote' }).then((r) => r.body.token),
      ),
    );
    const filling = performance.now();
    const filled = await fillConsultation(handle.db, session.id, questionIds);
    console.log(`  filled ${SIZES.contributions} contributions, ${SIZES.comments} comments, ${SIZES.supports} supports in ${((performance.now() - filling) / 1000).toFixed(1)} s`);
    // PostgreSQL's autovacuum would analyse the filled tables within a minute; the bench does not wait for it.
    if (target.kind === 'postgres') await analyse(target.schema!);
    const path = `/api/sessions/${session.id}/consultation`;
    const reader = people[0]!;
    const get = async (query: string, token = reader) => {
      const result = await call<unknown>(base, 'GET', `${path}${query}`, token);
      if (result.status !== 200) throw new Error(`${query}: ${result.status} ${JSON.stringify(result.body)}`);
      return result.body;
    };
    const q = questionIds[0]!;
    // The storage alone (no HTTP, no JSON): a page of ids on the index, the total, the page's rows.
    const repo = new ConsultationSearchRepo(handle.db);
    const published = { sessionId: session.id, statuses: ['published'], words: [] };
    for (const order of ['supported', 'newest', 'discussed'] as const) {
      await time(`storage only: ${order}, page 1 + total + rows`, async () => {
        await Promise.all([repo.pageIds(published, order, 0, 20).then((ids) => repo.rows(ids)), repo.count(published)]);
      });
    }
    for (const sort of ['supported', 'newest', 'discussed', 'random']) {
      await time(`list ${sort}, page 1`, () => get(`/contributions?sort=${sort}&seed=7`));
      await time(`list ${sort}, page 100`, () => get(`/contributions?sort=${sort}&seed=7&page=100`));
      await time(`list ${sort}, question + language`, () => get(`/contributions?sort=${sort}&seed=7&questionId=${q}&language=fr`));
    }
    await time('list supported, theme', () => get('/contributions?theme=Trust'));
    await time('list supported, stakeholder group', () => get('/contributions?group=academia'));
    await time('search one word (en)', () => get('/contributions?q=privacy'));
    await time('search two words (fr), newest', () => get(`/contributions?sort=newest&q=${encodeURIComponent('coopération numérique')}`));
    await time('search Chinese (合作)', () => get(`/contributions?q=${encodeURIComponent('合作')}`));
    await time('search Arabic (التعاون) in a question', () => get(`/contributions?questionId=${q}&q=${encodeURIComponent('التعاون')}`));
    const rnd = random(3);
    await time('similar to a 60-word draft', () => {
      const language = ['en', 'fr', 'zh', 'ar'][Math.floor(rnd() * 4)]!;
      const title = encodeURIComponent(sentence(rnd, language, 5));
      const text = encodeURIComponent(sentence(rnd, language, 55));
      return get(`/similar?questionId=${q}&title=${title}&text=${text}`);
    });
    await time('comments, first page of the most discussed', () => get(`/contributions/${filled.mostDiscussed}/comments`));
    await time('moderation queue, pending', () => get('/queue?filter=pending', facilitatorToken));
    await time('moderation queue, flagged', () => get('/queue?filter=flagged', facilitatorToken));
    // A support and its withdrawal through the real command path: the HTTP answer is the command's ack.
    const probe = await call<{ error?: { message: string } }>(base, 'PUT', `${path}/contributions/bench-c-1/support`, reader, { support: true });
    if (probe.status !== 200) {
      console.log(`  support: not measured (${probe.status} ${probe.body.error?.message ?? ''})`);
    } else {
      await call(base, 'PUT', `${path}/contributions/bench-c-1/support`, reader, { support: false });
      await time('support + take back (ack, HTTP), one pair', async (i) => {
        const token = people[(i + 8) % people.length]!;
        const id = `bench-c-${(Math.abs(i) * 13 + 1) % 1_000}`;
        await call(base, 'PUT', `${path}/contributions/${id}/support`, token, { support: true });
        await call(base, 'PUT', `${path}/contributions/${id}/support`, token, { support: false });
      });
    }
  } finally {
    await handle.db.destroy();
    await server.close();
    await target.drop();
  }
}

console.log(`consultation lists and search: ${RUNS} runs each, times from request to parsed answer`);
await bench(sqliteTarget());
const pgReason = await checkPostgres();
if (pgReason) console.log(`\npostgres: skipped (${pgReason})`);
else await bench(postgresTarget());
