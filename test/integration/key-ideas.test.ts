import { NOTEPAD_IDEAS, type KeyIdea } from '@open-talks/shared';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readNotepad } from '../../server/src/notepad/read.js';
import { http } from '../helpers/api.js';
import { cafeWorld, closeAllNotepads, handled, openNotepad, until, type CafeWorld, type NotepadClient } from '../helpers/notepad.js';
import { createTestDatabase, startTestServer, type TestServer } from '../helpers/server.js';
import { closeAllSockets, command, connect, type ClientSocket } from '../helpers/socket.js';
import { storageTargets } from '../helpers/storage-kinds.js';

// Key ideas are the server's to write (docs/notepads.md, IDEA1–IDEA5): through the real server,
// real socket.io-client and the upstream WebsocketProvider writing what a hostile client would.

const targets = await storageTargets();

/** What a hostile (or old) client writes straight into the notepad's ideas. */
function writeIdea(client: NotepadClient, fields: Record<string, unknown>): void {
  const idea = new Y.Map<unknown>();
  client.doc.transact(() => {
    client.doc.getArray(NOTEPAD_IDEAS).push([idea]);
    for (const [key, value] of Object.entries(fields)) idea.set(key, value);
  });
}

function ideaMap(client: NotepadClient, id: string): Y.Map<unknown> {
  const found = client.doc
    .getArray<Y.Map<unknown>>(NOTEPAD_IDEAS)
    .toArray()
    .find((m) => m.get('id') === id);
  if (!found) throw new Error(`no idea ${id}`);
  return found;
}

const ideasOf = (client: NotepadClient): KeyIdea[] => readNotepad(client.doc).ideas;
const idsOf = (client: NotepadClient) => ideasOf(client).map((i) => i.id);

