// The harvest's key ideas are the server's copy of every table's (HARV1–HARV4, docs/notepads.md):
// each loaded table notepad is watched, and its ideas are written into the session's harvest
// document. Only documents already in memory are watched: nothing here wakes a table's notepad.
import { NOTEPAD_IDEAS, type KeyIdea, type NotepadRoom } from '@open-talks/shared';
import type * as Y from 'yjs';
import type { NotepadDocument } from './document.js';
import { reconcileHarvest, type ReconcileSources } from './harvest-reconcile.js';
import { guardHarvestIdeas, mirrorTableIdeas } from './harvest-write.js';
import { readNotepad } from './read.js';

type TableRoom = Extract<NotepadRoom, { kind: 'table' }>;

const RETRY_DELAY = 1000; // ms before a failed harvest write (storage down) is tried again

/** What the mirror needs of the notepad server: the harvest document of a session, held while written, and storage. */
export interface HarvestDocuments extends ReconcileSources {
  acquireHarvest(sessionId: string): Promise<NotepadDocument>;
  release(document: NotepadDocument): void;
}

interface PendingMirror {
  room: TableRoom;
  ideas: KeyIdea[];
}

export class HarvestMirror {
  /** Table room name → its ideas as last seen, waiting to be written into the harvest. */
  private readonly pending = new Map<string, PendingMirror>();
  /** Session id → the running write of its pending mirrors (one at a time per session). */
  private readonly draining = new Map<string, Promise<void>>();
  /** Sessions whose harvest this process has brought in line with storage (HARV4). */
  private readonly reconciled = new Set<string>();

  constructor(
    private readonly documents: HarvestDocuments,
    private readonly onError: (error: unknown, sessionId: string) => void,
  ) {}

  /** HARV1: a table notepad was loaded: mirror its ideas now, and again after each change to them. */
  watchTable(document: NotepadDocument, room: TableRoom): void {
    const ideas = document.doc.getArray(NOTEPAD_IDEAS);
    // Read at once (the document may be unloaded before the harvest is ready); written later.
    const changed = () => this.schedule(document.name, { room, ideas: readNotepad(document.doc).ideas });
    ideas.observeDeep(changed);
    changed();
  }

  /**
   * A harvest document was loaded: writers' changes to its ideas are put back from now on (HARV3),
   * and the first time in this process it catches up with the tables' stored notepads (HARV4).
   */
  async harvestLoaded(doc: Y.Doc, sessionId: string): Promise<void> {
    guardHarvestIdeas(doc);
    if (this.reconciled.has(sessionId)) return;
    try {
      await reconcileHarvest(doc, sessionId, this.documents);
      this.reconciled.add(sessionId);
    } catch (error) {
      this.onError(error, sessionId); // the harvest still opens; its next load tries again
    }
  }

  /** Resolves once every mirror scheduled so far is in the harvest documents (then flushed by their own timers). */
  async settled(): Promise<void> {
    while (this.draining.size > 0) await Promise.allSettled([...this.draining.values()]);
  }

  private schedule(name: string, mirror: PendingMirror): void {
    this.pending.set(name, mirror);
    this.startDrain(mirror.room.sessionId);
  }

  private startDrain(sessionId: string): void {
    if (this.draining.has(sessionId)) return; // the running drain (or the one after it) picks this up
    const drain: Promise<void> = this.drain(sessionId).then(
      () => {
        if (this.draining.get(sessionId) === drain) this.draining.delete(sessionId);
        // Changes that came while this drain was finishing.
        if (this.hasPending(sessionId)) this.startDrain(sessionId);
      },
      (error: unknown) => {
        if (this.draining.get(sessionId) === drain) this.draining.delete(sessionId);
        this.onError(error, sessionId);
        // Storage failed us: try again a little later rather than in a tight loop.
        const retry = setTimeout(() => this.hasPending(sessionId) && this.startDrain(sessionId), RETRY_DELAY);
        retry.unref();
      },
    );
    this.draining.set(sessionId, drain);
  }

  private hasPending(sessionId: string): boolean {
    for (const { room } of this.pending.values()) if (room.sessionId === sessionId) return true;
    return false;
  }

  private async drain(sessionId: string): Promise<void> {
    const harvest = await this.documents.acquireHarvest(sessionId);
    try {
      // Everything pending for this session, in one transaction each, with no await in between.
      for (const [name, { room, ideas }] of this.pending) {
        if (room.sessionId !== sessionId) continue;
        this.pending.delete(name);
        mirrorTableIdeas(harvest.doc, room, ideas);
      }
    } finally {
      this.documents.release(harvest);
    }
  }
}
