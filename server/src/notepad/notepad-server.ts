// The notepads' y-websocket endpoint on the app's HTTP server (docs/notepads.md): the door
// (upgrade-gate.ts), the documents in memory (document-registry.ts), access re-checked after a
// change (revalidation.ts) and reads (room-reads.ts); here, the connections let in and their limits.
import { randomUUID } from 'node:crypto';
import type { Server as HttpServer } from 'node:http';
import { notepadRoomName, parseNotepadRoom } from '@open-talks/shared';
import type { WebSocket } from 'ws';
import type * as Y from 'yjs';
import type { Logger } from '../log.js';
import type { Principal } from '../sessions/principal.js';
import type { Store } from '../store/index.js';
import { draftAccess, parseSeriesDocumentRoom } from '@open-talks/shared/series';
import { seriesAuthenticator, type SeriesAuthenticate } from '../series/auth.js';
import { NotepadConnection, type ConnectionLimits, type ConnectionOwner } from './connection.js';
import { DocumentRegistry } from './document-registry.js';
import type { NotepadDocument } from './document.js';
import { HarvestMirror } from './harvest-mirror.js';
import { presenceNames, seriesPresenceNames } from './presence.js';
import { MemoryPersonLimits, type PersonLimits } from './person-limits.js';
import { memoryTicketStore, NotepadTickets, type TicketStore } from './tickets.js';
import type { AccessChange, NotepadCluster } from './relay.js';
import type { HarvestContent, NotepadContent } from './read.js';
import { Revalidation } from './revalidation.js';
import { RoomReads } from './room-reads.js';
import { TableIdeas } from './table-ideas.js';
import { UpgradeGate, type Admission } from './upgrade-gate.js';

export { PATH_PREFIX } from './upgrade-gate.js';
const PING_INTERVAL = 30_000; // ms: a connection that misses one ping's pong is closed

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
  /** SER41: series members' tokens, for the draft rooms; the store's members unless given. */
  authenticateSeries?: SeriesAuthenticate;
  /** Several nodes (docs/cluster.md, CLU60–CLU79): rooms relayed, access changes told, tickets shared. */
  cluster?: NotepadCluster;
}

/** Whose a connection is: its room's owner id, the person its limits count against (NOTE14), its caret's names. */
function ownerOf(admission: Admission): { ownerId: string; person: string; owner: ConnectionOwner } {
  if (admission.kind === 'series') {
    const { member } = admission.principal;
    // SER43: a series member's limits, keyed like their HTTP budget (seriesPersonKey).
    return {
      ownerId: admission.room.seriesId,
      person: `series-member:${member.id}`,
      owner: { sessionId: null, participantId: null, series: { seriesId: member.seriesId, memberId: member.id }, names: seriesPresenceNames(member) },
    };
  }
  const { room, principal } = admission;
  // NOTE14: limits are the person's (a participant, or the session's projector display).
  const person = principal.participant ? `participant:${principal.participant.id}` : `display:${principal.session.id}`;
  return {
    ownerId: room.sessionId,
    person,
    owner: { sessionId: room.sessionId, participantId: principal.participant?.id ?? null, names: presenceNames(principal.session.attribution, principal.participant) },
  };
}

export class NotepadServer {
  private readonly gate: UpgradeGate;
  private readonly registry: DocumentRegistry;
  private readonly revalidation: Revalidation;
  private readonly reads: RoomReads;
  private readonly connections = new Set<NotepadConnection>();
  private readonly byId = new Map<string, NotepadConnection>();
  private readonly limits: PersonLimits;
  /** NOTE16: the single-use tickets that let a connection in (handed out over HTTP). */
  readonly tickets: TicketStore;
  private readonly pinger: NodeJS.Timeout;
  private readonly now: () => number;
  private readonly mirror: HarvestMirror;
  private closed = false;

