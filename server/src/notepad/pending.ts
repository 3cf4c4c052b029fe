// Updates whose dependencies have not arrived (NOTE13). Yjs keeps them "pending" inside the
// document and fires no 'update' for them, so they escape a size count built on that event.
import type * as Y from 'yjs';

/**
 * Pending bytes one document may hold: honest providers send whole diffs against the server's
 * state vector, so they never leave anything pending; anything past this is a hostile client.
 */
export const MAX_PENDING_BYTES = 64 * 1024; // bytes

/** Bytes of pending structs and pending deletions the document holds. */
export function pendingBytes(doc: Y.Doc): number {
  return (doc.store.pendingStructs?.update.byteLength ?? 0) + (doc.store.pendingDs?.byteLength ?? 0);
}

/** Forgets what is pending: none of it is in the document, the stored log or any client's view. */
export function dropPending(doc: Y.Doc): void {
  doc.store.pendingStructs = null;
  doc.store.pendingDs = null;
}
