import pino from 'pino';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { COMPACT_AFTER_BATCHES, NotepadDocument, type NotepadStorage } from '../../server/src/notepad/document.js';
import { docFromStored } from '../../server/src/notepad/read.js';
import type { StoredNotepad } from '../../server/src/store/index.js';

/** Storage in memory, as the repository keeps it: a snapshot and the batches after it. */
function memoryStorage(): NotepadStorage & { stored: StoredNotepad; compactions: number } {
  const stored: StoredNotepad = { snapshot: null, updates: [], lastSeq: 0 };
  const seqs: number[] = [];
  const storage = {
    stored,
    compactions: 0,
    load: async () => ({ ...stored, updates: [...stored.updates] }),
    append: async (_room: string, _session: string, seq: number, update: Uint8Array) => {
      expect(seq).toBe(stored.lastSeq + 1);
      stored.updates.push(update);
      seqs.push(seq);
      stored.lastSeq = seq;
    },
    compact: async (_room: string, _session: string, snapshot: Uint8Array, throughSeq: number) => {
      storage.compactions += 1;
      stored.snapshot = snapshot;
      const keep = seqs.findIndex((s) => s > throughSeq);
      stored.updates.splice(0, keep === -1 ? stored.updates.length : keep);
      seqs.splice(0, keep === -1 ? seqs.length : keep);
    },
  };
  return storage;
}

const log = pino({ level: 'silent' });

describe('NOTE9 notepad persistence (pure of the network)', () => {
  it('NOTE9 pending updates become one batch per flush, in seq order', async () => {
    const storage = memoryStorage();
    const document = await NotepadDocument.load('r', 's', storage, log, () => 0);
    for (const word of ['a', 'b', 'c']) document.doc.getText('notes').insert(0, word);
    await document.flush();
    expect(storage.stored.updates).toHaveLength(1);
    expect(docFromStored(storage.stored).getText('notes').toString()).toBe('cba');
    await document.unload();
  });

  it(`NOTE9 after ${COMPACT_AFTER_BATCHES} batches the log is compacted into one snapshot holding everything`, async () => {
    const storage = memoryStorage();
    const document = await NotepadDocument.load('r', 's', storage, log, () => 0);
    const text = document.doc.getText('notes');
    for (let i = 0; i < COMPACT_AFTER_BATCHES; i++) {
      text.insert(text.length, `${i % 10}`);
      await document.flush();
    }
    expect(storage.compactions).toBe(1);
    expect(storage.stored.updates).toHaveLength(0);
    expect(docFromStored(storage.stored).getText('notes').toString()).toBe(text.toString());
    text.insert(0, '>');
    await document.unload(); // flushed and compacted again on the way out
    expect(storage.compactions).toBe(2);
    expect(docFromStored(storage.stored).getText('notes').toString()).toBe(`>${'0123456789'.repeat(COMPACT_AFTER_BATCHES / 10)}`);

    const reloaded = await NotepadDocument.load('r', 's', storage, log, () => 0);
    expect(Y.encodeStateAsUpdate(reloaded.doc).byteLength).toBe(storage.stored.snapshot!.byteLength);
    await reloaded.unload();
  });

  it('NOTE7 the size bound is an upper bound, made exact when an update nears the limit', async () => {
    const storage = memoryStorage();
    const document = await NotepadDocument.load('r', 's', storage, log, () => 0);
    const text = document.doc.getText('notes');
    for (let i = 0; i < 200; i++) text.insert(text.length, 'x'); // many small updates merge into a small state
    const exact = Y.encodeStateAsUpdate(document.doc).byteLength;
    expect(document.wouldExceed(10, exact + 10)).toBe(false);
    expect(document.wouldExceed(11, exact + 10)).toBe(true);
    await document.unload();
  });
});
