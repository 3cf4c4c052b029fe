// One loaded notepad: its Yjs document and awareness, who is connected, and the persistence
// of its updates (NOTE9). Memory follows active rooms: the server unloads a document once idle.
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { unfenced } from '../cluster/fencing.js';
import type { Logger } from '../log.js';
import type { StoredNotepad } from '../store/index.js';
import { MESSAGE } from './protocol.js';
import { pendingBytes } from './pending.js';
import { docFromStored } from './read.js';
import { REMOTE_ORIGIN, type RoomMessage } from './relay.js';

/** What a document needs of storage (narrow, so tests and other stores can plug in). */
export interface NotepadStorage {
  load(room: string): Promise<StoredNotepad>;
  /** Resolves the seq the batch was stored under, when storage had to pick another one (CLU64). */
  append(room: string, sessionId: string, seq: number, update: Uint8Array, now: number): Promise<number | void>;
  /** Writes the snapshot and drops updates up to `throughSeq`, atomically. */
  compact(room: string, sessionId: string, snapshot: Uint8Array, throughSeq: number, now: number): Promise<void>;
}

/** A connection as the document sees it: something to send to and to tell apart as an origin. */
export interface DocumentPeer {
  send(message: Uint8Array): void;
  /** Awareness client ids this peer set, removed when it goes. */
  readonly awarenessIds: Set<number>;
}

export const FLUSH_DELAY = 500; // ms: updates reach storage at most this (plus one write) behind
export const COMPACT_AFTER_BATCHES = 50; // update batches since the last snapshot before compacting
/** CLU63: ms behind while another node has connections on the room too (stored before relayed, so this is their lag). */
export const SHARED_FLUSH_DELAY = 10;
/** CLU69: ms a remote batch may wait for a missing one (relayed late by a third node) before storage is asked. */
export const CATCH_UP_AFTER = 1000;
/** CLU63: how long a room counts as served by another node too after that node last said so. */
export const SHARED_FOR = 30_000; // ms

/** The other nodes holding this room (CLU60): a stored batch or a presence change goes to them. */
export type Publish = (message: RoomMessage) => void;

export class NotepadDocument {
  readonly awareness: awarenessProtocol.Awareness;
  readonly peers = new Set<DocumentPeer>();
  private pending: Uint8Array[] = [];
  private flushTimer: NodeJS.Timeout | undefined;
  /** Serialises this room's writes, so batches land in seq order and compaction sees them all. */
  private writes: Promise<void> = Promise.resolve();
  /** An upper bound of the encoded document's size in bytes; made exact when it nears the limit. */
  private sizeBound: number;
  /** Updates seen, and of those the ones stored, in order: what `persist` waits for. */
  private updatesSeen = 0;
  private updatesStored = 0;
  /** Until when another node is known to serve connections on this room too (CLU63). */
  private sharedUntil = 0;
  /** Set by the registry once the room is joined on the relay (cluster only). */
  publish: Publish | undefined;
  private catchUpTimer: NodeJS.Timeout | undefined;

  private constructor(
    readonly name: string,
    readonly sessionId: string,
    readonly doc: Y.Doc,
    private lastSeq: number,
    private batchesSinceSnapshot: number,
    private readonly storage: NotepadStorage,
    private readonly log: Logger,
    private readonly now: () => number,
  ) {
    this.sizeBound = Y.encodeStateAsUpdate(doc).byteLength;
    this.awareness = new awarenessProtocol.Awareness(doc);
    this.awareness.setLocalState(null); // the server itself is nobody in the room
    doc.on('update', this.onUpdate);
    this.awareness.on('update', this.onAwareness);
  }

  static async load(name: string, sessionId: string, storage: NotepadStorage, log: Logger, now: () => number): Promise<NotepadDocument> {
    const stored = await storage.load(name);
    return new NotepadDocument(name, sessionId, docFromStored(stored), stored.lastSeq, stored.updates.length, storage, log, now);
  }

  /** Whether applying an update of this many bytes could take the document past `maxBytes`. */
  wouldExceed(updateBytes: number, maxBytes: number): boolean {
    if (this.sizeBound + updateBytes <= maxBytes) return false;
    this.sizeBound = Y.encodeStateAsUpdate(this.doc).byteLength;
    return this.sizeBound + updateBytes > maxBytes;
  }

