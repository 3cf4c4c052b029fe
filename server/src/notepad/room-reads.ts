// Reading notepads as plain data (exports, the record, the harvest board, tests): from memory
// when a room is open, else from storage, without adding anything to the documents in memory
// (the harvest excepted: it is read as the board shows it, HARV1/HARV4).
import { notepadRoomName } from '@open-talks/shared';
import type * as Y from 'yjs';
import type { Store } from '../store/index.js';
import type { DocumentRegistry } from './document-registry.js';
import type { HarvestMirror } from './harvest-mirror.js';
import { docFromStored, readHarvest, readNotepad, type HarvestContent, type NotepadContent } from './read.js';

export class RoomReads {
  constructor(
    private readonly registry: DocumentRegistry,
    private readonly mirror: HarvestMirror,
    private readonly store: Store,
    private readonly isClosed: () => boolean,
  ) {}

  readRoom(name: string): Promise<NotepadContent> {
    return this.readWith(name, readNotepad);
  }

  async readHarvest(sessionId: string): Promise<HarvestContent> {
    const name = notepadRoomName({ kind: 'harvest', sessionId });
    if (this.isClosed()) return this.readWith(name, readHarvest);
    await this.mirror.settled();
    const document = await this.registry.acquire(name, sessionId);
    try {
      return readHarvest(document.doc);
    } finally {
      this.registry.release(document);
    }
  }

  async readWith<T>(name: string, read: (doc: Y.Doc) => T): Promise<T> {
    const open = this.registry.loadedDocument(name);
    if (open) return read((await open).doc);
    const doc = await this.registry.loadStoredDoc(name);
    try {
      return read(doc);
    } finally {
      doc.destroy();
    }
  }

  /** Storage answers in two queries for the whole session instead of two per room (the record reads hundreds). */
  async readSession<T>(sessionId: string, read: (name: string, doc: Y.Doc) => T): Promise<Map<string, T>> {
    const out = new Map<string, T>();
    for (const [name, loading] of await this.registry.loadedUnder(`session/${sessionId}/`)) out.set(name, read(name, (await loading).doc));
    for (const [name, stored] of await this.store.notepads.loadSession(sessionId)) {
      if (out.has(name)) continue;
      const doc = docFromStored(stored);
      try {
        out.set(name, read(name, doc));
      } finally {
        doc.destroy();
      }
    }
    return out;
  }
}
