import { StoredContentService, type ContentService } from './content/content-service.js';
import { contentToSockets, pollVersionsFollowOpen } from './content/notifier.js';
import { contributionSources } from './content/contribution-sources.js';
import { createEngine } from './content/machine/engines.js';
import { MachineTranslationService } from './content/machine/machine-translation.js';
import { createServer, type RequestListener, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CafeService } from './cafe/cafe-service.js';
import { timeoutClock } from './cafe/round-clock.js';
import { CafeRunService } from './cafe/run-service.js';
import type { Config } from './config.js';
import { createHttpApp } from './http/app.js';
import { refuseFloodedRequest } from './http/flood-door.js';
import { memoryBudget } from './limits/person-budget.js';
import { createLogger, type Logger } from './log.js';
import { IdeaCommands, NotepadServer, NotesLanguages, notepadAccessFollows } from './notepad/index.js';
import { notepadCluster } from './cluster/notepad-cluster.js';
import { ThemeSuggestions } from './notepad/theme-suggestions.js';
import { attachRealtime, createIo } from './realtime/index.js';
import { createCommands } from './realtime/handlers.js';
import { SocketNotifier } from './realtime/notifier.js';
import { socketPresence } from './realtime/presence.js';
import type { IoServer } from './realtime/types.js';
import { SessionService } from './sessions/session-service.js';
import { openDatabase } from './store/db.js';
import { createStore, type Store } from './store/index.js';
import { KeyedMutex } from './util/keyed-mutex.js';
import { Coalescer } from './util/coalescer.js';
import { townhallToSockets } from './realtime/townhall-notifier.js';
import { consultationToSockets } from './realtime/consultation-notifier.js';
import { opinionToSockets } from './realtime/opinion-notifier.js';
import { TownhallContext } from './townhall/context.js';
import { PeopleCache } from './townhall/people.js';
import { rateClassLimiter } from './limits/rate-classes.js';
import { TownhallService } from './townhall/townhall-service.js';
import { IdleRooms } from './townhall/idle-rooms.js';
import { sessionRoom } from './realtime/rooms.js';
import { tokenAuthenticator } from './auth/authenticate.js';
import { EventBus } from './events/bus.js';
import { RecordService } from './record/record-service.js';
import { Consultation } from './consultation/index.js';
import { startCluster, type Cluster } from './cluster/index.js';
import { claimRunningClocks, clocksByFormat, clocksFollowOwnership } from './cluster/clocks.js';
import { ownerRun, ownerTimers } from './cluster/fencing.js';
import { localRouter } from './cluster/router-local.js';
import { clusterRouting } from './cluster/router-setup.js';
import { captionFeed } from './townhall/captions/plain-text.js';

export { loadConfig, type Config } from './config.js';

const TOWNHALL_FLUSH_MS = 250; // ~4 broadcasts a second per session and kind, however many vote
const CLOSE_GRACE_MS = 5_000; // ms: how long shutdown waits for clients to finish closing their connections

export interface RunningServer {
  /** http://127.0.0.1:<port> */
  url: string;
  port: number;
  http: HttpServer;
  io: IoServer;
  store: Store;
  notepads: NotepadServer;
  log: Logger;
  /** This node in its cluster: ownership, directory, Redis (solo on one process; docs/cluster.md). */
  cluster: Cluster;
  /** The sessions whose Town Hall room is in this process's memory now (MEM1–MEM3). */
  townhallRooms(): string[];
  /** Stops accepting, closes every connection and the database. */
  close(): Promise<void>;
}

