// One y-websocket connection to one notepad: reads its messages, enforces its access and
// limits (NOTE2–NOTE7), and only then hands changes to the document.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { type NotepadAccess } from '@open-talks/shared';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { WebSocket } from 'ws';
import type { DocumentPeer, NotepadDocument } from './document.js';
import { CLOSE, MESSAGE, readOnlyMessage, type CloseKind } from './protocol.js';
import { MAX_AWARENESS_BYTES, screenAwareness, type AwarenessScreen, type PresenceNames } from './presence.js';
import { dropPending, MAX_PENDING_BYTES, pendingBytes } from './pending.js';

export interface ConnectionLimits {
  maxDocumentBytes: number; // bytes
  messagesPer10s: number; // per person across their connections (NOTE14)
}

export interface ConnectionOwner {
  /** null in a series draft (SER41): no session's re-check touches it. */
  sessionId: string | null;
  /** null for the projector display (and in a series draft). */
  participantId: string | null;
  /** SER41: the series member writing a draft. */
  series?: { seriesId: string; memberId: string };
  /** NOTE15: what the session's attribution lets this person's caret be called. */
  names: PresenceNames;
}

export class NotepadConnection implements DocumentPeer {
  readonly awarenessIds = new Set<number>();
  /** NOTE15: the awareness client id this connection speaks for, and the names it may use. */
  readonly presence: AwarenessScreen;
  private closed = false;
  /** Set by the keep-alive ping, cleared by the pong. */
  awaitingPong = false;

  constructor(
    private readonly ws: WebSocket,
    readonly document: NotepadDocument,
    readonly owner: ConnectionOwner,
    private accessLevel: Exclude<NotepadAccess, 'none'>,
    private readonly limits: Pick<ConnectionLimits, 'maxDocumentBytes'>,
    /** NOTE7, NOTE14: one message against the person's rate (shared by all their connections). */
    private readonly allowMessage: () => boolean,
  ) {
    const others = () => [...document.peers].filter((peer): peer is NotepadConnection => peer instanceof NotepadConnection && peer !== this);
    this.presence = { ownId: null, ownedByOther: (id) => others().some((peer) => peer.presence.ownId === id), names: owner.names };
  }

  get access(): Exclude<NotepadAccess, 'none'> {
    return this.accessLevel;
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  /** First words: read-only notice (if so), our state vector, who is here. */
  start(): void {
    if (this.accessLevel === 'read') this.send(readOnlyMessage());
    this.document.greet(this);
  }

  /** NOTE6: write → read at once, in place (later edits are dropped); the client is told. */
  downgrade(): void {
    if (this.accessLevel === 'read') return;
    this.accessLevel = 'read';
    this.send(readOnlyMessage());
  }

  send(message: Uint8Array): void {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return;
    this.ws.send(message, (error) => {
      if (error) this.close('goingAway');
    });
  }

  close(kind: CloseKind): void {
    if (this.closed) return;
    this.closed = true;
    this.document.removePeer(this);
    const { code, reason } = CLOSE[kind];
    this.ws.close(code, reason);
  }

  ping(): void {
    if (!this.closed && this.ws.readyState === this.ws.OPEN) this.ws.ping();
  }

  /** The socket went away without us closing it. */
  dropped(): void {
    if (this.closed) return;
    this.closed = true;
    this.document.removePeer(this);
  }

  handle(data: Uint8Array): void {
    if (this.closed) return;
    if (!this.allowMessage()) return this.close('rateLimited'); // NOTE7, NOTE14
    try {
      this.read(decoding.createDecoder(data));
    } catch {
      this.close('badMessage');
    }
  }

  private read(decoder: decoding.Decoder): void {
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MESSAGE.sync:
        return this.readSync(decoder);
      case MESSAGE.awareness: {
        // Read-only people may show that they are here (and where they read): it changes no notes.
        const update = decoding.readVarUint8Array(decoder);
        if (update.byteLength > MAX_AWARENESS_BYTES) return this.close('presenceTooLarge'); // NOTE15
        const screened = screenAwareness(update, this.presence);
        if (screened) awarenessProtocol.applyAwarenessUpdate(this.document.awareness, screened, this);
        return;
      }
      case MESSAGE.queryAwareness: {
        const states = this.document.awareness.getStates();
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, MESSAGE.awareness);
        encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.document.awareness, [...states.keys()]));
        this.send(encoding.toUint8Array(encoder));
        return;
      }
      default:
        // Clients never send auth messages; anything else is not the protocol we serve.
        this.close('badMessage');
    }
  }

  private readSync(decoder: decoding.Decoder): void {
    const subtype = decoding.readVarUint(decoder);
    switch (subtype) {
      case syncProtocol.messageYjsSyncStep1: {
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, MESSAGE.sync);
        syncProtocol.readSyncStep1(decoder, encoder, this.document.doc);
        this.send(encoding.toUint8Array(encoder));
        return;
      }
      case syncProtocol.messageYjsSyncStep2:
      case syncProtocol.messageYjsUpdate: {
        const update = decoding.readVarUint8Array(decoder);
        if (this.accessLevel !== 'write') return; // NOTE3: a reader's edits never reach the document
        const { doc } = this.document;
        if (this.document.wouldExceed(update.byteLength, this.limits.maxDocumentBytes)) return this.close('tooLarge'); // NOTE7
        Y.applyUpdate(doc, update, this);
        // NOTE13: what waits for missing dependencies fires no 'update' (so escapes the count
        // above until the next full measure): a small bound, then the connection goes.
        if (pendingBytes(doc) > MAX_PENDING_BYTES) {
          dropPending(doc);
          return this.close('missingDependencies');
        }
        return;
      }
      default:
        this.close('badMessage');
    }
  }
}
