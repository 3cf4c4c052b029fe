import { afterEach, describe, expect, it } from 'vitest';
import { http } from '../helpers/api.js';
import { cafeWorld, type CafeWorld } from '../helpers/notepad.js';
import { createTestDatabase, startTestServer, type TestServer } from '../helpers/server.js';
import { closeAllSockets, command, connect, nextEvent } from '../helpers/socket.js';
import { storageTargets } from '../helpers/storage-kinds.js';

// A table's notes language (docs/notepads.md, NOTE17–NOTE19), through the real server on each
// database: its default, choosing it, who may, and that it outlives a restart.

const targets = await storageTargets();

describe.each(targets)('notes language on $kind', ({ kind, skip }) => {
  if (skip) console.warn(`notes language on ${kind} skipped: ${skip}`);
  const servers: TestServer[] = [];
  afterEach(async () => {
    closeAllSockets();
    for (const server of servers.splice(0)) await server.close();
  });

  const path = (world: CafeWorld, tableId: string, round: number) => `/api/sessions/${world.sessionId}/cafe/tables/${tableId}/rounds/${round}/notes-language`;

  it.skipIf(Boolean(skip))(
    'NOTE17 NOTE18 NOTE19 NOTE20 the default follows who sits there; a seated person chooses it, readers hear of it, others are refused, the export says it, and it outlives a restart',
    async () => {
      const database = await createTestDatabase(kind);
      const first = await startTestServer({ database });
      servers.push(first);
      const world = await cafeWorld(first.url, first.store, { languages: ['en', 'fr', 'ar'] });
      // Round 1 seats Ann and Bob at table A, Cem at B (cafeWorld): Ann and Bob speak French.
      for (const person of [world.ann, world.bob]) {
        const changed = await http(first.url, 'PATCH', `/api/sessions/${world.sessionId}/me`, { token: person.token, body: { language: 'fr' } });
        expect(changed.status).toBe(200);
      }
      const cem = (await connect(first.url, world.cem.token)).socket;
      const before = await command(cem, 'notepad:notes-language', { tableId: world.tableA, round: 1 });
      expect(before).toEqual({ ok: true, notesLanguage: { tableId: world.tableA, round: 1, language: 'fr', chosen: false } });
      // Table B in round 1 has only Cem (the session's default language): the session's first language, or his.
      const atB = await command(cem, 'notepad:notes-language', { tableId: world.tableB, round: 1 });
      expect(atB).toMatchObject({ ok: true, notesLanguage: { language: 'en', chosen: false } });

      // NOTE18: Cem sits at B, not A: he reads A's notes but may not choose their language.
      const refused = await command(cem, 'notepad:set-language', { tableId: world.tableA, round: 1, language: 'ar' });
      expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      const refusedHttp = await http(first.url, 'PUT', path(world, world.tableA, 1), { token: world.cem.token, body: { language: 'ar' } });
      expect(refusedHttp.status).toBe(403);
      // An observer reads, and may not choose (the permission table refuses the role).
      const olga = await http(first.url, 'PUT', path(world, world.tableA, 1), { token: world.olga.token, body: { language: 'ar' } });
      expect(olga.status).toBe(403);
      const badTag = await http(first.url, 'PUT', path(world, world.tableA, 1), { token: world.ann.token, body: { language: 'not a tag!' } });
      expect(badTag.status).toBe(400);

      // Bob, seated at A, chooses Arabic over HTTP; the ack comes after it is stored, readers hear of it.
      const heard = nextEvent(cem, 'notepad:language');
      const set = await http(first.url, 'PUT', path(world, world.tableA, 1), { token: world.bob.token, body: { language: 'ar' } });
      expect(set.status).toBe(200);
      expect(set.body).toEqual({ notesLanguage: { tableId: world.tableA, round: 1, language: 'ar', chosen: true } });
      expect(await heard).toEqual([{ tableId: world.tableA, round: 1, language: 'ar' }]);
      expect((await first.store.cafe.notesLanguages(world.sessionId)).get(`${world.tableA}/1`)).toBe('ar');
      // The choice is round 1's: round 2 seats another group, whose notes take their own default
      // (NOTE18); staff may choose it over Socket.IO as well.
      const facilitator = (await connect(first.url, world.created.facilitatorToken)).socket;
      expect(await command(facilitator, 'notepad:notes-language', { tableId: world.tableA, round: 2 })).toMatchObject({
        ok: true,
        notesLanguage: { round: 2, chosen: false },
      });
      expect(await command(facilitator, 'notepad:set-language', { tableId: world.tableB, round: 1, language: 'fr' })).toMatchObject({
        ok: true,
        notesLanguage: { language: 'fr' },
      });
      expect(await command(facilitator, 'notepad:set-language', { tableId: 'no-such-table', round: 1, language: 'fr' })).toMatchObject({ ok: false, error: { code: 'not_found' } });

      closeAllSockets();
      await first.close();
      servers.splice(0);
      const second = await startTestServer({ database });
      servers.push(second);
      const again = (await connect(second.url, world.cem.token)).socket;
      expect(await command(again, 'notepad:notes-language', { tableId: world.tableA, round: 1 })).toMatchObject({ ok: true, notesLanguage: { language: 'ar', chosen: true } });
      expect(await command(again, 'notepad:notes-language', { tableId: world.tableB, round: 1 })).toMatchObject({ ok: true, notesLanguage: { language: 'fr', chosen: true } });
      await database.drop();
    },
  );
});