/** Opens storage (running migrations), then serves HTTP, Socket.IO and the client on one port. */
export async function startServer(config: Config, log: Logger = createLogger(config.logLevel)): Promise<RunningServer> {
  const handle = await openDatabase({ url: config.databaseUrl, pgSchema: config.databaseSchema });
  const cluster = await startCluster(config.cluster, log, handle.db);
  const store = createStore(handle, { fenceCheck: cluster.fenceCheck });

  // The request listener must exist before Socket.IO attaches: Socket.IO then answers
  // /socket.io/ requests itself and hands only the others on. Added afterwards, Express
  // also answered long-polling requests (404), so polling clients could never connect.
  let handleRequest: RequestListener | undefined;
  const budget = memoryBudget(config.limits.commandsPer10s, cluster.limiters); // one per person, Socket.IO and HTTP together (LIMIT1, CLU10)
  const http = createServer((req, res) => refuseFloodedRequest(budget, req, res) || handleRequest?.(req, res));
  const io = createIo(http, cluster.adapter);
  const presence = socketPresence(io);
  const authenticate = tokenAuthenticator(store);
  // Services publish what changed; the adapters below subscribe, each in the order it must hear.
  const bus = new EventBus(log);
  // CLU60: on several nodes the notepads relay their rooms and share tickets over Redis.
  const notepadsCluster = config.cluster && (await notepadCluster({ redisUrl: config.cluster.redisUrl, prefix: config.cluster.redisPrefix, log }));
  const notepads = new NotepadServer({ store, authenticate, log, options: config.notepads, cluster: notepadsCluster });
  notepads.attach(http);
  const mutex = new KeyedMutex();
  const cafe = new CafeService(store, presence, bus, mutex);
  // In a cluster a due timer fires on the session's owner only, fenced (CLU7).
  const timerScope = config.cluster ? ownerTimers(cluster.ownership) : undefined;
  const clock = timeoutClock(Date.now, timerScope);
  const cafeRun = new CafeRunService(store, cafe, bus, clock, mutex);
  const townhallClock = timeoutClock(Date.now, timerScope);
  // Vote counts, poll results and the queue go out at most this often per session.
  const coalescer = new Coalescer(TOWNHALL_FLUSH_MS, (error, key) => log.error({ err: error, key }, 'Town Hall broadcast failed'));
  const townhallContext = new TownhallContext(store, mutex, bus, new PeopleCache(store), coalescer, townhallClock);
  const townhall = new TownhallService(townhallContext);
  const idleRooms = new IdleRooms(townhallContext, presence, config.townhallIdleUnloadMs, log);
  const records = new RecordService(store, notepads);
  const consultationCoalescer = new Coalescer(TOWNHALL_FLUSH_MS, (error, key) => log.error({ err: error, key }, 'consultation broadcast failed'));
  const consultation = new Consultation({ store, bus, mutex, coalescer: consultationCoalescer, authenticate, records, log, now: Date.now, timerScope });
  // Content in several languages (issue 18): the translation desk and machine translation.
  const machine = new MachineTranslationService(store, createEngine(config.translate));
  const content: ContentService = new StoredContentService({
    store,
    bus,
    machine,
    sources: contributionSources(townhall, consultation, { store, notepads }),
    seatedAt: async (sessionId, participantId) => (await cafeRun.liveFor(sessionId, participantId)).seat?.table.id ?? null,
  });
  const service = new SessionService(store, presence, bus, authenticate, {
    cafeFor: (sessionId, participantId) => cafeRun.liveFor(sessionId, participantId),
    townhallFor: (principal) => townhall.live(principal),
    consultationFor: (principal) => consultation.live(principal),
    contentFor: (principal) => content.versionsFor(principal),
    machineEngine: machine.engineName,
  });
  // Screens first, then notepad access: a change is shown before access moves with it.
  const notifier = new SocketNotifier(io, log, bus, service);
  notepadAccessFollows(bus, notepads, log);
  townhallToSockets(bus, io);
  consultationToSockets(bus, io);
  opinionToSockets(bus, io);
  contentToSockets(bus, io);
  pollVersionsFollowOpen(bus, store);
  bus.subscribe('cafe:setup-changed', ({ sessionId }) => cafeRun.announce(sessionId));
  // The plain-text caption stream (CAPS34): in a cluster each node hears the others' lines.
  const captionLines = captionFeed(bus, config.cluster ? io : undefined);
  const ideas = new IdeaCommands(store, notepads);
  const themes = new ThemeSuggestions(notepads);
  const notesLanguages = new NotesLanguages(store, bus);
  const commands = createCommands({
    service,
    cafe,
    cafeRun,
    townhall,
    records,
    ideas,
    notesLanguages,
    themes,
    consultation,
    content,
    limit: rateClassLimiter(config.limits, cluster.limiters),
  });
  // ── Forwarding to the owner (issue 17, helper "routing"; docs/cluster.md CLU30–CLU44) ──
  // Commands, the first state, people's changes (a join re-seats the café) and HTTP under
  // /api/sessions/:id run on the session's owner; on one process, here and directly.
  const local = localRouter({ service, commands, cafeRun, townhall, log });
  const routing = config.cluster
    ? clusterRouting({
        config: config.cluster,
        ownership: cluster.ownership,
        nodes: cluster.directory,
        run: (sessionId, fn) => ownerRun(cluster.ownership, sessionId, fn),
        local,
        store,
        log,
      })
    : undefined;
  const router = routing?.router ?? local;
  bus.subscribe('participant:format-follows', ({ participant, format }) => router.personChanged(participant, format));
  // ── end of forwarding ──
  attachRealtime(io, { service, notifier, commands, log, budget, socketsPerPerson: config.limits.socketsPerPerson, router: routing?.router });
  handleRequest = createHttpApp({
    config,
    service,
    cafe,
    cafeRun,
    townhall,
    commands,
    records,
    notepadTickets: notepads.tickets,
    log,
    storage: handle.dialect,
    budget,
    store,
    notepads,
    limiters: config.cluster ? cluster.limiters : undefined,
    clusterHealth: cluster.health,
    cluster: routing?.http,
    clusterGuard: routing?.guard,
    router,
    captionFeed: captionLines,
  });
  if (config.cluster) {
    // Clocks run on each session's owner (CLU12–CLU13): whoever takes a session resumes them.
    const clocks = clocksByFormat(store, { cafe: cafeRun, townhall, consultation });
    clocksFollowOwnership(cluster.ownership, clocks);
    // Then everyone in it reads its state again: the old owner may have acked a question or a vote
    // whose broadcast never left it before it died (CLU29).
    cluster.ownership.onAcquired((sessionId) => {
      io.to(sessionRoom(sessionId)).emit('session:resync');
      return Promise.resolve();
    });
    await claimRunningClocks(store, cluster.ownership, log);
  } else {
    await cafeRun.resumeClocks();
    await townhall.resumeClocks();
    await consultation.resume();
  }

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(config.port, config.host, () => resolve());
  });
  const { port } = http.address() as AddressInfo;
  log.info({ port, storage: handle.describe }, 'Open Talks is listening');

  let closing: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    http,
    io,
    store,
    notepads,
    log,
    cluster,
    townhallRooms: () => townhallContext.loadedSessions(),
    close() {
      closing ??= (async () => {
        notifier.close();
        captionLines.close();
        idleRooms.close();
        clock.close();
        const notepadsClosed = notepads.close(); // closes its sockets now, writes documents out
        townhallClock.close();
        coalescer.close();
        const consultationClosed = consultation.close(); // phase timers, report recomputations, the worker thread
        consultationCoalescer.close();
        const released = cluster.release(); // the others take this node's sessions at once
        // Socket.IO's close waits for every client's closing handshake: one that never answers must
        // not hold the process (or the port) for ever. Nothing is lost: it only closes connections.
        await withinGrace(new Promise<void>((resolve, reject) => void io.close(() => resolve()).catch(reject)), 'closing client connections', log);
        http.closeAllConnections();
        routing?.close();
        await notepadsClosed;
        await consultationClosed;
        await released;
        await cluster.close(); // after io: its adapter publishes through Redis
        await store.close();
      })();
      return closing;
    },
  };
}

/** Waits for `step`, or for CLOSE_GRACE_MS and then says so and goes on. Rejects if `step` does. */
async function withinGrace(step: Promise<void>, what: string, log: Logger): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), CLOSE_GRACE_MS);
  });
  const outcome = await Promise.race([step.then(() => 'done' as const), late]).finally(() => clearTimeout(timer));
  if (outcome === 'late') log.warn({ step: what, graceMs: CLOSE_GRACE_MS }, 'shutdown goes on without waiting any longer');
}