  constructor(private readonly deps: NotepadDeps) {
    this.now = deps.now ?? Date.now;
    this.limits = deps.limits ?? new MemoryPersonLimits(deps.options);
    this.tickets = deps.cluster?.tickets ?? memoryTicketStore(new NotepadTickets(this.now));
    const { store } = deps;
    const relay = deps.cluster?.relay;
    this.registry = new DocumentRegistry({ store, log: deps.log, now: this.now, idleUnloadMs: deps.options.idleUnloadMs, loaded: (document) => this.loaded(document), relay });
    // CLU68: another node's access change re-checks this node's connections too.
    relay?.onAccess((change) => this.accessChangedHere(change));
    this.gate = new UpgradeGate({
      store,
      tickets: this.tickets,
      authenticate: (token) => this.deps.authenticate(token),
      authenticateSeries: deps.authenticateSeries ?? seriesAuthenticator(store),
      log: deps.log,
      // The margin lets a message just over the document's limit reach our check, which closes
      // with a clearer reason than ws's 1009.
      maxPayload: deps.options.maxDocumentBytes + 1024 * 1024,
      isClosed: () => this.closed,
      admit: (ws, admission) => this.admit(ws, admission),
    });
    this.pinger = setInterval(() => this.ping(), PING_INTERVAL);
    this.pinger.unref();
    this.mirror = new HarvestMirror(
      {
        // HARV4: the harvest is held like any notepad while written, so it is stored and unloaded alike.
        acquireHarvest: (sessionId) => this.registry.acquire(notepadRoomName({ kind: 'harvest', sessionId }), sessionId),
        release: (document) => this.registry.release(document),
        storedRooms: (sessionId) => store.notepads.rooms(sessionId),
        isLoaded: (name) => this.registry.isLoaded(name),
        loadStored: (name) => this.registry.loadStoredDoc(name),
      },
      (error, sessionId) => deps.log.error({ err: error, sessionId }, 'harvest mirror failed'),
    );
    this.reads = new RoomReads(this.registry, this.mirror, store, () => this.closed);
    this.revalidation = new Revalidation(store, (sessionId) => [...this.connections].filter((c) => c.owner.sessionId === sessionId && c.isOpen));
  }

  /** Takes /yjs/ upgrades; leaves every other path (Socket.IO's) alone. */
  attach(http: HttpServer): void {
    this.gate.attach(http);
  }

  /** A connection the gate let in: its document loaded, it joins the room's peers under its person's limits. */
  private async admit(ws: WebSocket, admission: Admission): Promise<void> {
    const { name, access, early, stopKeeping } = admission;
    const { ownerId, person, owner } = ownerOf(admission);
    const document = await this.registry.acquire(name, ownerId);
    if (ws.readyState !== ws.OPEN || this.closed) return this.registry.release(document);
    const id = randomUUID();
    const connection = new NotepadConnection(ws, document, owner, access, this.deps.options, () => this.limits.takeMessage(person, this.now()));
    this.connections.add(connection);
    this.byId.set(id, connection);
    document.peers.add(connection);
    stopKeeping();
    ws.on('message', (data: Buffer) => connection.handle(new Uint8Array(data)));
    ws.on('pong', () => (connection.awaitingPong = false));
    ws.once('close', () => {
      connection.dropped();
      this.connections.delete(connection);
      this.byId.delete(id);
      this.limits.closed(person, id);
      this.registry.release(document);
    });
    for (const old of this.limits.opened(person, id, this.now())) this.byId.get(old)?.close('tooManyConnections');
    connection.start();
    for (const message of early) connection.handle(message);
  }

  /** A document just came into memory: a table's ideas feed the harvest (HARV1); a harvest is guarded and caught up (HARV3, HARV4). */
  private async loaded(document: NotepadDocument): Promise<NotepadDocument> {
    const room = parseNotepadRoom(document.name);
    if (room?.kind === 'table') {
      TableIdeas.guard(document.doc); // IDEA3: before any connection's update reaches it
      this.mirror.watchTable(document, room);
    } else if (room?.kind === 'harvest') await this.mirror.harvestLoaded(document.doc, room.sessionId);
    return document;
  }

  /**
   * IDEA1–IDEA4: a key idea command's change to a table notepad's ideas (the room loaded if it is
   * not), stored before this resolves. The caller has checked who may make it.
   */
  async changeIdeas<T>(name: string, sessionId: string, change: (ideas: TableIdeas) => T): Promise<T> {
    const document = await this.registry.acquire(name, sessionId);
    try {
      const result = change(TableIdeas.guard(document.doc));
      await document.persist();
      return result;
    } finally {
      this.registry.release(document);
    }
  }

  /** Names of the documents in memory now, those still being written out included (for tests and figures). */
  loadedRooms(): string[] {
    return this.registry.loadedRooms();
  }

  /**
   * NOTE6: re-checks every open connection of a session against storage now and downgrades
   * (write → read), upgrades (read → write: the client reconnects) or closes (→ none) at once.
   * Call after a round starts or ends, a plan or table change, a role change or a removal.
   */
  revalidate(sessionId: string): Promise<void> {
    this.deps.cluster?.relay.publishAccess({ kind: 'session', id: sessionId });
    return this.revalidation.revalidate(sessionId);
  }

