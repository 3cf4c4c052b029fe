// Notepads on several nodes (docs/cluster.md, CLU60–CLU79): what a node needs of the others. A
// room is normally served by one node (the proxy hashes its path), but a server-side change
// (a key idea command, the harvest mirror) runs where its session's owner is, and during a
// node's death or a change of nodes two may serve one room briefly. So every node holding a room
// hears the others' stored updates and presence for it, and every node hears access changes.
// On one machine there is no relay at all (and no cost).
import type { TicketStore } from './tickets.js';

/** The transaction origin of what another node applied and stored: neither stored nor relayed again here. */
export const REMOTE_ORIGIN = Symbol('another node');

/** One message about a room, between nodes. */
export interface RoomMessage {
  /** `hello`: the sender just loaded the room; the others answer with their connections' presence (CLU62). */
  kind: 'update' | 'awareness' | 'hello';
  /** A Yjs update (already stored by its sender), a y-protocols awareness update, or nothing (hello). */
  data: Uint8Array;
  /** The sender has connections on the room: both sides then store (and so relay) sooner (CLU63). */
  peers: boolean;
}

/** An access change (NOTE6, SER41): every node re-checks its own connections. */
export type AccessChange = { kind: 'session' | 'series' | 'displays'; id: string };

export interface NotepadRelay {
  /** Hear the other nodes' messages for a room; resolves once subscribed (before the room is read from storage). */
  join(room: string, hear: (message: RoomMessage) => void): Promise<void>;
  /** Stop hearing a room (it left this node's memory). */
  leave(room: string): void;
  /** To the other nodes holding the room; never blocks, never throws (a failure is logged). */
  publish(room: string, message: RoomMessage): void;
  publishAccess(change: AccessChange): void;
  onAccess(listener: (change: AccessChange) => void): void;
  /** Told when the relay is back after losing Redis: what was published meanwhile is only in storage. */
  onResumed(listener: () => void): void;
}

/** What a NotepadServer on several nodes is given (server/src/cluster/notepad-*.ts). */
export interface NotepadCluster {
  relay: NotepadRelay;
  /** CLU67: tickets every node can redeem. */
  tickets: TicketStore;
  /** After the notepad server wrote its documents out. */
  close(): Promise<void>;
}
