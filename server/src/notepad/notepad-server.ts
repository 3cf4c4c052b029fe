// The notepads' y-websocket endpoint on the app's HTTP server (docs/notepads.md): upgrades for
// /yjs/<room>, authentication, access per room, revalidation, loading and unloading documents.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { notepadAccess, notepadRoomName, parseNotepadRoom, VERSION_PARAM, versionAccepted, type NotepadAccessDecision, type NotepadViewer } from '@open-talks/shared';
import { WebSocketServer, type WebSocket } from 'ws';
import type * as Y from 'yjs';
import { AppError } from '../errors.js';
import type { Logger } from '../log.js';
import type { Principal } from '../sessions/principal.js';
import type { Store } from '../store/index.js';
import { cafeFacts } from './access-facts.js';
import { refusalClose, roomOf, viewerOf } from './decisions.js';
import { NotepadConnection, type ConnectionLimits } from './connection.js';
import { NotepadDocument, type NotepadStorage } from './document.js';
import { HarvestMirror } from './harvest-mirror.js';
import { presenceNames } from './presence.js';
import { MemoryPersonLimits, type PersonLimits } from './person-limits.js';
import { NotepadTickets } from './tickets.js';
import { CLOSE, type CloseKind } from './protocol.js';
import { docFromStored, readHarvest, readNotepad, type HarvestContent, type NotepadContent } from './read.js';
import { TableIdeas } from './table-ideas.js';

export const PATH_PREFIX = '/yjs/';
const PING_INTERVAL = 30_000; // ms: a connection that misses one ping's pong is closed
/** Messages a connection may send while it is authenticated and its document loads. */
const MAX_EARLY_MESSAGES = 64;

export interface NotepadOptions extends ConnectionLimits {
  idleUnloadMs: number; // ms without a connection before a document is unloaded
  connectionsPerPerson: number; // open notepad connections per person (NOTE14)
}

export interface NotepadDeps {
  store: Store;
  authenticate(token: string | undefined): Promise<Principal>;
  log: Logger;
  options: NotepadOptions;
  now?: () => number;
  /** NOTE14: per-person limits; in this process's memory unless given. */
  limits?: PersonLimits;
}

export class NotepadServer {
  private readonly wss: WebSocketServer;
  private readonly documents = new Map<string, Promise<NotepadDocument>>();
  /** Documents being written out: a new load of the same room waits for it. */
  private readonly unloading = new Map<string, Promise<void>>();
  private readonly idleTimers = new Map<string, NodeJS.Timeout>();
  private readonly connections = new Set<NotepadConnection>();
  private readonly byId = new Map<string, NotepadConnection>();
  private readonly limits: PersonLimits;
  /** NOTE16: the single-use tickets that let a connection in (handed out over HTTP). */
  readonly tickets: NotepadTickets;
  private readonly sockets = new Set<WebSocket>();
  private readonly queuedChecks = new Map<string, Promise<void>>();
  private readonly runningChecks = new Map<string, Promise<void>>();
  private readonly storage: NotepadStorage;
  private readonly pinger: NodeJS.Timeout;
  private readonly now: () => number;
  private readonly mirror: HarvestMirror;
  private closed = false;

  constructor(private readonly deps: NotepadDeps) {
    this.now = deps.now ?? Date.now;
    this.limits = deps.limits ?? new MemoryPersonLimits(deps.options);
    this.tickets = new NotepadTickets(this.now);
    const { store } = deps;
    this.storage = {
      load: (room) => store.notepads.load(room),
      append: (room, sessionId, seq, update, now) => store.notepads.append(room, sessionId, seq, update, now),
      compact: (room, sessionId, snapshot, seq, now) => store.transaction((repos) => repos.notepads.compact(room, sessionId, snapshot, seq, now)),
    };
    // A message larger than the document may be is refused by ws itself (close 1009); the margin
    // lets a message just over the limit reach our check, which closes with a clearer reason.
    this.wss = new WebSocketServer({ noServer: true, maxPayload: deps.options.maxDocumentBytes + 1024 * 1024 });
    this.pinger = setInterval(() => this.ping(), PING_INTERVAL);
    this.pinger.unref();
    this.mirror = new HarvestMirror(
      {
        // HARV4: the harvest is held like any notepad while written, so it is stored and unloaded alike.
        acquireHarvest: (sessionId) => this.acquire(notepadRoomName({ kind: 'harvest', sessionId }), sessionId),
        release: (document) => this.release(document),
        storedRooms: (sessionId) => store.notepads.rooms(sessionId),
        isLoaded: (name) => this.documents.has(name),
        loadStored: (name) => this.loadStoredDoc(name),
      },
      (error, sessionId) => deps.log.error({ err: error, sessionId }, 'harvest mirror failed'),
    );
  }

