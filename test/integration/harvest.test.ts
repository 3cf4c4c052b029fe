import { HARVEST_IDEAS, HARVEST_PLACEMENT, HARVEST_THEMES, NOTEPAD_IDEAS, notepadRoomName } from '@open-talks/shared';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readHarvest } from '../../server/src/notepad/read.js';
import { http } from '../helpers/api.js';
import { cafeWorld, closeAllNotepads, handled, ideasAt, openNotepad, until, type NotepadClient } from '../helpers/notepad.js';
import { createTestDatabase, startTestServer, type TestServer } from '../helpers/server.js';
import { closeAllSockets, command, connect, nextEvent } from '../helpers/socket.js';
import { storageTargets } from '../helpers/storage-kinds.js';

// The harvest through the real server and upstream y-websocket clients (docs/notepads.md, HARV1–HARV5).

const targets = await storageTargets();

function addTheme(client: NotepadClient, id: string, name: string): void {
  const theme = new Y.Map<unknown>();
  client.doc.transact(() => {
    client.doc.getArray(HARVEST_THEMES).push([theme]);
    theme.set('id', id);
    theme.set('name', name);
  });
}

const harvestOf = (client: NotepadClient) => readHarvest(client.doc);

describe.each(targets)('harvest on $kind', ({ kind, skip }) => {
  if (skip) console.warn(`harvest on ${kind} skipped: ${skip}`);
  const servers: TestServer[] = [];
  afterEach(async () => {
    closeAllNotepads();
    closeAllSockets();
    for (const server of servers.splice(0)) await server.close();
  });

  async function start(database?: TestServer['database'], port?: number): Promise<TestServer> {
    const server = await startTestServer({ database: database ?? (await createTestDatabase(kind)), ...(port && { port }) });
    servers.push(server);
    return server;
  }

  it.skipIf(Boolean(skip))('HARV1 HARV2 a table’s key ideas reach the harvest live: added, marked, dropped (with its placement)', async () => {
    const server = await start();
    const world = await cafeWorld(server.url, server.store);
    const harvestRoom = notepadRoomName({ kind: 'harvest', sessionId: world.sessionId });
    const board = await openNotepad(server.url, harvestRoom, world.created.facilitatorToken);
    await openNotepad(server.url, world.room(world.tableA, 1), world.ann.token); // Ann has her table open

    const tableA = ideasAt(server.url, world, world.tableA, 1);
    await tableA.add(world.ann.token, 'i1', 'Trust comes first');
    await tableA.add(world.ann.token, 'i2', 'Access matters');
    const key = `${world.tableA}/1/i1`;
    await until(board.doc, () => harvestOf(board).ideas.length === 2, 'both ideas on the board');
    expect(harvestOf(board).ideas.find((i) => i.key === key)).toMatchObject({ text: 'Trust comes first', tableId: world.tableA, round: 1, marked: false, author: 'Ann' });

    await tableA.mark(world.ann.token, 'i1', true);
    await until(board.doc, () => harvestOf(board).ideas.find((i) => i.key === key)?.marked === true, 'the mark on the board');

    addTheme(board, 't1', 'Trust');
    board.doc.getMap(HARVEST_PLACEMENT).set(key, 't1');
    const witness = await openNotepad(server.url, harvestRoom, world.olga.token);
    await handled(board, witness, 'placed');
    await tableA.drop(world.ann.token, 'i1');
    await until(board.doc, () => harvestOf(board).ideas.length === 1, 'the dropped idea gone from the board');
    expect(harvestOf(board).placement.has(key)).toBe(false);
    await server.notepads.flushAll();
    const stored = await server.notepads.readHarvest(world.sessionId);
    expect(stored.ideas.map((i) => i.text)).toEqual(['Access matters']);
    expect(stored.themes).toEqual([{ id: 't1', name: 'Trust' }]);
  });

  it.skipIf(Boolean(skip))('HARV1 HARV4 ideas reach the harvest with nobody on the board, and only open tables are in memory', async () => {
    const server = await start();
    const world = await cafeWorld(server.url, server.store);
    const cem = await openNotepad(server.url, world.room(world.tableB, 1), world.cem.token);
    await ideasAt(server.url, world, world.tableB, 1).add(world.cem.token, 'c1', 'Written with no board open');
    await handled(cem, await openNotepad(server.url, world.room(world.tableB, 1), world.created.facilitatorToken), 'written');
    await server.notepads.flushAll();
    expect((await server.notepads.readHarvest(world.sessionId)).ideas.map((i) => i.text)).toEqual(['Written with no board open']);
    // The harvest was loaded to be written; no other table's notepad was woken for it.
    expect(server.notepads.loadedRooms().sort()).toEqual([notepadRoomName({ kind: 'harvest', sessionId: world.sessionId }), world.room(world.tableB, 1)].sort());
  });

  it.skipIf(Boolean(skip))('NOTE4 HARV3 a participant’s write to the harvest is dropped; a facilitator’s write to the ideas is put back', async () => {
    const server = await start();
    const world = await cafeWorld(server.url, server.store);
    const harvestRoom = notepadRoomName({ kind: 'harvest', sessionId: world.sessionId });
    await openNotepad(server.url, world.room(world.tableA, 1), world.ann.token);
    await ideasAt(server.url, world, world.tableA, 1).add(world.ann.token, 'i1', 'The real idea');
    const board = await openNotepad(server.url, harvestRoom, world.created.facilitatorToken);
    await until(board.doc, () => harvestOf(board).ideas.length === 1, 'the idea on the board');

    const reader = await openNotepad(server.url, harvestRoom, world.bob.token);
    await reader.readOnly.told;
    addTheme(reader, 'forged', 'Forged theme');
    await handled(reader, board, 'reader-wrote');
    expect(harvestOf(board).themes).toEqual([]);

    const ideas = board.doc.getMap<unknown>(HARVEST_IDEAS);
    const key = `${world.tableA}/1/i1`;
    ideas.set(key, { ...(ideas.get(key) as object), text: 'Rewritten by hand' });
    ideas.set('invented/1/x', { id: 'x', text: 'Invented', round: 1, tableId: 'invented' });
    await until(
      board.doc,
      () =>
        harvestOf(board)
          .ideas.map((i) => i.text)
          .join() === 'The real idea',
      'the ideas put back at the facilitator',
    );
    await server.notepads.flushAll();
    expect((await server.notepads.readHarvest(world.sessionId)).ideas.map((i) => i.text)).toEqual(['The real idea']);
  });

  it.skipIf(Boolean(skip))('HARV4 HARV5 ideas and the facilitator’s themes are there after a stop and a start', async () => {
    const database = await createTestDatabase(kind);
    const first = await start(database);
    const world = await cafeWorld(first.url, first.store);
    const harvestRoom = notepadRoomName({ kind: 'harvest', sessionId: world.sessionId });
    const ann = await openNotepad(first.url, world.room(world.tableA, 1), world.ann.token);
    const tableA = ideasAt(first.url, world, world.tableA, 1);
    await tableA.add(world.ann.token, 'i1', 'Kept across a restart');
    const board = await openNotepad(first.url, harvestRoom, world.created.facilitatorToken);
    await until(board.doc, () => harvestOf(board).ideas.length === 1, 'the idea on the board');
    addTheme(board, 't1', 'Durability');
    board.doc.getMap(HARVEST_PLACEMENT).set(`${world.tableA}/1/i1`, 't1');
    await handled(board, await openNotepad(first.url, harvestRoom, world.olga.token), 'themed');
    // The last idea goes in just before the stop: the stop waits for its mirror.
    await tableA.add(world.ann.token, 'i2', 'Added at the last moment');
    await handled(ann, await openNotepad(first.url, world.room(world.tableA, 1), world.bob.token), 'last');
    closeAllNotepads();
    await first.close();
    servers.splice(servers.indexOf(first), 1);

    const second = await start(database);
    const after = await openNotepad(second.url, harvestRoom, world.olga.token);
    const harvest = harvestOf(after);
    expect(harvest.ideas.map((i) => i.text).sort()).toEqual(['Added at the last moment', 'Kept across a restart']);
    expect(harvest.themes).toEqual([{ id: 't1', name: 'Durability' }]);
    expect(harvest.placement.get(`${world.tableA}/1/i1`)).toBe('t1');
    await database.drop();
  });

  it.skipIf(Boolean(skip))(
    'HARV4 after a crash the first load of the harvest (by an export or a board) catches up with the tables’ stored notes, waking none of them',
    async () => {
      const server = await start();
      const world = await cafeWorld(server.url, server.store);
      const harvestRoom = notepadRoomName({ kind: 'harvest', sessionId: world.sessionId });
      // What a killed process could leave: table A's idea stored but not its mirror, and a mirror
      // of an idea table B never stored.
      const table = new Y.Doc();
      const idea = new Y.Map<unknown>();
      table.getArray(NOTEPAD_IDEAS).push([idea]);
      for (const [key, value] of Object.entries({ id: 'i1', text: 'Stored before the crash', round: 1, tableId: world.tableA, createdAt: 1, marked: true })) idea.set(key, value);
      await server.store.notepads.append(world.room(world.tableA, 1), world.sessionId, 1, Y.encodeStateAsUpdate(table), Date.now());
      const stale = new Y.Doc();
      stale.getMap(HARVEST_IDEAS).set(`${world.tableB}/1/ghost`, { id: 'ghost', text: 'Never stored at its table', round: 1, tableId: world.tableB, createdAt: 1, marked: false });
      await server.store.notepads.append(harvestRoom, world.sessionId, 1, Y.encodeStateAsUpdate(stale), Date.now());

      // Exports read it caught up too (readHarvest loads it like any notepad).
      expect((await server.notepads.readHarvest(world.sessionId)).ideas.map((i) => i.text)).toEqual(['Stored before the crash']);
      const board = await openNotepad(server.url, harvestRoom, world.created.facilitatorToken);
      expect(harvestOf(board).ideas.map((i) => [i.text, i.marked])).toEqual([['Stored before the crash', true]]);
      expect(server.notepads.loadedRooms()).toEqual([harvestRoom]);
    },
  );

  it.skipIf(Boolean(skip))('HARV6 the facilitator shows the harvest on the projector: acked, announced, kept across a restart; others may not', async () => {
    const database = await createTestDatabase(kind);
    const first = await start(database);
    const world = await cafeWorld(first.url, first.store);
    const { socket: facilitator } = await connect(first.url, world.created.facilitatorToken);
    const { socket: projector, state } = await connect(first.url, world.created.projectorKey);
    expect(state.cafe?.live.harvestShown).toBe(false);
    const announced = nextEvent(projector, 'cafe:live', (live) => live.harvestShown);
    expect(await command(facilitator, 'cafe:show-harvest', { show: true })).toEqual({ ok: true, shown: true });
    await announced;
    const { socket: ann } = await connect(first.url, world.ann.token);
    expect(await command(ann, 'cafe:show-harvest', { show: false })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await command(facilitator, 'cafe:show-harvest', { show: 'yes' } as never)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    closeAllSockets();
    await first.close();
    servers.splice(servers.indexOf(first), 1);

    const second = await start(database);
    const again = await connect(second.url, world.created.projectorKey);
    expect(again.state.cafe?.live.harvestShown).toBe(true);
    const hidden = await http(second.url, 'PUT', `/api/sessions/${world.sessionId}/cafe/projector/harvest`, { token: world.created.facilitatorToken, body: { show: false } });
    expect(hidden).toMatchObject({ status: 200, body: { shown: false } });
    expect((await http(second.url, 'GET', `/api/sessions/${world.sessionId}/cafe/live`, { token: world.ann.token })).body.cafe.live.harvestShown).toBe(false);
    await database.drop();
  });
});
