import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createSession, http } from '../helpers/api.js';
import { rowsOf, setUp } from '../helpers/consultation-seed-rows.js';
import { cafeWorld, closeAllNotepads, ideasAt, openNotepad, until, type CafeWorld } from '../helpers/notepad.js';
import { createTestDatabase, startTestServer, type TestServer } from '../helpers/server.js';
import { closeAllSockets, command } from '../helpers/socket.js';
import { storageTargets } from '../helpers/storage-kinds.js';
import { member, openTownHall, type TownHall } from '../helpers/townhall.js';

// Carrying a real café's harvest and a real Town Hall's open questions into a consultation
// (CONS60–CONS62), over HTTP, on SQLite and PostgreSQL.

const targets = await storageTargets();

describe.each(targets)('carrying sessions into a consultation on $kind', ({ kind, skip }) => {
  if (skip) console.warn(`consultation import on ${kind} skipped: ${skip}`);
  let server: TestServer;
  let cafe: CafeWorld;
  let th: TownHall;

  async function consultation(attribution: 'named' | 'anonymous' = 'named') {
    const created = await createSession(server.url, { title: 'Online consultation', format: 'consultation', attribution });
    const h = await rowsOf(server);
    await setUp(h, created.session.id, [{ id: 'q1', text: 'What should happen next?' }]);
    await h.db.destroy();
    return created;
  }
  const importPath = (sessionId: string) => `/api/sessions/${sessionId}/consultation/imports`;

  beforeAll(async () => {
    if (skip) return;
    server = await startTestServer({ database: await createTestDatabase(kind) });
    // A café: a key idea at table A in round 1 and one at table B in round 2, the first in a harvest theme.
    cafe = await cafeWorld(server.url, server.store);
    await ideasAt(server.url, cafe, cafe.tableA, 1).add(cafe.ann.token, 'i1', 'Open data by default');
    const harvest = await openNotepad(server.url, `session/${cafe.sessionId}/harvest`, cafe.created.facilitatorToken);
    harvest.doc.transact(() => {
      const idea = new Y.Map<unknown>();
      harvest.doc.getMap('ideas').set(`${cafe.tableA}/1/i1`, idea);
      for (const [k, v] of Object.entries({ id: 'i1', text: 'Open data by default', author: 'Ann', group: 'academia', round: 1, tableId: cafe.tableA, createdAt: 1, marked: true }))
        idea.set(k, v);
      const theme = new Y.Map<unknown>();
      harvest.doc.getArray('themes').push([theme]);
      theme.set('id', 'th1');
      theme.set('name', 'Openness');
      harvest.doc.getMap('placement').set(`${cafe.tableA}/1/i1`, 'th1');
    });
    const reader = await openNotepad(server.url, `session/${cafe.sessionId}/harvest`, cafe.created.facilitatorToken);
    await until(reader.doc, () => reader.doc.getArray('themes').length === 1, 'the theme at the server');
    // A Town Hall: one open question, one answered, one hidden.
    th = await openTownHall(server.url, { title: 'Budget Town Hall' });
    expect(await command(th.facilitator.socket, 'townhall:configure', { moderation: 'post' })).toMatchObject({ ok: true });
    const asker = await member(th, { displayName: 'Ama' });
    const open = await command(asker.socket, 'qa:ask', { text: 'Who pays for rural broadband?' });
    const answered = await command(asker.socket, 'qa:ask', { text: 'ANSWERED-Q when?' });
    const hidden = await command(asker.socket, 'qa:ask', { text: 'HIDDEN-Q rude' });
    expect(open.ok && answered.ok && hidden.ok).toBe(true);
    if (!answered.ok || !hidden.ok) return;
    expect(await command(th.facilitator.socket, 'qa:answer', { questionId: answered.question.id })).toMatchObject({ ok: true });
    expect(await command(th.facilitator.socket, 'qa:hide', { questionId: hidden.question.id })).toMatchObject({ ok: true });
  });
  afterEach(() => closeAllSockets());
  afterAll(async () => {
    closeAllNotepads();
    await server?.close();
    await server?.database.drop();
  });

  it.skipIf(Boolean(skip))('CONS60 CONS62 a café’s themes and key ideas become published seeds with their origin and no author', async () => {
    const target = await consultation();
    const result = await http(server.url, 'POST', importPath(target.session.id), {
      token: target.facilitatorToken,
      body: { sourceSessionId: cafe.sessionId, sourceToken: cafe.created.facilitatorToken, questionId: 'q1' },
    });
    expect(result.status, JSON.stringify(result.body)).toBe(201);
    expect(result.body.imported).toBe(2);
    const byKind = Object.fromEntries((result.body.contributions as any[]).map((c) => [c.origin.kind, c]));
    expect(byKind.theme).toMatchObject({
      title: 'Openness',
      text: '- Open data by default',
      status: 'published',
      questionId: 'q1',
      author: { displayName: null, stakeholderGroup: null, mode: null },
    });
    expect(byKind.theme.origin).toEqual({ format: 'cafe', sessionTitle: 'Notepad café', kind: 'theme', table: null, round: null });
    expect(byKind['key-idea']).toMatchObject({ title: 'Open data by default', origin: { format: 'cafe', kind: 'key-idea', table: 'A', round: 1 } });
    // Findable by full-text words, and nowhere the café's author.
    const h = await rowsOf(server);
    const stored = await h.db
      .selectFrom('consultation_contributions')
      .select(['search_text', 'author_id', 'stakeholder_group'])
      .where('session_id', '=', target.session.id)
      .execute();
    await h.db.destroy();
    expect(stored.map((r) => r.search_text).sort()).toEqual(['open data by default open data by default', 'openness open data by default']);
    expect(stored.every((r) => r.author_id === null && r.stakeholder_group === null)).toBe(true);
    expect(JSON.stringify(result.body)).not.toContain('Ann');

    // CONS61: the same source again adds nothing.
    const again = await http(server.url, 'POST', importPath(target.session.id), {
      token: target.facilitatorToken,
      body: { sourceSessionId: cafe.sessionId, sourceToken: cafe.created.facilitatorToken, questionId: 'q1' },
    });
    expect(again.status).toBe(201);
    expect(again.body).toEqual({ imported: 0, contributions: [] });
  });

  it.skipIf(Boolean(skip))('CONS60 a Town Hall’s open questions only: not answered, not hidden', async () => {
    const target = await consultation('anonymous');
    const result = await http(server.url, 'POST', importPath(target.session.id), {
      token: target.facilitatorToken,
      body: { sourceSessionId: th.created.session.id, sourceToken: th.created.facilitatorToken, questionId: 'q1', include: { themes: false, keyIdeas: false, questions: true } },
    });
    expect(result.status, JSON.stringify(result.body)).toBe(201);
    expect((result.body.contributions as any[]).map((c) => [c.title, c.origin])).toEqual([
      ['Who pays for rural broadband?', { format: 'townhall', sessionTitle: 'Budget Town Hall', kind: 'question', table: null, round: null }],
    ]);
  });

  it.skipIf(Boolean(skip))('CONS60 refused without the source’s facilitator token, for a missing question, or by a participant; nothing changes', async () => {
    const target = await consultation();
    const body = { sourceSessionId: cafe.sessionId, sourceToken: cafe.ann.token, questionId: 'q1' };
    expect((await http(server.url, 'POST', importPath(target.session.id), { token: target.facilitatorToken, body })).body.error.code).toBe('forbidden');
    const wrongSession = { ...body, sourceSessionId: th.created.session.id, sourceToken: cafe.created.facilitatorToken };
    expect((await http(server.url, 'POST', importPath(target.session.id), { token: target.facilitatorToken, body: wrongSession })).body.error.code).toBe('forbidden');
    const noQuestion = { ...body, sourceToken: cafe.created.facilitatorToken, questionId: 'nope' };
    expect((await http(server.url, 'POST', importPath(target.session.id), { token: target.facilitatorToken, body: noQuestion })).body.error.code).toBe('not_found');
    const h = await rowsOf(server);
    const count = await h.db
      .selectFrom('consultation_contributions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('session_id', '=', target.session.id)
      .executeTakeFirst();
    await h.db.destroy();
    expect(Number(count?.n)).toBe(0);
  });
});