  /** Takes /yjs/ upgrades; leaves every other path (Socket.IO's) alone. */
  attach(http: HttpServer): void {
    http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      if (!req.url?.startsWith(PATH_PREFIX)) return;
      if (this.closed) return void socket.destroy();
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
    const room = parseNotepadRoom(name);
    if (!room) return refuse('badRoom');

    let principal: Principal;
    try {
      // NOTE16: a ticket, never a token, in the URL; spent here whatever happens next.
      principal = await this.deps.authenticate(this.tickets.redeem(url.searchParams.get('ticket')));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return refuse(error.code === 'removed' ? 'removed' : 'unauthenticated');
    }
    const decision = notepadAccess(viewerOf(principal), room, await cafeFacts(this.deps.store, principal.session.id));
    if (decision.access === 'none') return refuse(refusalClose(decision));

    const document = await this.acquire(name, room.sessionId);
    if (ws.readyState !== ws.OPEN || this.closed) return this.release(document);
    // NOTE14: limits are the person's (a participant, or the session's projector display).
    const person = principal.participant ? `participant:${principal.participant.id}` : `display:${principal.session.id}`;
    const id = randomUUID();
    const connection = new NotepadConnection(
      ws,
      document,
      { sessionId: room.sessionId, participantId: principal.participant?.id ?? null, names: presenceNames(principal.session.attribution, principal.participant) },
      decision.access,
      this.deps.options,
      () => this.limits.takeMessage(person, this.now()),
    );
    this.connections.add(connection);
    this.byId.set(id, connection);
    document.peers.add(connection);
    ws.off('message', keep);
    ws.on('message', (data: Buffer) => connection.handle(new Uint8Array(data)));
    ws.on('pong', () => (connection.awaitingPong = false));
    ws.once('close', () => {
      connection.dropped();
      this.connections.delete(connection);
      this.byId.delete(id);
      this.limits.closed(person, id);
      this.release(document);
    });
    for (const old of this.limits.opened(person, id, this.now())) this.byId.get(old)?.close('tooManyConnections');
    connection.start();
    for (const message of early) connection.handle(message);
  }

  /** The loaded document for a room, loading it (after any unload of it finishes) if needed. */
  private async acquire(name: string, sessionId: string): Promise<NotepadDocument> {
    clearTimeout(this.idleTimers.get(name));
    this.idleTimers.delete(name);
    let loading = this.documents.get(name);
    if (!loading) {
      const previous = this.unloading.get(name) ?? Promise.resolve();
      loading = previous.then(async () => this.loaded(await NotepadDocument.load(name, sessionId, this.storage, this.deps.log, this.now)));
      this.documents.set(name, loading);
      loading.catch(() => this.documents.delete(name));
    }
    return loading;
  }

  /** A document just came into memory: a table's ideas feed the harvest (HARV1); a harvest is guarded and caught up (HARV3, HARV4). */
  private async loaded(document: NotepadDocument): Promise<NotepadDocument> {
    const room = parseNotepadRoom(document.name);
    if (room?.kind === 'table') {
      TableIdeas.guard(document.doc); // IDEA3: before any connection's update reaches it
      this.mirror.watchTable(document, room);
    }
    else if (room?.kind === 'harvest') await this.mirror.harvestLoaded(document.doc, room.sessionId);
    return document;
  }

  /**
   * IDEA1–IDEA4: a key idea command's change to a table notepad's ideas (the room loaded if it is
   * not), stored before this resolves. The caller has checked who may make it.
   */
  async changeIdeas<T>(name: string, sessionId: string, change: (ideas: TableIdeas) => T): Promise<T> {
    const document = await this.acquire(name, sessionId);
    try {
      const result = change(TableIdeas.guard(document.doc));
      await document.persist();
      return result;
    } finally {
      this.release(document);
    }
  }

  /** A connection left: once nobody is left, the document is unloaded after a quiet while. */
  private release(document: NotepadDocument): void {
    if (document.peers.size > 0 || this.closed || this.idleTimers.has(document.name)) return;
    const timer = setTimeout(() => {
      this.idleTimers.delete(document.name);
      if (document.peers.size > 0) return;
      void this.unload(document);
    }, this.deps.options.idleUnloadMs);
    timer.unref();
    this.idleTimers.set(document.name, timer);
  }

  private async unload(document: NotepadDocument): Promise<void> {
    this.documents.delete(document.name);
    const done = document.unload().finally(() => {
      if (this.unloading.get(document.name) === done) this.unloading.delete(document.name);
    });
    this.unloading.set(document.name, done);
    await done;
  }

  /** Names of the documents in memory now, those still being written out included (for tests and figures). */
  loadedRooms(): string[] {
    return [...new Set([...this.documents.keys(), ...this.unloading.keys()])];
  }

  /**
   * NOTE6: re-checks every open connection of a session against storage now and downgrades
   * (write → read), upgrades (read → write: the client reconnects) or closes (→ none) at once.
   * Call after a round starts or ends, a plan or table change, a role change or a removal.
   */
  revalidate(sessionId: string): Promise<void> {
    // Coalesced per session: a burst of changes (a crowd joining) costs one check after the
    // running one, never one each; every caller's promise settles after a check that began later.
    const queued = this.queuedChecks.get(sessionId);
    if (queued) return queued;
    const before = this.runningChecks.get(sessionId) ?? Promise.resolve();
    const check: Promise<void> = before
      .catch(() => undefined)
      .then(() => {
        this.queuedChecks.delete(sessionId);
        this.runningChecks.set(sessionId, check);
        return this.revalidateNow(sessionId);
      })
      .finally(() => {
        if (this.runningChecks.get(sessionId) === check) this.runningChecks.delete(sessionId);
      });
    this.queuedChecks.set(sessionId, check);
    return check;
  }

