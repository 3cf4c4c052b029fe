// Storage of notepads when several nodes may append to one room at once (CLU64, CLU65): a
// server-side change runs on its session's owner while the room's connections are on another
// node. Each node's seq counter may then be behind, and its document may lack a batch another
// node stored a moment ago; neither may lose a stored update.
import * as Y from 'yjs';
import type { Store } from '../store/index.js';
import type { NotepadStorage } from './document.js';

const APPEND_ATTEMPTS = 5; // a seq taken by another node moves ours past the highest stored

export function sharedStorage(store: Store, isDraft: (room: string) => boolean): NotepadStorage {
  const repoOf = (room: string, repos: Pick<Store, 'notepads' | 'seriesDocuments'> = store) => (isDraft(room) ? repos.seriesDocuments : repos.notepads);
  return {
    load: (room) => repoOf(room).load(room),
    async append(room, ownerId, seq, update, now) {
      let next = seq;
      for (let attempt = 1; ; attempt++) {
        try {
          await repoOf(room).append(room, ownerId, next, update, now);
          return next;
        } catch (error) {
          if (!isDuplicateKey(error) || attempt >= APPEND_ATTEMPTS) throw error;
          next = Math.max(next, await repoOf(room).lastSeq(room)) + 1;
        }
      }
    },
    compact: (room, ownerId, snapshot, _throughSeq, now) => store.transaction((repos) => repoOf(room, repos).compactMerged(room, ownerId, snapshot, now, mergeUpdates)),
  };
}

/** One update holding all of `parts` (some overlapping): applied to a fresh document, so duplicates and deletions resolve as Yjs does. */
function mergeUpdates(parts: Uint8Array[]): Uint8Array {
  const doc = new Y.Doc();
  doc.transact(() => {
    for (const part of parts) Y.applyUpdate(doc, part);
  });
  const merged = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return merged;
}

/** PostgreSQL's unique violation (SQLite's, for tests of one node). */
function isDuplicateKey(error: unknown): boolean {
  const { code } = (error ?? {}) as { code?: unknown };
  return code === '23505' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
