// Writing the harvest's key ideas (HARV1–HARV3, docs/notepads.md): the server's copy of one
// table notepad's ideas, and the guard that keeps anyone else from writing there.
import { HARVEST_IDEAS, HARVEST_ORDER, HARVEST_PLACEMENT, harvestIdeaKey, KEY_IDEA_LIMITS, type KeyIdea, type NotepadRoom } from '@open-talks/shared';
import * as Y from 'yjs';
import { REMOTE_ORIGIN } from './relay.js';

/** The transaction origin of the server's own harvest writes; the guard lets only these through. */
export const MIRROR_ORIGIN = Symbol('harvest mirror');

const MAX_IDEA_ID_LENGTH = 100; // characters: clients make UUIDs (36); anything far longer is not one

const IDEA_FIELDS = ['id', 'text', 'author', 'group', 'round', 'tableId', 'createdAt', 'marked', 'language'] as const satisfies readonly (keyof KeyIdea)[];

/**
 * HARV1/HARV2: makes the harvest's ideas from one table notepad exactly `ideas` (all of them,
 * marked or not): new and changed ones written, dropped ones removed with their placement
 * and their position on the board.
 * The table and round come from the room, never from what a client wrote in the idea.
 * Unchanged ideas are not written again, so re-mirroring an unchanged table makes no update.
 */
export function mirrorTableIdeas(doc: Y.Doc, room: Extract<NotepadRoom, { kind: 'table' }>, ideas: readonly KeyIdea[]): void {
  const map = doc.getMap<unknown>(HARVEST_IDEAS);
  const placement = doc.getMap<unknown>(HARVEST_PLACEMENT);
  const order = doc.getMap<unknown>(HARVEST_ORDER);
  const prefix = harvestIdeaKey({ tableId: room.tableId, round: room.round, id: '' });
  const wanted = new Map<string, KeyIdea>();
  for (const idea of ideas.slice(0, KEY_IDEA_LIMITS.perNotepad)) {
    if (idea.id.length === 0 || idea.id.length > MAX_IDEA_ID_LENGTH) continue;
    const record: KeyIdea = { ...idea, text: idea.text.slice(0, KEY_IDEA_LIMITS.textLength), tableId: room.tableId, round: room.round };
    wanted.set(harvestIdeaKey(record), record);
  }
  doc.transact(() => {
    for (const [key, record] of wanted) if (!sameIdea(map.get(key), record)) map.set(key, { ...record });
    for (const key of [...map.keys()]) {
      if (!key.startsWith(prefix) || wanted.has(key)) continue;
      map.delete(key);
      placement.delete(key);
      order.delete(key); // BOARD1: its place on the board goes with it
    }
  }, MIRROR_ORIGIN);
}

/**
 * HARV3: the harvest's ideas are the server's alone. A writer's change there (a reader's never
 * arrives, NOTE3) is put back at once: a key added is removed, a value changed or removed is
 * restored. Everyone connected receives the change and its undoing.
 */
export function guardHarvestIdeas(doc: Y.Doc): void {
  const map = doc.getMap<unknown>(HARVEST_IDEAS);
  map.observe((event, transaction) => {
    if (transaction.origin === MIRROR_ORIGIN || transaction.origin === REMOTE_ORIGIN) return; // CLU61: another node's guard passed it
    const changes = [...event.changes.keys];
    doc.transact(() => {
      for (const [key, change] of changes) {
        const restorable = change.action !== 'add' && isPlainRecord(change.oldValue);
        if (restorable) map.set(key, change.oldValue);
        else map.delete(key);
      }
    }, MIRROR_ORIGIN);
  });
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !(value instanceof Y.AbstractType);
}

function sameIdea(stored: unknown, idea: KeyIdea): boolean {
  if (!isPlainRecord(stored)) return false;
  return IDEA_FIELDS.every((field) => stored[field] === idea[field]);
}
