import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { cafeWorld, closeAllNotepads, openNotepad, until, type CafeWorld } from '../helpers/notepad.js';
import { openRawNotepad, updateMessage } from '../helpers/raw-notepad.js';
import { createTestDatabase, startTestServer, type TestServer } from '../helpers/server.js';
import { closeAllSockets } from '../helpers/socket.js';
import { storageTargets } from '../helpers/storage-kinds.js';

// Fault tests for the notepads (hardening issue): what a hostile but authenticated client can
// send over the y-websocket protocol, through the real server.

const targets = await storageTargets();
const MAX_BYTES = 64 * 1024; // bytes: a small notepad limit, so the tests send little

/** Updates by a client the server never heard from, each depending on the one before it. */
function danglingUpdates(count: number, bytesEach: number): Uint8Array[] {
  const source = new Y.Doc();
  source.clientID = 4242;
  source.getText('notes').insert(0, 'withheld'); // never sent: everything after waits for it
  const updates: Uint8Array[] = [];
  for (let i = 0; i < count; i += 1) {
    const before = Y.encodeStateVector(source);
    source.getText('notes').insert(0, 'x'.repeat(bytesEach));
    updates.push(Y.encodeStateAsUpdate(source, before));
  }
  return updates;
}

/**
 * Deletions of text the server never received: Yjs updates (format v1) with no structs and a
 * delete set of `rangesEach` one-character ranges of a client nobody has heard from.
 */
function danglingDeletes(count: number, rangesEach: number): Uint8Array[] {
  const updates: Uint8Array[] = [];
  for (let i = 0; i < count; i += 1) {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0); // no structs
    encoding.writeVarUint(encoder, 1); // one client in the delete set
    encoding.writeVarUint(encoder, 5353); // its id
    encoding.writeVarUint(encoder, rangesEach);
    for (let k = 0; k < rangesEach; k += 1) {
      encoding.writeVarUint(encoder, (i * rangesEach + k) * 2 + 100_000); // clock
      encoding.writeVarUint(encoder, 1); // length
    }
    updates.push(encoding.toUint8Array(encoder));
  }
  return updates;
}

describe.each(targets)('notepad faults on $kind', ({ kind, skip }) => {
  if (skip) console.warn(`notepad faults on ${kind} skipped: ${skip}`);
  let server: TestServer;
  let world: CafeWorld;

  beforeAll(async () => {
    if (skip) return;
    server = await startTestServer({ database: await createTestDatabase(kind), env: { NOTEPAD_MAX_BYTES: String(MAX_BYTES) } });
    world = await cafeWorld(server.url, server.store);
  });
  afterEach(() => {
    closeAllNotepads();
    closeAllSockets();
  });
  afterAll(async () => {
    await server?.close();
    await server?.database.drop();
  });

  for (const [what, make] of [
    ['updates with missing dependencies', () => danglingUpdates(16, 8 * 1024)],
    ['deletions of text never received', () => danglingDeletes(16, 2 * 1024)],
  ] as const) {
    it.skipIf(Boolean(skip))(`NOTE11 ${what} past a small bound close that connection with 4413; the notepad carries on`, async () => {
      const w = await cafeWorld(server.url, server.store);
      const room = w.room(w.tableA, 1);
      const ann = await openNotepad(server.url, room, w.ann.token);
      const raw = await openRawNotepad(server.url, room, w.bob.token);
      const updates = make();
      expect(updates.reduce((sum, u) => sum + u.byteLength, 0)).toBeGreaterThan(MAX_BYTES);
      for (const update of updates) raw.send(updateMessage(update));
      expect(await raw.roundTrip()).toBe(false);
      expect(await raw.closed).toMatchObject({ code: 4413 });
      // The notepad itself is unharmed and others keep writing in it.
      ann.text.insert(0, 'Still here.');
      const late = await openNotepad(server.url, room, w.created.facilitatorToken);
      await until(late.doc, () => late.text.toString() === 'Still here.', 'Ann’s text at a late joiner');
      expect(late.doc.store.pendingStructs).toBeNull();
    });
  }
});
