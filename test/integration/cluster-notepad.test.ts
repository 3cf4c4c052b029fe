import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { http } from '../helpers/api.js';
import { checkPostgres, requireAll } from '../helpers/environment.js';
import { cafeWorld, closeAllNotepads, closeNotepad, ideasAt, openNotepad, until, type CafeWorld } from '../helpers/notepad.js';
import { checkRedis, clusterNodes, forwarder, redisUrl } from '../helpers/notepad-cluster.js';
import { createTestDatabase, type TestDatabase, type TestServer } from '../helpers/server.js';
import { closeAllSockets } from '../helpers/socket.js';
import { within } from '../helpers/wait.js';
import { docFromStored } from '../../server/src/notepad/read.js';
import { sharedStorage } from '../../server/src/notepad/shared-storage.js';
import { notepadRedis } from '../../server/src/cluster/notepad-cluster.js';
import { RedisNotepadRelay } from '../../server/src/cluster/notepad-relay.js';
import pino from 'pino';

// Notepads on several nodes (docs/cluster.md, CLU60–CLU69): two real nodes in this process on one
// PostgreSQL schema and one Redis (a key prefix of this file's own), the upstream WebsocketProvider.

const missing = (await checkPostgres()) ?? (await checkRedis());
if (missing && requireAll) throw new Error(missing);
if (missing) console.warn(`cluster notepads skipped: ${missing}`);

