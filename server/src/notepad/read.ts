// Reads a notepad's Yjs document as plain data, for exports and for the server's own checks.
import { keyIdeaFromRecord, NOTEPAD_IDEAS, NOTEPAD_TEXT, type KeyIdea } from '@open-talks/shared';
import * as Y from 'yjs';

export interface NotepadContent {
  /** The free notes. */
  text: string;
  /** Key ideas in the table's order; entries that are not well-formed are left out. */
  ideas: KeyIdea[];
}

export function readNotepad(doc: Y.Doc): NotepadContent {
  const ideas: KeyIdea[] = [];
  for (const item of doc.getArray<unknown>(NOTEPAD_IDEAS).toArray()) {
    if (!(item instanceof Y.Map)) continue;
    const idea = keyIdeaFromRecord(item.toJSON() as Record<string, unknown>);
    if (idea) ideas.push(idea);
  }
  return { text: doc.getText(NOTEPAD_TEXT).toString(), ideas };
}

/** A document rebuilt from what storage holds (snapshot, then updates in order). */
export function docFromStored(stored: { snapshot: Uint8Array | null; updates: readonly Uint8Array[] }): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const update of stored.updates) Y.applyUpdate(doc, update);
  });
  return doc;
}
