// A table notepad's key ideas are the server's to write (IDEA1–IDEA4, docs/notepads.md). They stay
// in the notepad's Yjs document (so sync, offline reading, storage, the harvest mirror and the
// record keep working as they did), but every change there that is not the server's own is put
// back at once, and the server writes only what a checked command asked for.
import { NOTEPAD_IDEAS, type KeyIdea } from '@open-talks/shared';
import * as Y from 'yjs';
import { readNotepad } from './read.js';
import { REMOTE_ORIGIN } from './relay.js';

/** The transaction origin of the server's own writes to a table's ideas; the guard lets only these through. */
export const IDEAS_ORIGIN = Symbol('key ideas');

const FIELDS = ['id', 'text', 'author', 'group', 'round', 'tableId', 'createdAt', 'marked', 'language'] as const satisfies readonly (keyof KeyIdea)[];

const guarded = new WeakMap<Y.Doc, TableIdeas>();

/**
 * The ideas of one loaded table notepad as the server holds them: the list it last wrote (or
 * found at load) is the truth. Any transaction from elsewhere that touches the ideas (a
 * connection's update, or a struct of one that waited for a missing dependency and landed
 * with someone else's) is answered by writing the list back, whoever it seems to come from.
 */
export class TableIdeas {
  private truth: KeyIdea[];

  private constructor(private readonly doc: Y.Doc) {
    this.truth = readNotepad(doc).ideas;
    doc.getArray(NOTEPAD_IDEAS).observeDeep((_events, transaction) => {
      // CLU61: another node's stored update passed that node's guard (its server wrote it): it is the truth now.
      if (transaction.origin === REMOTE_ORIGIN) this.truth = readNotepad(doc).ideas;
      else if (transaction.origin !== IDEAS_ORIGIN) this.write(this.truth);
    });
  }

  /** Guards a table notepad just loaded (before any connection's update reaches it). */
  static guard(doc: Y.Doc): TableIdeas {
    let ideas = guarded.get(doc);
    if (!ideas) {
      ideas = new TableIdeas(doc);
      guarded.set(doc, ideas);
    }
    return ideas;
  }

  list(): readonly KeyIdea[] {
    return this.truth;
  }

  /** Makes the document's ideas exactly `next`, as the server (callers have checked the change). */
  write(next: readonly KeyIdea[]): void {
    this.truth = next.map((idea) => ({ ...idea }));
    this.doc.transact(() => writeIdeas(this.doc.getArray<unknown>(NOTEPAD_IDEAS), this.truth), IDEAS_ORIGIN);
  }
}

/**
 * Brings the Y.Array to `next` with few operations: entries that are not well-formed ideas,
 * duplicates and ideas not in `next` go; then, place by place, a matching idea keeps its Y.Map
 * (its fields set back where they differ) and a missing or misplaced one gets a new Y.Map.
 */
function writeIdeas(array: Y.Array<unknown>, next: readonly KeyIdea[]): void {
  const wanted = new Set(next.map((idea) => idea.id));
  const seen = new Set<string>();
  const keep = array.toArray().map((item) => {
    const id: unknown = item instanceof Y.Map ? item.get('id') : undefined;
    const ok = typeof id === 'string' && wanted.has(id) && !seen.has(id);
    if (ok) seen.add(id);
    return ok;
  });
  for (let i = keep.length - 1; i >= 0; i--) if (!keep[i]) array.delete(i, 1);

  next.forEach((idea, index) => {
    const here = array.length > index ? array.get(index) : undefined;
    if (here instanceof Y.Map && here.get('id') === idea.id) return setFields(here, idea);
    const elsewhere = array.toArray().findIndex((item, i) => i > index && item instanceof Y.Map && item.get('id') === idea.id);
    if (elsewhere >= 0) array.delete(elsewhere, 1);
    array.insert(index, [newIdeaMap(idea)]);
  });
  if (array.length > next.length) array.delete(next.length, array.length - next.length);
}

function newIdeaMap(idea: KeyIdea): Y.Map<unknown> {
  return new Y.Map<unknown>(FIELDS.map((field) => [field, idea[field]]));
}

/** Exactly the idea's fields, as plain values: extra keys go, nested types are replaced. */
function setFields(map: Y.Map<unknown>, idea: KeyIdea): void {
  for (const key of [...map.keys()]) if (!(FIELDS as readonly string[]).includes(key)) map.delete(key);
  for (const field of FIELDS) {
    if (map.get(field) !== idea[field]) map.set(field, idea[field]);
  }
}