  /** Sync step 1 (our state vector), then everyone's awareness: what a new peer is sent first. */
  greet(peer: DocumentPeer): void {
    const sync = encoding.createEncoder();
    encoding.writeVarUint(sync, MESSAGE.sync);
    syncProtocol.writeSyncStep1(sync, this.doc);
    peer.send(encoding.toUint8Array(sync));
    const states = this.awareness.getStates();
    if (states.size > 0) peer.send(awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...states.keys()])));
  }

  removePeer(peer: DocumentPeer): void {
    this.peers.delete(peer);
    if (peer.awarenessIds.size > 0) awarenessProtocol.removeAwarenessStates(this.awareness, [...peer.awarenessIds], null);
  }

  /**
   * CLU61: another node's message about this room. Its updates are stored already: applied with
   * REMOTE_ORIGIN they reach this node's connections but are neither stored nor relayed again.
   */
  applyRemote(message: RoomMessage): void {
    if (message.peers) this.sharedUntil = this.now() + SHARED_FOR;
    if (message.kind === 'awareness') return awarenessProtocol.applyAwarenessUpdate(this.awareness, message.data, REMOTE_ORIGIN);
    if (message.kind === 'hello') return this.tellPresence();
    Y.applyUpdate(this.doc, message.data, REMOTE_ORIGIN);
    // CLU69: a batch that waits for one this node never heard of (lost while Redis was away).
    if (pendingBytes(this.doc) > 0) {
      this.catchUpTimer ??= setTimeout(() => {
        this.catchUpTimer = undefined;
        if (pendingBytes(this.doc) > 0) void this.catchUp();
      }, CATCH_UP_AFTER);
      this.catchUpTimer.unref();
    }
  }

  /** CLU62: a node that just loaded the room hears at once who is here on this node (not at their next renewal, 15 s). */
  private tellPresence(): void {
    const ids = [...this.peers].flatMap((peer) => [...peer.awarenessIds]);
    if (ids.length > 0) this.publish?.({ kind: 'awareness', data: awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids), peers: true });
  }

  /** CLU69: whatever other nodes stored that this node has not applied, read from storage. */
  async catchUp(): Promise<void> {
    try {
      const stored = docFromStored(await this.storage.load(this.name));
      const missing = Y.encodeStateAsUpdate(stored, Y.encodeStateVector(this.doc));
      stored.destroy();
      Y.applyUpdate(this.doc, missing, REMOTE_ORIGIN);
    } catch (error) {
      this.log.error({ err: error, room: this.name }, 'notepad catch-up failed');
    }
  }

  private readonly onUpdate = (update: Uint8Array, origin: unknown): void => {
    this.sizeBound += update.byteLength;
    if (origin !== REMOTE_ORIGIN) {
      this.updatesSeen += 1;
      this.pending.push(update);
      // Outside any command's fence (CLU27): the flush is the room's, not the session owner's.
      this.flushTimer ??= unfenced(() => setTimeout(() => void this.flush(), this.sharedUntil > this.now() ? SHARED_FLUSH_DELAY : FLUSH_DELAY));
    }
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE.sync);
    syncProtocol.writeUpdate(encoder, update);
    const message = encoding.toUint8Array(encoder);
    for (const peer of this.peers) peer.send(message);
  };

  private readonly onAwareness = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown): void => {
    const changed = [...added, ...updated, ...removed];
    const from = origin as DocumentPeer | null;
    if (from && this.peers.has(from)) {
      for (const id of [...added, ...updated]) from.awarenessIds.add(id);
      for (const id of removed) from.awarenessIds.delete(id);
    }
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed);
    const message = awarenessMessage(update);
    for (const peer of this.peers) peer.send(message);
    // CLU62: presence is relayed at once and never stored.
    if (origin !== REMOTE_ORIGIN) this.publish?.({ kind: 'awareness', data: update, peers: this.peers.size > 0 });
  };

  /** Appends what is pending as one batch; compacts when the log has grown. */
  flush(): Promise<void> {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    this.writes = this.writes.then(async () => {
      if (this.pending.length === 0) return;
      const batch = this.pending.length === 1 ? this.pending[0]! : Y.mergeUpdates(this.pending);
      const taken = this.pending;
      this.pending = [];
      try {
        const seq = await this.storage.append(this.name, this.sessionId, this.lastSeq + 1, batch, this.now());
        this.lastSeq = seq ?? this.lastSeq + 1;
        this.batchesSinceSnapshot += 1;
        this.updatesStored += taken.length;
      } catch (error) {
        // Keep the batch for the next attempt: it is still in memory and in every client.
        this.pending = [...taken, ...this.pending];
        this.flushTimer ??= unfenced(() => setTimeout(() => void this.flush(), FLUSH_DELAY));
        this.log.error({ err: error, room: this.name }, 'notepad flush failed');
        return;
      }
      // CLU61: stored, so now (and only now) the other nodes may have it.
      this.publish?.({ kind: 'update', data: batch, peers: this.peers.size > 0 });
      if (this.batchesSinceSnapshot >= COMPACT_AFTER_BATCHES) await this.compactNow();
    });
    return this.writes;
  }

  /**
   * Stores every update made so far now; rejects if storage failed (they stay pending and are
   * tried again): for a server command that must persist before it acks (IDEA1).
   */
  async persist(): Promise<void> {
    const through = this.updatesSeen;
    await this.flush();
    if (this.updatesStored < through) throw new Error(`notepad ${this.name} could not be stored`);
  }

  /** Flushes, then writes a snapshot so the next load reads one row. */
  async compact(): Promise<void> {
    await this.flush();
    this.writes = this.writes.then(() => (this.batchesSinceSnapshot > 0 ? this.compactNow() : undefined));
    return this.writes;
  }

  private async compactNow(): Promise<void> {
    const snapshot = Y.encodeStateAsUpdate(this.doc);
    try {
      await this.storage.compact(this.name, this.sessionId, snapshot, this.lastSeq, this.now());
      this.batchesSinceSnapshot = 0;
      this.sizeBound = snapshot.byteLength + this.pending.reduce((sum, u) => sum + u.byteLength, 0);
    } catch (error) {
      this.log.error({ err: error, room: this.name }, 'notepad compaction failed'); // the update log is intact
    }
  }

  /** Everything to storage, then the memory goes. */
  async unload(): Promise<void> {
    clearTimeout(this.catchUpTimer);
    await this.compact();
    this.awareness.destroy();
    this.doc.destroy();
  }
}

function awarenessMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE.awareness);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}