describe.each(targets)('key ideas on $kind', ({ kind, skip }) => {
  if (skip) console.warn(`key ideas on ${kind} skipped: ${skip}`);
  const servers: TestServer[] = [];
  afterEach(async () => {
    closeAllNotepads();
    closeAllSockets();
    for (const server of servers.splice(0)) await server.close();
  });

  async function start(): Promise<TestServer> {
    const server = await startTestServer({ database: await createTestDatabase(kind) });
    servers.push(server);
    return server;
  }

  async function socketOf(server: TestServer, token: string): Promise<ClientSocket> {
    return (await connect(server.url, token)).socket;
  }

  const at = (world: CafeWorld) => ({ tableId: world.tableA, round: 1 });

  it.skipIf(Boolean(skip))(
    'IDEA1 IDEA3 a participant cannot credit a key idea to someone else: forged over the notepad it is put back, over Socket.IO refused; export and public page show the true author',
    async () => {
      const server = await start();
      const world = await cafeWorld(server.url, server.store);
      const room = world.room(world.tableA, 1);
      const bob = await openNotepad(server.url, room, world.bob.token);
      const witness = await openNotepad(server.url, room, world.ann.token);

      // Bob's client writes an idea credited to the facilitator, then an author on a real idea.
      writeIdea(bob, {
        id: 'forged',
        text: 'Credited to the facilitator',
        author: 'Facilitator Fay',
        group: 'government',
        round: 1,
        tableId: world.tableA,
        createdAt: 1,
        marked: true,
      });
      await until(bob.doc, () => !idsOf(bob).includes('forged'), 'the forged idea put back');
      const socket = await socketOf(server, world.bob.token);
      const forged = await command(socket, 'notepad:add-idea', { ...at(world), id: 'forged-2', text: 'Also forged', author: 'Facilitator Fay' } as never);
      expect(forged).toMatchObject({ ok: false, error: { code: 'bad_request' } });

      const added = await command(socket, 'notepad:add-idea', { ...at(world), id: 'real', text: 'Bob’s own idea' });
      expect(added).toMatchObject({ ok: true, idea: { id: 'real', author: 'Bob', group: 'academia', tableId: world.tableA, round: 1, marked: false } });
      await until(bob.doc, () => idsOf(bob).includes('real'), 'Bob’s idea in his notepad');
      ideaMap(bob, 'real').set('author', 'Facilitator Fay');
      await until(bob.doc, () => ideasOf(bob)[0]?.author === 'Bob', 'the author put back');
      await handled(bob, witness, 'after the rewrite');
      expect(ideasOf(witness)).toMatchObject([{ id: 'real', author: 'Bob' }]);
      expect((await server.notepads.readRoom(room)).ideas).toMatchObject([{ id: 'real', text: 'Bob’s own idea', author: 'Bob' }]);

      const token = world.created.facilitatorToken;
      const json = await http(server.url, 'GET', `/api/sessions/${world.sessionId}/export?format=json`, { token });
      const exported = JSON.stringify(json.body);
      expect(exported).not.toContain('Facilitator Fay');
      expect(exported).not.toContain('Credited to the facilitator');
      expect(json.body.cafe.rounds[0].tables[0].ideas).toMatchObject([{ text: 'Bob’s own idea', credit: { name: 'Bob' } }]);
      const markdown = await fetch(`${server.url}/api/sessions/${world.sessionId}/export?format=md`, { headers: { authorization: `Bearer ${token}` } });
      const text = await markdown.text();
      expect(text).toContain('Bob’s own idea');
      expect(text).not.toContain('Fay');
      const published = await http(server.url, 'POST', `/api/sessions/${world.sessionId}/publication`, { token, body: {} });
      const page = await http(server.url, 'GET', `/api/public/${published.body.publication.slug}`);
      expect(JSON.stringify(page.body)).not.toContain('Fay');
      expect(page.body.record.cafe.rounds[0].tables[0].ideas).toMatchObject([{ text: 'Bob’s own idea', credit: { name: 'Bob' } }]);
    },
  );

  it.skipIf(Boolean(skip))('IDEA1 under anonymous attribution nothing that leaves the server ties a key idea to a name or group; under group, to a name', async () => {
    const server = await start();
    for (const attribution of ['anonymous', 'group'] as const) {
      const world = await cafeWorld(server.url, server.store, { attribution });
      const room = world.room(world.tableA, 1);
      const ann = await openNotepad(server.url, room, world.ann.token);
      const reader = await openNotepad(server.url, room, world.cem.token);
      // Ann's client names her in the idea; the server writes it back without.
      writeIdea(ann, { id: 'named', text: 'Signed by Ann', author: 'Ann', group: 'academia', round: 1, tableId: world.tableA, createdAt: 1, marked: false });
      await until(ann.doc, () => !idsOf(ann).includes('named'), `the signed idea put back (${attribution})`);
      const socket = await socketOf(server, world.ann.token);
      const added = await command(socket, 'notepad:add-idea', { ...at(world), id: 'plain', text: 'Open data by default' });
      expect(added).toMatchObject({ ok: true, idea: { author: null, group: attribution === 'group' ? 'academia' : null } });
      await until(reader.doc, () => idsOf(reader).includes('plain'), `the idea at a reader (${attribution})`);
      await handled(ann, reader, `done ${attribution}`);
      const seen = JSON.stringify(reader.doc.toJSON());
      expect(seen).not.toContain('Ann');
      if (attribution === 'anonymous') expect(seen).not.toContain('academia');

      const json = await http(server.url, 'GET', `/api/sessions/${world.sessionId}/export?format=json`, { token: world.created.facilitatorToken });
      const [idea] = json.body.cafe.rounds[0].tables[0].ideas;
      expect(idea).toMatchObject({ text: 'Open data by default', credit: { name: null, group: attribution === 'group' ? 'academia' : null } });
      expect(JSON.stringify(json.body.cafe)).not.toContain('Ann');
    }
  });

  it.skipIf(Boolean(skip))(
    'IDEA2 at a hosted table only the host curates: a participant’s mark, edit, move and drop are refused over Socket.IO and put back over the notepad',
    async () => {
      const server = await start();
      const world = await cafeWorld(server.url, server.store, { annHostsA: true });
      const room = world.room(world.tableA, 1);
      const hostSocket = await socketOf(server, world.ann.token);
      const bobSocket = await socketOf(server, world.bob.token);
      for (const [id, text] of [
        ['h1', 'First'],
        ['h2', 'Second'],
      ]) {
        expect(await command(hostSocket, 'notepad:add-idea', { ...at(world), id: id!, text: text! })).toMatchObject({ ok: true });
      }
      // Anyone seated adds; only the host arranges.
      expect(await command(bobSocket, 'notepad:add-idea', { ...at(world), id: 'b1', text: 'Bob’s' })).toMatchObject({ ok: true, idea: { author: 'Bob' } });
      const refusals = [
        command(bobSocket, 'notepad:mark-idea', { ...at(world), ideaId: 'h1', marked: true }),
        command(bobSocket, 'notepad:edit-idea', { ...at(world), ideaId: 'h1', text: 'Rewritten' }),
        command(bobSocket, 'notepad:move-idea', { ...at(world), ideaId: 'b1', to: 0 }),
        command(bobSocket, 'notepad:drop-idea', { ...at(world), ideaId: 'h2' }),
        command(bobSocket, 'notepad:drop-idea', { ...at(world), ideaId: 'b1' }),
      ];
      for (const ack of await Promise.all(refusals)) expect(ack).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      // People not writing at this table add nothing either.
      const cemSocket = await socketOf(server, world.cem.token);
      expect(await command(cemSocket, 'notepad:add-idea', { ...at(world), id: 'c1', text: 'From table B' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

      const expected = [
        { id: 'h1', text: 'First', marked: false },
        { id: 'h2', text: 'Second', marked: false },
        { id: 'b1', text: 'Bob’s', marked: false },
      ];
      const bob = await openNotepad(server.url, room, world.bob.token);
      const witness = await openNotepad(server.url, room, world.cem.token);
      await until(bob.doc, () => idsOf(bob).length === 3, 'the three ideas at Bob');
      // Bob's client marks, edits, reorders and drops by hand: each is put back.
      ideaMap(bob, 'h1').set('marked', true);
      ideaMap(bob, 'h2').set('text', 'Rewritten');
      bob.doc.transact(() => {
        const array = bob.doc.getArray<Y.Map<unknown>>(NOTEPAD_IDEAS);
        array.delete(0, 1);
      });
      bob.doc.transact(() => {
        const array = bob.doc.getArray<Y.Map<unknown>>(NOTEPAD_IDEAS);
        const last = array.get(array.length - 1).toJSON();
        array.delete(array.length - 1, 1);
        array.insert(0, [new Y.Map(Object.entries(last))]);
      });
      await handled(bob, witness, 'curated by hand');
      await until(bob.doc, () => JSON.stringify(ideasOf(bob).map(({ id, text, marked }) => ({ id, text, marked }))) === JSON.stringify(expected), 'Bob’s changes put back');
      expect(ideasOf(witness)).toMatchObject(expected);
      expect((await server.notepads.readRoom(room)).ideas).toMatchObject(expected);

      // The host's own commands go through.
      expect(await command(hostSocket, 'notepad:mark-idea', { ...at(world), ideaId: 'b1', marked: true })).toMatchObject({ ok: true, idea: { marked: true, author: 'Bob' } });
      expect(await command(hostSocket, 'notepad:edit-idea', { ...at(world), ideaId: 'h1', text: 'First, sharpened' })).toMatchObject({ ok: true });
      expect(await command(hostSocket, 'notepad:move-idea', { ...at(world), ideaId: 'b1', to: 0 })).toMatchObject({ ok: true });
      expect(await command(hostSocket, 'notepad:drop-idea', { ...at(world), ideaId: 'h2' })).toMatchObject({ ok: true });
      await until(witness.doc, () => idsOf(witness).join() === 'b1,h1', 'the host’s arrangement at a reader');
      expect(ideasOf(witness)).toMatchObject([
        { id: 'b1', marked: true, author: 'Bob' },
        { id: 'h1', text: 'First, sharpened', author: 'Ann' },
      ]);
    },
  );

  it.skipIf(Boolean(skip))('IDEA5 an idea sent again with the same id (an outbox retry after a lost ack) is stored once, and stored before the ack', async () => {
    const server = await start();
    const world = await cafeWorld(server.url, server.store);
    const socket = await socketOf(server, world.bob.token);
    const idea = { ...at(world), id: 'offline-1', text: 'Written on the train' };
    const first = await command(socket, 'notepad:add-idea', idea);
    expect(first).toMatchObject({ ok: true });
    // Persisted before the ack: storage itself has it, not only the document in memory.
    const stored = await server.store.notepads.load(world.room(world.tableA, 1));
    const doc = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const update of stored.updates) Y.applyUpdate(doc, update);
    expect(readNotepad(doc).ideas.map((i) => i.text)).toEqual(['Written on the train']);

    const again = await command(socket, 'notepad:add-idea', { ...idea, text: 'Written on the train (sent twice)' });
    expect(again).toMatchObject({ ok: true, idea: { id: 'offline-1', text: 'Written on the train' } });
    expect((await server.notepads.readRoom(world.room(world.tableA, 1))).ideas).toHaveLength(1);
  });

  it.skipIf(Boolean(skip))('IDEA4 an unknown idea, table or round is not_found; bad input changes nothing', async () => {
    const server = await start();
    const world = await cafeWorld(server.url, server.store);
    const socket = await socketOf(server, world.ann.token);
    expect(await command(socket, 'notepad:mark-idea', { ...at(world), ideaId: 'nope', marked: true })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await command(socket, 'notepad:add-idea', { tableId: 'no-such-table', round: 1, id: 'x', text: 'Lost' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await command(socket, 'notepad:add-idea', { ...at(world), round: 9, id: 'x', text: 'Lost' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    for (const bad of [
      { id: 'x', text: '   ' },
      { id: 'x', text: 'y'.repeat(281) },
      { id: 'not an id!', text: 'Fine' },
      { id: 'x', text: 'Fine', marked: true },
    ]) {
      expect(await command(socket, 'notepad:add-idea', { ...at(world), ...bad })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    }
    expect((await server.notepads.readRoom(world.room(world.tableA, 1))).ideas).toEqual([]);
  });

  it.skipIf(Boolean(skip))('MT50 a key idea knows its language: its author’s, or the one sent; kept over the notepad and in the export', async () => {
    const server = await start();
    const world = await cafeWorld(server.url, server.store, { languages: ['en', 'ar'] });
    const room = world.room(world.tableA, 1);
    const socket = await socketOf(server, world.bob.token);
    // Bob joined in English: his idea is in English unless he says otherwise.
    expect(await command(socket, 'notepad:add-idea', { ...at(world), id: 'own', text: 'Open data by default' })).toMatchObject({ ok: true, idea: { id: 'own', language: 'en' } });
    expect(await command(socket, 'notepad:add-idea', { ...at(world), id: 'said', text: 'البيانات المفتوحة', language: 'ar' })).toMatchObject({
      ok: true,
      idea: { language: 'ar' },
    });
    expect(await command(socket, 'notepad:add-idea', { ...at(world), id: 'bad', text: 'x', language: 'not a tag!' })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    const bob = await openNotepad(server.url, room, world.bob.token);
    await until(bob.doc, () => ideasOf(bob).length === 2, 'both ideas in the notepad');
    // A client writing another language is put back: the server's word stands, like the author.
    ideaMap(bob, 'said').set('language', 'fr');
    await until(bob.doc, () => ideasOf(bob).find((i) => i.id === 'said')?.language === 'ar', 'the language put back');
    expect((await server.notepads.readRoom(room)).ideas.map((i) => [i.id, i.language])).toEqual([
      ['own', 'en'],
      ['said', 'ar'],
    ]);
    const json = await http(server.url, 'GET', `/api/sessions/${world.sessionId}/export?format=json`, { token: world.created.facilitatorToken });
    expect(json.body.cafe.rounds[0].tables[0].ideas).toMatchObject([
      { text: 'Open data by default', language: 'en' },
      { text: 'البيانات المفتوحة', language: 'ar' },
    ]);
  });
});
