// HARV4 after a crash: the harvest is brought in line with the tables' stored notepads the first
// time this process loads it. In one process the mirror keeps it in line by itself; only a hard
// kill between a table's write and its harvest's can leave the two apart.
import { HARVEST_IDEAS, notepadRoomName, parseNotepadRoom } from '@open-talks/shared';
import type * as Y from 'yjs';
import { mirrorTableIdeas } from './harvest-write.js';
import { readNotepad } from './read.js';

export interface ReconcileSources {
  /** Rooms of the session with anything stored. */
  storedRooms(sessionId: string): Promise<string[]>;
  /** Whether a room is in memory now (then its own watch keeps the harvest in line). */
  isLoaded(room: string): boolean;
  /** A fresh copy of a room's stored document; the caller destroys it. */
  loadStored(room: string): Promise<Y.Doc>;
}

/**
 * Mirrors every table notepad of the session that is not in memory from storage, one at a time:
 * tables with stored notes, and tables the harvest holds ideas of (whose notes may be gone).
 * Unchanged tables write nothing; the tables' documents are read, never loaded for good.
 */
export async function reconcileHarvest(harvest: Y.Doc, sessionId: string, sources: ReconcileSources): Promise<void> {
  const rooms = new Set(await sources.storedRooms(sessionId));
  for (const key of harvest.getMap<unknown>(HARVEST_IDEAS).keys()) {
    const [tableId, round] = key.split('/');
    const name = notepadRoomName({ kind: 'table', sessionId, tableId: tableId ?? '', round: Number(round) });
    rooms.add(name);
  }
  for (const name of [...rooms].sort()) {
    const room = parseNotepadRoom(name);
    if (room?.kind !== 'table' || room.sessionId !== sessionId || sources.isLoaded(name)) continue;
    const doc = await sources.loadStored(name);
    try {
      mirrorTableIdeas(harvest, room, readNotepad(doc).ideas);
    } finally {
      doc.destroy();
    }
  }
}