  /** CLU68: what another node changed, re-checked for this node's connections. */
  private accessChangedHere(change: AccessChange): void {
    const done =
      change.kind === 'session'
        ? this.revalidation.revalidate(change.id)
        : change.kind === 'series'
          ? this.revalidateSeriesHere(change.id)
          : Promise.resolve(this.closeDisplaysHere(change.id));
    done.catch((error: unknown) => this.deps.log.error({ err: error, change: change.kind }, 'notepad revalidation failed'));
  }

  /**
   * SER41: re-checks the open draft connections of a series against storage now (a member
   * removed, a language dropped) and closes those that lost their access. Call after such a change.
   */
  revalidateSeries(seriesId: string): Promise<void> {
    this.deps.cluster?.relay.publishAccess({ kind: 'series', id: seriesId });
    return this.revalidateSeriesHere(seriesId);
  }

  private async revalidateSeriesHere(seriesId: string): Promise<void> {
    const open = [...this.connections].filter((c) => c.owner.series?.seriesId === seriesId && c.isOpen);
    if (open.length === 0) return;
    const [series, members] = await Promise.all([this.deps.store.series.byId(seriesId), this.deps.store.series.members(seriesId)]);
    const byId = new Map(members.map((m) => [m.id, m]));
    for (const connection of open) {
      const member = byId.get(connection.owner.series!.memberId);
      const room = parseSeriesDocumentRoom(connection.document.name);
      if (!series || !member || !room) {
        connection.close('forbidden');
        continue;
      }
      const decision = draftAccess({ seriesId: member.seriesId, role: member.role, removed: member.removedAt !== null }, series, room);
      if (decision.access === 'none') connection.close(decision.refusal === 'removed' ? 'removed' : decision.refusal === 'no-such-room' ? 'noSuchRoom' : 'forbidden');
    }
  }

  /**
   * A room's document read with `read`: from memory if the room is open (as live editors have it
   * now), else from storage, without loading it into the server's set (SER44: the drafts).
   */
  readWith<T>(name: string, read: (doc: Y.Doc) => T): Promise<T> {
    return this.reads.readWith(name, read);
  }

  /** The projector link changed: screens using the old one lose their notepads too. */
  closeDisplays(sessionId: string): void {
    this.deps.cluster?.relay.publishAccess({ kind: 'displays', id: sessionId });
    this.closeDisplaysHere(sessionId);
  }

  private closeDisplaysHere(sessionId: string): void {
    for (const connection of this.connections) {
      if (connection.owner.sessionId === sessionId && connection.owner.participantId === null) connection.close('unauthenticated');
    }
  }

  /**
   * A room's notes as plain data, from memory if the room is open, else from storage; for
   * exports (and tests). Nothing is loaded into the server's set of documents.
   */
  readRoom(name: string): Promise<NotepadContent> {
    return this.reads.readRoom(name);
  }

  /**
   * The harvest document (HARV) of a session as plain data, as the board shows it: after the
   * tables' pending mirrors (HARV1) and, loaded like any notepad, caught up after a crash (HARV4).
   */
  readHarvest(sessionId: string): Promise<HarvestContent> {
    return this.reads.readHarvest(sessionId);
  }

  /**
   * Every notepad of a session that exists (open in memory, else as stored), each read with
   * `read`; for the record, which reads hundreds of rooms at once.
   */
  readSession<T>(sessionId: string, read: (name: string, doc: Y.Doc) => T): Promise<Map<string, T>> {
    return this.reads.readSession(sessionId, read);
  }

  /** A fresh copy of a room's stored document (after pending writes of an unload land). */
  loadStoredDoc(name: string): Promise<Y.Doc> {
    return this.registry.loadStoredDoc(name);
  }

  /** Flushes every open document now (what would otherwise happen within FLUSH_DELAY), harvest mirrors included. */
  async flushAll(): Promise<void> {
    await this.mirror.settled();
    await this.registry.flushAll();
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
    this.registry.stopIdleUnloads();
    for (const connection of this.connections) connection.close('goingAway');
    this.gate.closeSockets();
    // HARV4: the tables' last ideas reach the harvest before the documents are written out.
    await this.mirror.settled();
    await this.registry.unloadAll();
    this.gate.close();
    await this.deps.cluster?.close();
  }
}
