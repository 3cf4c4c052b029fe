import type { ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { docFromStored } from '../../server/src/notepad/read.js';
import { openDatabase } from '../../server/src/store/db.js';
import { createStore, type Store } from '../../server/src/store/index.js';
import { freePort, kill, spawnServer, untilHealthy } from '../helpers/child-server.js';
import { cafeWorld, closeAllNotepads, handled, openNotepad } from '../helpers/notepad.js';
import { createTestDatabase, startTestServer, type TestDatabase } from '../helpers/server.js';
import { storageTargets } from '../helpers/storage-kinds.js';

// "Nothing lost" for notepads: a hard kill loses at most the last second of typing (NOTE9),
// and many clients editing at once with drops converge on what is stored (issue 4's fuzz).

const targets = await storageTargets();

describe.each(targets)('notepads survive a hard kill on $kind', ({ kind, skip }) => {
  let database: TestDatabase | undefined;
  let store: Store | undefined;
  const children: ChildProcess[] = [];

  afterEach(async () => {
    closeAllNotepads();
    for (const child of children.splice(0)) await kill(child);
    await store?.close();
    store = undefined;
    await database?.drop();
    database = undefined;
  });

  it.skipIf(Boolean(skip))('NOTE9 text stored before a SIGKILL is there after starting again', async () => {
    database = await createTestDatabase(kind);
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const first = spawnServer(port, database);
    children.push(first);
    await untilHealthy(url, first);
    store = createStore(await openDatabase({ url: database.url, ...(database.schema && { pgSchema: database.schema }) }));
    const world = await cafeWorld(url, store);
    const room = world.room(world.tableA, 1);

    const ann = await openNotepad(url, room, world.ann.token);
    const started = Date.now();
    ann.text.insert(0, 'Typed before the crash.');
    // The server writes batches at most ~1 s behind: watch storage (another process) until it is there.
    await waitFor(
      async () =>
        docFromStored(await store!.notepads.load(room))
          .getText('notes')
          .toString() === 'Typed before the crash.',
      'the batch in storage',
    );
    expect(Date.now() - started).toBeLessThan(1500);
    await kill(first);
    expect(first.signalCode).toBe('SIGKILL');
    closeAllNotepads();

    const second = spawnServer(port, database);
    children.push(second);
    await untilHealthy(url, second);
    const back = await openNotepad(url, room, world.bob.token);
    expect(back.text.toString()).toBe('Typed before the crash.');
  });
});

describe.each(targets)('notepad convergence on $kind', ({ kind, skip }) => {
  afterEach(() => closeAllNotepads());

  it.skipIf(Boolean(skip))('NOTE9 four writers editing at random with disconnects converge, and storage holds the same text', async () => {
    const database = await createTestDatabase(kind);
    const server = await startTestServer({ database });
    try {
      const world = await cafeWorld(server.url, server.store);
      const room = world.room(world.tableA, 1);
      const tokens = [world.ann.token, world.bob.token, world.created.facilitatorToken, world.ann.token];
      const clients = await Promise.all(tokens.map((token) => openNotepad(server.url, room, token)));
      let seed = 42;
      const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31; // seeded LCG
      for (let step = 0; step < 200; step++) {
        const client = clients[Math.floor(random() * clients.length)]!;
        const roll = random();
        if (roll < 0.05 && client.provider.wsconnected) client.tickets.disconnect();
        else if (roll < 0.1 && !client.provider.shouldConnect) client.tickets.connect();
        else if (roll < 0.75 || client.text.length === 0) client.text.insert(Math.floor(random() * (client.text.length + 1)), String.fromCharCode(97 + (step % 26)));
        else client.text.delete(Math.floor(random() * client.text.length), 1);
      }
      for (const client of clients) if (!client.provider.shouldConnect) client.tickets.connect();
      // Converged when every client's state equals the first one's (all edits reached everyone).
      const same = () => clients.every((c) => Y.encodeStateVector(c.doc).toString() === Y.encodeStateVector(clients[0]!.doc).toString());
      await waitFor(async () => clients.every((c) => c.provider.synced) && same(), 'all clients to converge', 10_000);
      await handled(clients[0]!, clients[1]!, 'fuzz-done');
      await server.notepads.flushAll();
      const text = clients[0]!.text.toString();
      for (const client of clients) expect(client.text.toString()).toBe(text);
      expect((await server.notepads.readRoom(room)).text).toBe(text);
    } finally {
      closeAllNotepads();
      await server.close();
      await database.drop();
    }
  });
});

/** Polls something another process changes (its database) or no event tells; 20 ms between looks. */
async function waitFor(condition: () => boolean | Promise<boolean>, what: string, ms = 5000): Promise<void> {
  const POLL = 20; // ms
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, POLL));
  }
}
