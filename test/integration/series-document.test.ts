import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createSeries, createSession, http } from '../helpers/api.js';
import { WebSocket } from 'ws';
import { closeAllNotepads, handled, notepadUrl, openNotepad, until, VERSION_QUERY, type NotepadClient } from '../helpers/notepad.js';
import { within } from '../helpers/wait.js';
import { createTestDatabase, startTestServer, type TestServer } from '../helpers/server.js';
import { storageTargets } from '../helpers/storage-kinds.js';

// The series draft (docs/series.md, SER40–SER59): rooms series/<id>/document/<language> through
// the notepad server and the upstream WebsocketProvider, tickets from the series' own endpoint.

const targets = await storageTargets();

/** A rapporteur invited by the organiser (POST /api/series/:id/members). */
async function addRapporteur(url: string, seriesId: string, organiserToken: string, displayName: string): Promise<{ id: string; token: string }> {
  const res = await http<{ member: { id: string }; token: string }>(url, 'POST', `/api/series/${seriesId}/members`, {
    token: organiserToken,
    body: { role: 'rapporteur', displayName },
  });
  if (res.status !== 201) throw new Error(`inviting a rapporteur failed: ${res.status}`);
  return { id: res.body.member.id, token: res.body.token };
}

function openDraft(url: string, seriesId: string, language: string, token: string, options: { synced?: boolean; doc?: Y.Doc } = {}): Promise<NotepadClient> {
  return openNotepad(url, `series/${seriesId}/document/${language}`, token, { ...options, ticketPath: `/api/series/${seriesId}/notepad-tickets` });
}

/** The close code the server ends a hand-made connection with, given a ticket taken beforehand. */
function closeWithTicket(url: string, room: string, ticket: string): Promise<number> {
  const query = new URLSearchParams({ ...VERSION_QUERY, ticket });
  const ws = new WebSocket(`${notepadUrl(url)}/${room}?${query}`);
  return within(new Promise<number>((resolve) => ws.once('close', (code) => resolve(code))), `the close of ${room}`);
}

const body = (client: NotepadClient) => client.doc.getText('body');

