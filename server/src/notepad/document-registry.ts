// The notepads in memory: one loaded document per room, shared by its connections and commands,
// unloaded (written out) after a quiet while without them. A room loaded again while its last
// copy is still being written out waits for that write.
import { parseSeriesDocumentRoom } from '@open-talks/shared/series';
import type { Logger } from '../log.js';
import type { Store } from '../store/index.js';
import { NotepadDocument, type NotepadStorage } from './document.js';
import { docFromStored } from './read.js';
import type { NotepadRelay, RoomMessage } from './relay.js';
import { sharedStorage } from './shared-storage.js';
import type * as Y from 'yjs';

export interface DocumentRegistryDeps {
  store: Store;
  log: Logger;
  now: () => number;
  idleUnloadMs: number; // ms without a holder before a document is unloaded
  /** A document just came into memory; resolves once it may be handed out. */
  loaded(document: NotepadDocument): Promise<NotepadDocument>;
  /** Several nodes (CLU60): rooms are joined on the relay and stored as several writers may. */
  relay?: NotepadRelay;
}

export class DocumentRegistry {
  private readonly documents = new Map<string, Promise<NotepadDocument>>();
  /** Documents being written out: a new load of the same room waits for it. */
  private readonly unloading = new Map<string, Promise<void>>();
  private readonly idleTimers = new Map<string, NodeJS.Timeout>();
  private readonly storage: NotepadStorage;
  private closed = false;

  constructor(private readonly deps: DocumentRegistryDeps) {
    const { store } = deps;
    // SER40: a series draft is held like any notepad but stored in the series' own tables (its
    // owner id is the series', not a session's); the room name says which.
    const isDraft = (room: string) => parseSeriesDocumentRoom(room) !== null;
    if (deps.relay) {
      this.storage = sharedStorage(store, isDraft);
      // CLU69: back from losing Redis, every room in memory reads what it missed.
      deps.relay.onResumed(() => void this.catchUpAll());
      return;
    }
    this.storage = {
      load: (room) => (isDraft(room) ? store.seriesDocuments.load(room) : store.notepads.load(room)),
      append: (room, ownerId, seq, update, now) =>
        isDraft(room) ? store.seriesDocuments.append(room, ownerId, seq, update, now) : store.notepads.append(room, ownerId, seq, update, now),
      compact: (room, ownerId, snapshot, seq, now) =>
        store.transaction((repos) =>
          isDraft(room) ? repos.seriesDocuments.compact(room, ownerId, snapshot, seq, now) : repos.notepads.compact(room, ownerId, snapshot, seq, now),
        ),
    };
  }

  /**
   * The loaded document for a room, loading it (after any unload of it finishes) if needed.
   * `sessionId` is the room's owner: its session, or its series for a draft (SER40).
   */
  async acquire(name: string, sessionId: string): Promise<NotepadDocument> {
    clearTimeout(this.idleTimers.get(name));
    this.idleTimers.delete(name);
    let loading = this.documents.get(name);
    if (!loading) {
      const previous = this.unloading.get(name) ?? Promise.resolve();
      loading = previous.then(() => this.load(name, sessionId));
      this.documents.set(name, loading);
      loading.catch(() => this.documents.delete(name));
    }
    return loading;
  }

  private async load(name: string, sessionId: string): Promise<NotepadDocument> {
    const { relay } = this.deps;
    if (!relay) return this.deps.loaded(await NotepadDocument.load(name, sessionId, this.storage, this.deps.log, this.deps.now));
    // CLU66: subscribed before storage is read, so nothing stored meanwhile by another node is
    // missed; what arrives while loading is applied after (applying an update twice is harmless).
    let document: NotepadDocument | undefined;
    const early: RoomMessage[] = [];
    await relay.join(name, (message) => (document ? document.applyRemote(message) : early.push(message)));
    try {
      const loaded = await NotepadDocument.load(name, sessionId, this.storage, this.deps.log, this.deps.now);
      loaded.publish = (message) => relay.publish(name, message);
      for (const message of early) loaded.applyRemote(message);
      document = loaded;
      relay.publish(name, { kind: 'hello', data: new Uint8Array(), peers: false });
      return await this.deps.loaded(loaded);
    } catch (error) {
      relay.leave(name);
      throw error;
    }
  }

  /** A holder let go: once nobody is left, the document is unloaded after a quiet while. */
  release(document: NotepadDocument): void {
    if (document.peers.size > 0 || this.closed || this.idleTimers.has(document.name)) return;
    const timer = setTimeout(() => {
      this.idleTimers.delete(document.name);
      if (document.peers.size > 0) return;
      void this.unload(document);
    }, this.deps.idleUnloadMs);
    timer.unref();
    this.idleTimers.set(document.name, timer);
  }

  private async unload(document: NotepadDocument): Promise<void> {
    this.documents.delete(document.name);
    this.deps.relay?.leave(document.name);
    const done = document.unload().finally(() => {
      if (this.unloading.get(document.name) === done) this.unloading.delete(document.name);
    });
    this.unloading.set(document.name, done);
    await done;
  }

  isLoaded(name: string): boolean {
    return this.documents.has(name);
  }

  /** The room's document if it is in memory (or loading), without loading it. */
  loadedDocument(name: string): Promise<NotepadDocument> | undefined {
    return this.documents.get(name);
  }

  /** Names of the documents in memory now, those still being written out included. */
  loadedRooms(): string[] {
    return [...new Set([...this.documents.keys(), ...this.unloading.keys()])];
  }

  /** The documents in memory whose names start with `prefix`, after those of them being written out have landed. */
  async loadedUnder(prefix: string): Promise<[string, Promise<NotepadDocument>][]> {
    await Promise.all([...this.unloading].filter(([name]) => name.startsWith(prefix)).map(([, done]) => done));
    return [...this.documents].filter(([name]) => name.startsWith(prefix));
  }

  /** A fresh copy of a room's stored document (after pending writes of an unload land). */
  async loadStoredDoc(name: string): Promise<Y.Doc> {
    await this.unloading.get(name);
    return docFromStored(await this.storage.load(name));
  }

  private async catchUpAll(): Promise<void> {
    const documents = await Promise.allSettled([...this.documents.values()]);
    for (const d of documents) if (d.status === 'fulfilled') await d.value.catchUp();
  }

  async flushAll(): Promise<void> {
    await Promise.all([...this.documents.values()].map(async (loading) => (await loading).flush()));
  }

  /** Shutting down: nothing is unloaded for being idle any more; unloadAll writes everything out. */
  stopIdleUnloads(): void {
    this.closed = true;
    for (const timer of this.idleTimers.values()) clearTimeout(timer);
    this.idleTimers.clear();
  }

  async unloadAll(): Promise<void> {
    const documents = await Promise.allSettled([...this.documents.values()]);
    await Promise.all(documents.flatMap((d) => (d.status === 'fulfilled' ? [this.unload(d.value)] : [])));
    await Promise.all(this.unloading.values());
  }
}
