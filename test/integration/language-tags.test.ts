import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession, http, join } from '../helpers/api.js';
import { createTestDatabase, startTestServer, type TestServer } from '../helpers/server.js';
import { storageTargets } from '../helpers/storage-kinds.js';

// MT37: a consultation contribution and comment keep any BCP 47 tag their author gives, up to 35
// characters, on both databases. Migration 0011 made those columns varchar(8): "zh-Hant-TW" was
// stored on SQLite and failed with an internal error on PostgreSQL (fixed by 0022).

const targets = await storageTargets();
const LONG_TAG = 'zh-Hant-TW';

describe.each(targets)('long language tags in a consultation on $kind', ({ kind, skip }) => {
  if (skip) console.warn(`language tags on ${kind} skipped: ${skip}`);
  let server: TestServer;

  beforeAll(async () => {
    if (skip) return;
    server = await startTestServer({ database: await createTestDatabase(kind) });
  });
  afterAll(async () => {
    await server?.close();
    await server?.database.drop();
  });

  it.skipIf(Boolean(skip))('MT37 a contribution and a comment in zh-Hant-TW are stored with their tag', async () => {
    const created = await createSession(server.url, { title: 'Tags', format: 'consultation', languages: ['en', 'zh'] });
    const base = `/api/sessions/${created.session.id}/consultation`;
    const staff = { token: created.facilitatorToken };
    const added = await http(server.url, 'POST', `${base}/questions`, { ...staff, body: { text: 'What should change?' } });
    expect(added.status, JSON.stringify(added.body)).toBeLessThan(300);
    expect((await http(server.url, 'PUT', `${base}/phase`, { ...staff, body: { phase: 'contributions' } })).status).toBe(200);
    const questionId = added.body.consultation.questions[0].id as string;
    const author = await join(server.url, created.session.joinCode, { displayName: 'Mei', language: 'zh' });
    const sent = await http(server.url, 'POST', `${base}/contributions`, {
      token: author.token,
      body: { questionId, title: '開放', text: '政府資料應該公開。', language: LONG_TAG },
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    expect(sent.body.contribution.language).toBe(LONG_TAG);
    const contributionId = sent.body.contribution.id as string;
    const commented = await http(server.url, 'POST', `${base}/contributions/${contributionId}/comments`, {
      token: author.token,
      body: { stance: 'agree', text: '同意。', language: LONG_TAG },
    });
    expect(commented.status, JSON.stringify(commented.body)).toBe(201);
    expect(commented.body.comment.language).toBe(LONG_TAG);
    const listed = await http(server.url, 'GET', `${base}/contributions?sort=newest`, staff);
    expect(JSON.stringify(listed.body)).toContain(`"language":"${LONG_TAG}"`);
  });
});