describe.skipIf(Boolean(missing))('notepads on two nodes', () => {
  let nodes: ReturnType<typeof clusterNodes>;
  let database: TestDatabase;
  let a: TestServer;
  let b: TestServer;
  let world: CafeWorld;

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    nodes = clusterNodes(database);
    a = await nodes.start('a');
    b = await nodes.start('b');
    world = await cafeWorld(a.url, a.store);
  });
  afterEach(() => {
    closeAllNotepads();
    closeAllSockets();
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await database?.drop();
    await nodes?.clean();
  });

  it('CLU61 two writers of one table on different nodes converge, and storage holds both', async () => {
    const room = world.room(world.tableA, 1);
    const ann = await openNotepad(a.url, room, world.ann.token);
    const bob = await openNotepad(b.url, room, world.bob.token);
    ann.text.insert(0, 'Trust comes first. ');
    bob.text.insert(0, 'Access matters. ');
    await until(ann.doc, () => ann.text.length === 35, 'Bob’s edit (node b) at Ann (node a)');
    await until(bob.doc, () => bob.text.length === 35, 'Ann’s edit (node a) at Bob (node b)');
    expect(ann.text.toString()).toBe(bob.text.toString());
    // CLU63: each node has heard that the other serves the room, so what it stores goes out sooner.
    for (let i = 0; i < 20; i++) (i % 2 ? ann : bob).text.insert(0, `${i} `);
    await until(ann.doc, () => ann.text.length === 35 + 50, 'twenty more edits at Ann');
    await until(bob.doc, () => bob.text.length === 35 + 50, 'twenty more edits at Bob');
    expect(ann.text.toString()).toBe(bob.text.toString());

    await Promise.all([a.notepads.flushAll(), b.notepads.flushAll()]);
    const stored = await a.notepads.loadStoredDoc(room);
    expect(stored.getText('notes').toString()).toBe(ann.text.toString());
  });

  it('CLU61 a key idea written on the session’s owner reaches its writers on the other node, and stays', async () => {
    const room = world.room(world.tableB, 1);
    // Commands run on the session's owner (CLU30–CLU59); the room's writers are on the other node.
    const ownerId = await a.cluster.ownership.ownerOf(world.sessionId);
    const [owner, serving] = ownerId === 'a' ? [a, b] : [b, a];
    const cem = await openNotepad(serving.url, room, world.cem.token);
    const facilitator = await openNotepad(serving.url, room, world.created.facilitatorToken);
    cem.text.insert(0, 'Notes on the serving node. ');
    await ideasAt(serving.url, world, world.tableB, 1).add(world.cem.token, 'i1', 'First idea');
    await until(cem.doc, () => cem.doc.getArray('ideas').length === 1, 'the idea written on the owner at Cem');
    expect(owner.notepads.loadedRooms()).toContain(room); // the owner loaded the room to write it
    // The serving node's guard took the owner's idea as the truth: a client's meddling is put back to both ideas (IDEA3).
    await ideasAt(owner.url, world, world.tableB, 1).add(world.cem.token, 'i2', 'Second idea');
    await until(facilitator.doc, () => facilitator.doc.getArray('ideas').length === 2, 'both ideas at the facilitator');
    const ids = (doc: Y.Doc) => (doc.getArray('ideas').toJSON() as { id: string }[]).map((idea) => idea.id);
    expect(ids(facilitator.doc)).toEqual(['i1', 'i2']);
    cem.doc.getArray('ideas').delete(0, 1); // a client may not drop an idea: the serving node writes it back
    await until(cem.doc, () => ids(cem.doc).join() === 'i1,i2', 'the ideas put back at Cem');
    await until(facilitator.doc, () => ids(facilitator.doc).join() === 'i1,i2', 'the ideas put back at the facilitator');
    // Both nodes appended to the room (the serving node's client batches, the owner's commands): storage holds everything.
    await Promise.all([a.notepads.flushAll(), b.notepads.flushAll()]);
    const stored = await owner.notepads.loadStoredDoc(room);
    expect(stored.getText('notes').toString()).toBe('Notes on the serving node. ');
    expect(ids(stored)).toEqual(['i1', 'i2']);
  });

  it('CLU64 CLU65 two nodes append to one room: no seq is lost to the other, and compaction keeps the other’s batch', async () => {
    const room = world.room(world.tableA, 2);
    const storage = sharedStorage(a.store, () => false);
    const onA = new Y.Doc();
    const onB = new Y.Doc();
    onA.getText('notes').insert(0, 'from a. ');
    onB.getText('notes').insert(0, 'from b. ');
    expect(await storage.append(room, world.sessionId, 1, Y.encodeStateAsUpdate(onA), Date.now())).toBe(1);
    // Node b's counter says 1 too: it is stored after a's, not refused for ever.
    expect(await storage.append(room, world.sessionId, 1, Y.encodeStateAsUpdate(onB), Date.now())).toBe(2);
    // Node a compacts without having heard b's batch yet: the snapshot still holds it.
    await storage.compact(room, world.sessionId, Y.encodeStateAsUpdate(onA), 1, Date.now());
    const stored = await a.store.notepads.load(room);
    expect(stored.updates).toHaveLength(0);
    const text = docFromStored(stored).getText('notes').toString();
    expect(text).toContain('from a. ');
    expect(text).toContain('from b. ');
  });

  it('CLU69 a batch that waits for one never relayed is caught up from storage', async () => {
    const room = world.room(world.tableA, 1);
    const ann = await openNotepad(a.url, room, world.ann.token);
    // A third node stored a batch, but its message never arrived (Redis was away); its next one does.
    const third = new Y.Doc();
    Y.applyUpdate(third, Y.encodeStateAsUpdate(ann.doc));
    const before = Y.encodeStateVector(third);
    third.getText('notes').insert(0, 'lost ');
    const lost = Y.encodeStateAsUpdate(third, before);
    const between = Y.encodeStateVector(third);
    third.getText('notes').insert(0, 'late ');
    const late = Y.encodeStateAsUpdate(third, between);
    await sharedStorage(a.store, () => false).append(room, world.sessionId, 1, lost, Date.now());
    const redis = notepadRedis(redisUrl);
    await redis.connect();
    const relay = await RedisNotepadRelay.start(redis, nodes.prefix, pino({ level: 'silent' }));
    try {
      relay.publish(room, { kind: 'update', data: late, peers: false });
      await until(ann.doc, () => ann.text.toString().startsWith('late lost '), 'both batches at Ann', 5000);
    } finally {
      await relay.close();
      await redis.close();
    }
  });

  it('CLU62 presence crosses nodes and leaves with its connection', async () => {
    const room = world.room(world.tableA, 1);
    const ann = await openNotepad(a.url, room, world.ann.token);
    const bob = await openNotepad(b.url, room, world.bob.token);
    ann.provider.awareness.setLocalStateField('user', { name: 'Ann', color: '#112233', colorLight: '#445566' });
    const annId = ann.doc.clientID;
    await within(
      new Promise<void>((resolve) => {
        const check = () => bob.provider.awareness.getStates().has(annId) && resolve();
        bob.provider.awareness.on('change', check);
        check();
      }),
      'Ann’s caret (node a) at Bob (node b)',
    );
    closeNotepad(ann);
    await within(
      new Promise<void>((resolve) => {
        const check = () => !bob.provider.awareness.getStates().has(annId) && resolve();
        bob.provider.awareness.on('change', check);
        check();
      }),
      'Ann’s caret gone at Bob',
    );
  });

  it('CLU62 a node that loads a room sees at once who is on the other node', async () => {
    const room = world.room(world.tableB, 2);
    const facilitator = await openNotepad(a.url, room, world.created.facilitatorToken);
    facilitator.provider.awareness.setLocalStateField('user', { name: 'Fay', color: '#112233', colorLight: '#445566' });
    await new Promise((resolve) => setTimeout(resolve, 100)); // Fay's state reaches node a
    const bob = await openNotepad(b.url, room, world.bob.token); // node b loads the room now
    const fayId = facilitator.doc.clientID;
    // Sooner than the provider's own renewal (every 15 s) would bring it.
    await within(
      new Promise<void>((resolve) => {
        const check = () => bob.provider.awareness.getStates().has(fayId) && resolve();
        bob.provider.awareness.on('change', check);
        check();
      }),
      'Fay’s caret (node a) at Bob (node b, just loaded)',
      3000,
    );
  });

  it('CLU68 a person removed through one node loses their notepad on the other', async () => {
    const room = world.room(world.tableA, 1);
    const dan = await openNotepad(b.url, room, world.dan.token); // a reader: not seated
    const removed = await http(a.url, 'DELETE', `/api/sessions/${world.sessionId}/participants/${world.dan.participant.id}`, { token: world.created.facilitatorToken });
    expect(removed.status).toBe(204);
    expect(await within(dan.closed, 'Dan’s connection on node b closed')).toMatchObject({ code: 4403 });
  });

  it('CLU68 a burst of access changes of one session is one message between nodes', async () => {
    const redis = notepadRedis(redisUrl);
    await redis.connect();
    const heard: string[] = [];
    await redis.subscribe(`${nodes.prefix}notepad-access`, (message) => heard.push(message));
    try {
      await Promise.all(Array.from({ length: 10 }, () => a.notepads.revalidate(world.sessionId)));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(heard.map((m) => (JSON.parse(m) as { kind: string; id: string }).id)).toEqual([world.sessionId]);
    } finally {
      await redis.close();
    }
  });

  it('CLU67 a ticket from one node lets a connection into the other', async () => {
    const ticket = await http<{ ticket: string }>(a.url, 'POST', '/api/notepad-tickets', { token: world.bob.token, body: {} });
    expect(ticket.status).toBe(201);
    expect(await b.notepads.tickets.redeem(ticket.body.ticket)).toBe(world.bob.token);
    expect(await a.notepads.tickets.redeem(ticket.body.ticket)).toBeUndefined(); // spent
  });

  it('CLU66 a node stops: its writer moves to the other node and nothing it stored is lost', async () => {
    const room = world.room(world.tableB, 1);
    let target = a.port;
    const proxy = await forwarder(() => target);
    try {
      const cem = await openNotepad(proxy.url, room, world.cem.token); // through the proxy: node a
      const watcher = await openNotepad(b.url, room, world.created.facilitatorToken); // node b holds the room too
      const before = cem.text.length;
      for (let i = 0; i < 30; i++) cem.text.insert(cem.text.length, `line ${i}\n`);
      const written = cem.text.toString();
      await until(watcher.doc, () => watcher.text.toString() === written, 'Cem’s lines (node a) at node b');
      expect(written.length).toBeGreaterThan(before);

      target = b.port; // what the proxy does once node a is gone
      await a.close();
      await within(
        new Promise<void>((resolve) => (cem.provider.wsconnected && cem.provider.synced ? resolve() : cem.provider.on('sync', (synced: boolean) => synced && resolve()))),
        'Cem reconnected through the proxy to node b',
        10_000,
      );
      cem.text.insert(cem.text.length, 'after the move\n');
      await until(watcher.doc, () => watcher.text.toString().endsWith('after the move\n'), 'Cem’s edit on node b');

      // A reader with nothing of its own sees everything node a stored, and the edit after.
      const fresh = await openNotepad(b.url, room, world.bob.token, { doc: new Y.Doc() });
      expect(fresh.text.toString()).toBe(`${written}after the move\n`);
      await b.notepads.flushAll();
      expect((await b.notepads.loadStoredDoc(room)).getText('notes').toString()).toBe(`${written}after the move\n`);
    } finally {
      await proxy.close();
    }
  });
});
