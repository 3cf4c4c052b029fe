// The door of the notepads' endpoint: takes /yjs/<room> upgrades and lets in only a connection
// of this protocol version (VERSION3), for a notepad room, with a valid ticket (NOTE16) and access
// to the room; the rest is closed with its code (docs/notepads.md). Messages sent meanwhile wait.
// A series draft room (SER41) is let in by a series member's ticket instead of a session's.
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { notepadAccess, parseNotepadRoom, VERSION_PARAM, versionAccepted, type NotepadAccess, type NotepadRoom } from '@open-talks/shared';
import { draftAccess, parseSeriesDocumentRoom } from '@open-talks/shared/series';
import { WebSocketServer, type WebSocket } from 'ws';
import { AppError } from '../errors.js';
import type { Logger } from '../log.js';
import type { SeriesAuthenticate, SeriesPrincipal } from '../series/auth.js';
import type { Principal } from '../sessions/principal.js';
import type { Store } from '../store/index.js';
import { cafeFacts } from './access-facts.js';
import { refusalClose, viewerOf } from './decisions.js';
import { CLOSE, type CloseKind } from './protocol.js';
import type { TicketStore } from './tickets.js';

export const PATH_PREFIX = '/yjs/';
/** Messages a connection may send while it is authenticated and its document loads. */
const MAX_EARLY_MESSAGES = 64;

/** A connection the gate let in, with what it sent before it was admitted. */
export type Admission = AdmissionBase &
  (
    | { kind: 'session'; room: NotepadRoom; principal: Principal }
    /** SER41: a series member in their series' draft of one language. */
    | { kind: 'series'; room: { seriesId: string }; principal: SeriesPrincipal }
  );

interface AdmissionBase {
  name: string;
  access: Exclude<NotepadAccess, 'none'>;
  early: Uint8Array[];
  /** Stop keeping early messages (the connection handles them from now on). */
  stopKeeping: () => void;
}

export interface UpgradeGateDeps {
  store: Store;
  tickets: TicketStore;
  authenticate(token: string | undefined): Promise<Principal>;
  /** SER41: series tokens, for the draft rooms. */
  authenticateSeries: SeriesAuthenticate;
  log: Logger;
  /** A message over this is refused by ws itself (close 1009). */
  maxPayload: number;
  isClosed(): boolean;
  /** Takes an admitted connection in; a rejection closes it as a server error (transient). */
  admit(ws: WebSocket, admission: Admission): Promise<void>;
}

export class UpgradeGate {
  private readonly wss: WebSocketServer;
  private readonly sockets = new Set<WebSocket>();

  constructor(private readonly deps: UpgradeGateDeps) {
    this.wss = new WebSocketServer({ noServer: true, maxPayload: deps.maxPayload });
  }

  /** Takes /yjs/ upgrades; leaves every other path (Socket.IO's) alone. */
  attach(http: HttpServer): void {
    http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      if (!req.url?.startsWith(PATH_PREFIX)) return;
      if (this.deps.isClosed()) return void socket.destroy();
      // NOTE12: a socket reset mid-handshake must not become an unhandled 'error' event; ws
      // listens itself once the upgrade is done.
      const onSocketError = (error: NodeJS.ErrnoException) => this.deps.log.warn({ code: error.code }, 'notepad upgrade socket error');
      socket.on('error', onSocketError);
      this.wss.handleUpgrade(req, socket, head, (ws) => {
        socket.off('error', onSocketError);
        // NOTE12: a malformed frame (bad header, unmasked, reserved bits, unknown opcode, bad
        // UTF-8, over maxPayload) is an 'error' on this socket; ws has already sent the close
        // code RFC 6455 gives it. Without a listener it would be an uncaught exception.
        ws.on('error', (error: Error & { code?: string }) => this.deps.log.warn({ code: error.code, message: error.message }, 'notepad connection closed on a malformed frame'));
        this.accept(ws, req.url!).catch((error: unknown) => {
          // Storage failed us: a transient close, so the client tries again.
          this.deps.log.error({ err: error }, 'notepad connection failed');
          ws.close(CLOSE.serverError.code, CLOSE.serverError.reason);
        });
      });
    });
  }

  private async accept(ws: WebSocket, rawUrl: string): Promise<void> {
    this.sockets.add(ws);
    const early: Uint8Array[] = [];
    const keep = (data: Buffer) => {
      if (early.length >= MAX_EARLY_MESSAGES) return refuse('rateLimited');
      early.push(new Uint8Array(data));
    };
    ws.on('message', keep);
    ws.once('close', () => this.sockets.delete(ws));
    const refuse = (kind: CloseKind) => ws.close(CLOSE[kind].code, CLOSE[kind].reason);

    const url = new URL(rawUrl, 'http://notepad.invalid');
    // VERSION3: first: nothing else a page from another build sends can be trusted to mean the same.
    if (!versionAccepted(url.searchParams.get(VERSION_PARAM))) return refuse('outdated');
    let name: string;
    try {
      name = decodeURIComponent(url.pathname.slice(PATH_PREFIX.length));
    } catch {
      return refuse('badRoom');
    }
    const draft = parseSeriesDocumentRoom(name);
    if (draft) return this.acceptDraft(ws, url, name, draft, early, keep, refuse);
    const room = parseNotepadRoom(name);
    if (!room) return refuse('badRoom');

    let principal: Principal;
    try {
      // NOTE16: a ticket, never a token, in the URL; spent here whatever happens next.
      principal = await this.deps.authenticate(await this.deps.tickets.redeem(url.searchParams.get('ticket')));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return refuse(error.code === 'removed' ? 'removed' : 'unauthenticated');
    }
    const decision = notepadAccess(viewerOf(principal), room, await cafeFacts(this.deps.store, principal.session.id));
    if (decision.access === 'none') return refuse(refusalClose(decision));
    await this.deps.admit(ws, { kind: 'session', name, room, principal, access: decision.access, early, stopKeeping: () => ws.off('message', keep) });
  }

  /** SER41: a draft room takes a series member's ticket; a session's token opens no draft. */
  private async acceptDraft(
    ws: WebSocket,
    url: URL,
    name: string,
    room: NonNullable<ReturnType<typeof parseSeriesDocumentRoom>>,
    early: Uint8Array[],
    keep: (data: Buffer) => void,
    refuse: (kind: CloseKind) => void,
  ): Promise<void> {
    let principal: SeriesPrincipal;
    try {
      principal = await this.deps.authenticateSeries(await this.deps.tickets.redeem(url.searchParams.get('ticket')));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return refuse(error.code === 'removed' ? 'removed' : 'unauthenticated');
    }
    const { member, series } = principal;
    const decision = draftAccess({ seriesId: member.seriesId, role: member.role, removed: member.removedAt !== null }, series, room);
    if (decision.access === 'none') return refuse(decision.refusal === 'removed' ? 'removed' : decision.refusal === 'no-such-room' ? 'noSuchRoom' : 'forbidden');
    await this.deps.admit(ws, { kind: 'series', name, room, principal, access: decision.access, early, stopKeeping: () => ws.off('message', keep) });
  }

  /** Shutting down: every socket, admitted or still at the door, is told the server is going away. */
  closeSockets(): void {
    for (const ws of this.sockets) ws.close(CLOSE.goingAway.code, CLOSE.goingAway.reason);
  }

  close(): void {
    this.wss.close();
  }
}