  private async revalidateNow(sessionId: string): Promise<void> {
    const open = [...this.connections].filter((c) => c.owner.sessionId === sessionId && c.isOpen);
    if (open.length === 0) return;
    const [facts, people] = await Promise.all([cafeFacts(this.deps.store, sessionId), this.deps.store.participants.listActive(sessionId)]);
    const byId = new Map(people.map((p) => [p.id, p]));
    for (const connection of open) {
      const id = connection.owner.participantId;
      const person = id === null ? undefined : byId.get(id);
      const viewer: NotepadViewer = {
        sessionId,
        participant: id === null ? null : person ? { id, role: person.role, removed: false } : { id, role: 'observer', removed: true },
      };
      this.apply(connection, notepadAccess(viewer, roomOf(connection), facts));
    }
  }

  private apply(connection: NotepadConnection, decision: NotepadAccessDecision): void {
    if (decision.access === 'none') return connection.close(refusalClose(decision));
    if (decision.access === 'read') return connection.downgrade();
    if (connection.access === 'read') connection.close('accessChanged');
  }

  /** The projector link changed: screens using the old one lose their notepads too. */
  closeDisplays(sessionId: string): void {
    for (const connection of this.connections) {
      if (connection.owner.sessionId === sessionId && connection.owner.participantId === null) connection.close('unauthenticated');
    }
  }

  /**
   * A room's notes as plain data, from memory if the room is open, else from storage; for
   * exports (and tests). Nothing is loaded into the server's set of documents.
   */
  async readRoom(name: string): Promise<NotepadContent> {
    return this.readWith(name, readNotepad);
  }

  /**
   * The harvest document (HARV) of a session as plain data, as the board shows it: after the
   * tables' pending mirrors (HARV1) and, loaded like any notepad, caught up after a crash (HARV4).
   */
  async readHarvest(sessionId: string): Promise<HarvestContent> {
    const name = notepadRoomName({ kind: 'harvest', sessionId });
    if (this.closed) return this.readWith(name, readHarvest);
    await this.mirror.settled();
    const document = await this.acquire(name, sessionId);
    try {
      return readHarvest(document.doc);
    } finally {
      this.release(document);
    }
  }

  private async readWith<T>(name: string, read: (doc: Y.Doc) => T): Promise<T> {
    const open = this.documents.get(name);
    if (open) return read((await open).doc);
    const doc = await this.loadStoredDoc(name);
    try {
      return read(doc);
    } finally {
      doc.destroy();
    }
  }

  /**
   * Every notepad of a session that exists (open in memory, else as stored), each read with
   * `read`; for the record, which reads hundreds of rooms at once: storage answers in two
   * queries for the whole session instead of two per room.
   */
  async readSession<T>(sessionId: string, read: (name: string, doc: Y.Doc) => T): Promise<Map<string, T>> {
    const prefix = `session/${sessionId}/`;
    await Promise.all([...this.unloading].filter(([name]) => name.startsWith(prefix)).map(([, done]) => done));
    const out = new Map<string, T>();
    for (const [name, loading] of this.documents) {
      if (name.startsWith(prefix)) out.set(name, read(name, (await loading).doc));
    }
    for (const [name, stored] of await this.deps.store.notepads.loadSession(sessionId)) {
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

  /** A fresh copy of a room's stored document (after pending writes of an unload land). */
  async loadStoredDoc(name: string): Promise<Y.Doc> {
    await this.unloading.get(name);
    return docFromStored(await this.storage.load(name));
  }

  /** Flushes every open document now (what would otherwise happen within FLUSH_DELAY), harvest mirrors included. */
  async flushAll(): Promise<void> {
    await this.mirror.settled();
    await Promise.all([...this.documents.values()].map(async (loading) => (await loading).flush()));
  }

  private ping(): void {
    for (const connection of this.connections) {
      if (connection.awaitingPong) {
        connection.close('noPong');
        continue;
      }
      connection.awaitingPong = true;
      connection.ping();
    }
  }

  /** Closes every connection (clients reconnect to the next server) and writes every document out. */
  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.pinger);
    for (const timer of this.idleTimers.values()) clearTimeout(timer);
    this.idleTimers.clear();
    for (const connection of this.connections) connection.close('goingAway');
    for (const ws of this.sockets) ws.close(CLOSE.goingAway.code, CLOSE.goingAway.reason);
    // HARV4: the tables' last ideas reach the harvest before the documents are written out.
    await this.mirror.settled();
    const documents = await Promise.allSettled([...this.documents.values()]);
    await Promise.all(documents.flatMap((d) => (d.status === 'fulfilled' ? [this.unload(d.value)] : [])));
    await Promise.all(this.unloading.values());
    this.wss.close();
  }
}