describe.each(targets)('the series draft on $kind', ({ kind, skip }) => {
  if (skip) console.warn(`series draft on ${kind} skipped: ${skip}`);
  const servers: TestServer[] = [];

  afterEach(async () => {
    closeAllNotepads();
    for (const server of servers.splice(0)) await server.close();
  });

  it.skipIf(Boolean(skip))('SER41 SER44 two members draft together, converge, and the draft reads numbered; a restart loses nothing', async () => {
    const database = await createTestDatabase(kind);
    try {
      const first = await startTestServer({ database });
      servers.push(first);
      const { series, facilitatorToken } = await createSeries(first.url, { languages: ['en', 'fr'], displayName: 'Olga Organiser' });
      const rita = await addRapporteur(first.url, series.id, facilitatorToken, 'Rita Rapporteur');
      const olga = await openDraft(first.url, series.id, 'en', facilitatorToken);
      const ritaDraft = await openDraft(first.url, series.id, 'en', rita.token);
      expect(olga.readOnly.value).toBe(false);

      body(olga).insert(0, '# Introduction\nThe series met three times.\n\n');
      body(ritaDraft).insert(0, 'Participants asked for open data.\n- in every ministry\n- within a year\n\n');
      await until(olga.doc, () => body(olga).toString().includes('open data') && body(olga).toString().includes('three times'), 'both edits at Olga');
      await until(ritaDraft.doc, () => body(ritaDraft).toString() === body(olga).toString(), 'the same text at Rita');
      olga.doc.getMap('title').set('symbol', 'OT/2026/INF.1');
      olga.doc.getMap('title').set('date', '2026-11-29');
      await handled(olga, ritaDraft, 'typed');
      expect(ritaDraft.doc.getMap('title').get('symbol')).toBe('OT/2026/INF.1');

      // SER43: carets carry the members' names.
      const names = [...ritaDraft.provider.awareness.getStates().values()].map((s) => (s as { user?: { name?: string } }).user?.name);
      expect(names).toContain('Olga Organiser');

      const read = await http(first.url, 'GET', `/api/series/${series.id}/drafts/en`, { token: rita.token });
      expect(read.status).toBe(200);
      expect(read.body.text).toBe(body(olga).toString());
      expect(read.body.title).toEqual({ symbol: 'OT/2026/INF.1', date: '2026-11-29', submittedBy: '', title: '' });
      // Which of the two concurrent inserts comes first is Yjs's choice; the numbering is right either way.
      const paragraphs = (read.body.blocks as { kind: string; number?: number; items?: { letter: string }[] }[]).filter((b) => b.kind === 'paragraph');
      expect(paragraphs.map((p) => p.number)).toEqual([1, 2]);
      expect(paragraphs.map((p) => p.items!.map((i) => i.letter).join('')).sort()).toEqual(['', 'ab']);
      expect(read.body.blocks).toContainEqual(expect.objectContaining({ kind: 'heading', level: 1, text: 'Introduction' }));

      // The other language's draft is its own document.
      const french = await http(first.url, 'GET', `/api/series/${series.id}/drafts/fr`, { token: facilitatorToken });
      expect(french.body).toMatchObject({ text: '', blocks: [] });

      const before = body(olga).toString();
      closeAllNotepads();
      await first.close();
      servers.length = 0;

      const second = await startTestServer({ database });
      servers.push(second);
      const back = await openDraft(second.url, series.id, 'en', rita.token, { doc: new Y.Doc() });
      expect(body(back).toString()).toBe(before);
      expect(back.doc.getMap('title').get('date')).toBe('2026-11-29');
      expect(await http(second.url, 'GET', `/api/series/${series.id}/drafts/en`, { token: rita.token }).then((r) => r.body.text)).toBe(before);
    } finally {
      await database.drop();
    }
  });

  it.skipIf(Boolean(skip))('SER41 a session token, a removed member, another series and a language not in the series are refused', async () => {
    const database = await createTestDatabase(kind);
    try {
      const server = await startTestServer({ database });
      servers.push(server);
      const { series, facilitatorToken } = await createSeries(server.url, { languages: ['en'] });
      const other = await createSeries(server.url, { languages: ['en'] });
      const session = await createSession(server.url, { title: 'A café', format: 'cafe' });
      const tickets = `/api/series/${series.id}/notepad-tickets`;

      // No ticket for a session's token, nor for another series' member.
      expect((await http(server.url, 'POST', tickets, { token: session.facilitatorToken, body: {} })).status).toBe(401);
      expect((await http(server.url, 'POST', tickets, { token: other.facilitatorToken, body: {} })).status).toBe(403);
      // A session's notepad ticket does not open a draft room.
      const sessionTicket = await http<{ ticket: string }>(server.url, 'POST', '/api/notepad-tickets', { token: session.facilitatorToken, body: {} });
      expect(await closeWithTicket(server.url, `series/${series.id}/document/en`, sessionTicket.body.ticket)).toBe(4401);
      // Nor does a series ticket open a session's notepad.
      const seriesTicket = await http<{ ticket: string }>(server.url, 'POST', tickets, { token: facilitatorToken, body: {} });
      expect(await closeWithTicket(server.url, `session/${session.session.id}/synthesis`, seriesTicket.body.ticket)).toBe(4401);
      // Another series' member's ticket does not open this series' room.
      const stranger = await openNotepad(server.url, `series/${series.id}/document/en`, other.facilitatorToken, {
        synced: false,
        ticketPath: `/api/series/${other.series.id}/notepad-tickets`,
      });
      expect((await stranger.closed).code).toBe(4403);
      // A language the series does not have.
      expect((await (await openDraft(server.url, series.id, 'ar', facilitatorToken, { synced: false })).closed).code).toBe(4404);
      expect((await http(server.url, 'GET', `/api/series/${series.id}/drafts/ar`, { token: facilitatorToken })).status).toBe(404);
      expect((await http(server.url, 'GET', `/api/series/${series.id}/drafts/xx`, { token: facilitatorToken })).status).toBe(400);

      // A language dropped from the series closes its draft's open connections.
      await http(server.url, 'PATCH', `/api/series/${series.id}`, { token: facilitatorToken, body: { languages: ['en', 'fr'] } });
      const french = await openDraft(server.url, series.id, 'fr', facilitatorToken);
      await http(server.url, 'PATCH', `/api/series/${series.id}`, { token: facilitatorToken, body: { languages: ['en'] } });
      expect((await french.closed).code).toBe(4404);

      // A removed rapporteur: no ticket, a connection open when removed is closed (SER41 re-check).
      const rita = await addRapporteur(server.url, series.id, facilitatorToken, 'Rita');
      const open = await openDraft(server.url, series.id, 'en', rita.token);
      expect((await http(server.url, 'DELETE', `/api/series/${series.id}/members/${rita.id}`, { token: facilitatorToken })).status).toBe(204);
      expect((await open.closed).code).toBe(4403);
      expect((await http(server.url, 'POST', tickets, { token: rita.token, body: {} })).status).toBe(403);
      // Nor does a ticket taken before the removal open the room after it.
      const sam = await addRapporteur(server.url, series.id, facilitatorToken, 'Sam');
      const early = await http<{ ticket: string }>(server.url, 'POST', tickets, { token: sam.token, body: {} });
      await http(server.url, 'DELETE', `/api/series/${series.id}/members/${sam.id}`, { token: facilitatorToken });
      expect(await closeWithTicket(server.url, `series/${series.id}/document/en`, early.body.ticket)).toBe(4403);
    } finally {
      await database.drop();
    }
  });
});
