import mammoth from 'mammoth';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { SessionRecordDocument } from '../../shared/src/index.js';
import { createSession, http, join } from '../helpers/api.js';
import { parseCsv } from '../helpers/csv.js';
import { cafeWorld, closeAllNotepads, ideasAt, openNotepad, until, type CafeWorld } from '../helpers/notepad.js';
import { createTestDatabase, startTestServer, type TestServer } from '../helpers/server.js';
import { closeAllSockets } from '../helpers/socket.js';
import { storageTargets } from '../helpers/storage-kinds.js';

// The record through the real server (issue 6; docs/record.md): exports, errors, publication,
// the speaker log, on SQLite and PostgreSQL, and after a restart (notes read from storage).

const targets = await storageTargets();

async function download(url: string, path: string, token?: string) {
  const response = await fetch(`${url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
}

describe.each(targets)('the record on $kind', ({ kind, skip }) => {
  if (skip) console.warn(`record on ${kind} skipped: ${skip}`);
  let server: TestServer;
  let world: CafeWorld;
  const exportPath = (format: string, sessionId = world.sessionId) => `/api/sessions/${sessionId}/export?format=${format}`;

  beforeAll(async () => {
    if (skip) return;
    server = await startTestServer({ database: await createTestDatabase(kind) });
    world = await cafeWorld(server.url, server.store);
    // What the tables, the rapporteur and the harvest wrote, through real notepad connections.
    const token = world.created.facilitatorToken;
    const table = await openNotepad(server.url, world.room(world.tableA, 1), world.ann.token);
    table.text.insert(0, 'Trust comes first.\n# not a heading | <b>');
    const ideas = ideasAt(server.url, world, world.tableA, 1);
    await ideas.add(world.ann.token, 'i1', 'Open data by default');
    await ideas.mark(world.ann.token, 'i1', true);
    const synthesis = await openNotepad(server.url, `session/${world.sessionId}/synthesis`, token);
    synthesis.text.insert(0, 'The room agreed on openness.');
    const harvest = await openNotepad(server.url, `session/${world.sessionId}/harvest`, token);
    harvest.doc.transact(() => {
      const idea = new Y.Map<unknown>();
      harvest.doc.getMap('ideas').set(`${world.tableA}/1/i1`, idea);
      for (const [k, v] of Object.entries({
        id: 'i1',
        text: 'Open data by default',
        author: 'Ann',
        group: 'academia',
        round: 1,
        tableId: world.tableA,
        createdAt: 1,
        marked: true,
      }))
        idea.set(k, v);
      const theme = new Y.Map<unknown>();
      harvest.doc.getArray('themes').push([theme]);
      theme.set('id', 'th1');
      theme.set('name', 'Openness');
      harvest.doc.getMap('placement').set(`${world.tableA}/1/i1`, 'th1');
    });
    // The server has every change once a reader connecting now sees it.
    const reader = await openNotepad(server.url, world.room(world.tableA, 1), token);
    await until(reader.doc, () => reader.doc.getArray('ideas').length === 1, 'the idea at the server');
  });
  afterEach(() => closeAllSockets());
  afterAll(async () => {
    closeAllNotepads();
    await server?.close();
    await server?.database.drop();
  });

  it.skipIf(Boolean(skip))('REC9 every format exports, with a file name, from what storage and the notepads hold', async () => {
    const token = world.created.facilitatorToken;
    const md = await download(server.url, exportPath('md'), token);
    expect(md.status).toBe(200);
    expect(md.headers.get('content-type')).toContain('text/markdown');
    expect(md.headers.get('content-disposition')).toMatch(/^attachment; filename="notepad-cafe-\d{4}-\d{2}-\d{2}\.md"; filename\*=UTF-8''/);
    const text = md.body.toString('utf8');
    for (const expected of [
      'The room agreed on openness.',
      'Trust comes first.',
      '\\# not a heading \\| \\<b\\>',
      'Open data by default — Ann (Academia)',
      '### Openness',
      'What matters?',
    ]) {
      expect(text).toContain(expected);
    }
    const json = JSON.parse((await download(server.url, exportPath('json'), token)).body.toString('utf8')) as SessionRecordDocument;
    expect(json).toMatchObject({ schema: 'open-talks/record', schemaVersion: 2, session: { title: 'Notepad café', attribution: 'named' } });
    expect(json.attendance.total).toBe(4); // ATTEND1: four participants; the facilitator and the observer apart
    const docx = await download(server.url, exportPath('docx'), token);
    expect((await mammoth.extractRawText({ buffer: docx.body })).value).toContain('Trust comes first.');
    const csv = parseCsv((await download(server.url, exportPath('csv'), token)).body.toString('utf8').slice(1));
    expect(csv.slice(1).map((row) => row[5])).toEqual(['Trust comes first.\n# not a heading | <b>', 'Open data by default']);
    const html = (await download(server.url, exportPath('html'), token)).body.toString('utf8');
    expect(html).toContain('# not a heading | &lt;b&gt;');
  });

  it.skipIf(Boolean(skip))('REC16 a rapporteur exports; a participant, an observer and a stranger are refused; bad input is a clear error', async () => {
    const rapporteur = await join(server.url, world.created.session.joinCode, { displayName: 'Rita' });
    await http(server.url, 'PATCH', `/api/sessions/${world.sessionId}/participants/${rapporteur.participant.id}`, {
      token: world.created.facilitatorToken,
      body: { role: 'rapporteur' },
    });
    expect((await download(server.url, exportPath('md'), rapporteur.token)).status).toBe(200);
    for (const token of [world.ann.token, world.olga.token]) {
      const refused = await http(server.url, 'GET', exportPath('md'), { token });
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('forbidden');
    }
    expect((await http(server.url, 'GET', exportPath('md'))).status).toBe(401);
    const unknownFormat = await http(server.url, 'GET', exportPath('pdf'), { token: world.created.facilitatorToken });
    expect(unknownFormat.status).toBe(400);
    expect(unknownFormat.body.error.message).toContain('md, html, docx, json, csv');
    const missing = await http(server.url, 'GET', exportPath('md', 'no-such-session'), { token: world.created.facilitatorToken });
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe('No such session');
    const other = await createSession(server.url);
    expect((await http(server.url, 'GET', exportPath('md'), { token: other.facilitatorToken })).status).toBe(403);
    // A rapporteur exports but does not publish.
    expect((await http(server.url, 'POST', `/api/sessions/${world.sessionId}/publication`, { token: rapporteur.token, body: {} })).status).toBe(403);
  });

  it.skipIf(Boolean(skip))('REC11 headings follow lang=, else the session’s first language', async () => {
    const token = world.created.facilitatorToken;
    expect((await download(server.url, `${exportPath('md')}&lang=fr`, token)).body.toString('utf8')).toContain('## Tour 1');
    expect((await download(server.url, exportPath('md'), token)).body.toString('utf8')).toContain('## Round 1');
    expect((await http(server.url, 'GET', `${exportPath('md')}&lang=xx`, { token })).status).toBe(400);
  });

  it.skipIf(Boolean(skip))('REC10 publish, read without login, unpublish (gone), publish again at the same link', async () => {
    const token = world.created.facilitatorToken;
    const base = `/api/sessions/${world.sessionId}/publication`;
    expect((await http(server.url, 'GET', base, { token })).body).toEqual({ publication: null });
    const published = await http(server.url, 'POST', base, { token, body: {} });
    expect(published.status).toBe(201);
    const { slug, path } = published.body.publication as { slug: string; path: string };
    expect(path).toBe(`/p/${slug}`);
    const page = await http(server.url, 'GET', `/api/public/${slug}`);
    expect(page.status).toBe(200);
    expect(page.body.record.synthesis).toBe('The room agreed on openness.');
    const down = await http(server.url, 'DELETE', base, { token });
    expect(down.body.publication).toMatchObject({ slug, published: false, publishedAt: null });
    const gone = await http(server.url, 'GET', `/api/public/${slug}`);
    expect(gone.status).toBe(404);
    expect(gone.body.error).toEqual({ code: 'not_found', message: 'This record is not published' });
    expect((await http(server.url, 'GET', '/api/public/never-published')).status).toBe(404);
    expect((await http(server.url, 'POST', base, { token, body: {} })).body.publication.slug).toBe(slug);
  });

  it.skipIf(Boolean(skip))('REC9 after a restart the record still has every notepad (read from the stored documents)', async () => {
    closeAllNotepads();
    const before = (await download(server.url, exportPath('json'), world.created.facilitatorToken)).body.toString('utf8');
    await server.close();
    server = await startTestServer({ database: server.database });
    const after = (await download(server.url, exportPath('json'), world.created.facilitatorToken)).body.toString('utf8');
    const strip = (s: string) => ({ ...(JSON.parse(s) as SessionRecordDocument), generatedAt: 0 });
    expect(strip(after)).toEqual(strip(before));
    expect(strip(after).cafe?.rounds[0]?.tables[0]?.notes).toContain('Trust comes first.');
  });

  it.skipIf(Boolean(skip))(
    'REC1 ATTR5 under anonymous the exported and the published record give no count for a group of 1 or 2, nor one that would give it back from the total (total 4, Academia 3, Government 1)',
    async () => {
      const th = await createSession(server.url, { format: 'townhall', title: 'Chatham House', attribution: 'anonymous' });
      const token = th.facilitatorToken;
      await join(server.url, th.session.joinCode, { displayName: 'Gil Lone', stakeholderGroup: 'government', mode: 'in-room' });
      for (const name of ['Ada', 'Bea', 'Cy']) await join(server.url, th.session.joinCode, { displayName: name, stakeholderGroup: 'academia', mode: 'remote' });
      const json = JSON.parse((await download(server.url, `/api/sessions/${th.session.id}/export?format=json`, token)).body.toString('utf8')) as SessionRecordDocument;
      // Academia's 3 and the total 4 would give Government's 1 by subtraction: neither is shown.
      expect(json.attendance).toMatchObject({ total: 4, byGroup: { government: null, academia: null, 'civil-society': 0 } });
      expect(json.schemaVersion).toBe(2);
      const md = (await download(server.url, `/api/sessions/${th.session.id}/export?format=md&lang=en`, token)).body.toString('utf8');
      expect(md).toContain('| Government | not shown (Chatham House Rule) |');
      expect(md).toContain('| Academia | not shown (Chatham House Rule) |');
      const { slug } = (await http(server.url, 'POST', `/api/sessions/${th.session.id}/publication`, { token, body: {} })).body.publication as { slug: string };
      const page = await http(server.url, 'GET', `/api/public/${slug}`);
      expect(page.body.record.attendance.byGroup).toMatchObject({ government: null, academia: null });
    },
  );

  it.skipIf(Boolean(skip))('REC17 a Town Hall record has its questions and the speaker log, by group only under `group`', async () => {
    const th = await createSession(server.url, { format: 'townhall', title: 'Town Hall', attribution: 'group' });
    const base = `/api/sessions/${th.session.id}/townhall`;
    const token = th.facilitatorToken;
    const zoe = await join(server.url, th.session.joinCode, { displayName: 'Zoe Quartz', stakeholderGroup: 'government', mode: 'remote' });
    expect((await http(server.url, 'POST', `${base}/questions`, { token: zoe.token, body: { text: 'Who pays?' } })).status).toBe(201);
    expect((await http(server.url, 'PUT', `${base}/hand`, { token: zoe.token, body: { topic: 'Budgets' } })).status).toBe(200);
    expect((await http(server.url, 'POST', `${base}/floor`, { token, body: {} })).status).toBe(200);
    expect((await http(server.url, 'DELETE', `${base}/floor`, { token })).status).toBe(200);
    const json = (await download(server.url, `/api/sessions/${th.session.id}/export?format=json`, token)).body.toString('utf8');
    const record = JSON.parse(json) as SessionRecordDocument;
    expect(record.townhall?.questions).toMatchObject([{ number: 1, text: 'Who pays?', credit: { name: null, group: 'government' } }]);
    expect(record.townhall?.speakers).toMatchObject([{ topic: 'Budgets', credit: { name: null, group: 'government' }, mode: 'remote' }]);
    expect(record.townhall?.speakers[0]?.durationMs).toBeGreaterThanOrEqual(0);
    expect(json).not.toContain('Zoe Quartz');
    expect(json).not.toContain(zoe.participant.id);
  });
});
