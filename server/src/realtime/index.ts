import type { Server as HttpServer } from 'node:http';
import { can, OUTDATED_CLIENT, versionAccepted } from '@open-talks/shared';
import { Server, type ServerOptions } from 'socket.io';
import { toApiError } from '../errors.js';
import type { Logger } from '../log.js';
import type { PersonBudget } from '../limits/person-budget.js';
import type { SessionService } from '../sessions/session-service.js';
import type { Principal } from '../sessions/principal.js';
import { registerCommands, type CommandContext, type Commands, type Sender } from './command.js';
import type { SessionRouter } from '../cluster/router.js';
import { ConnectionCap } from './connection-cap.js';
import type { SocketNotifier } from './notifier.js';
import { displayRoom, participantRoom, sessionRoom, staffRoom, tableRoom } from './rooms.js';
import { guardSocket, refusedBeforeLookup, spendOnConnect } from './socket-guard.js';
import { RATE_LIMITED_MESSAGE, rateLimitedError } from '../limits/person-budget.js';
import type { IoServer, IoSocket } from './types.js';

export const MAX_MESSAGE_BYTES = 64 * 1024; // a command is small; this stops 10 MB names at the door

/** `adapter`: several nodes share rooms and broadcasts through it (docs/cluster.md CLU15); absent, Socket.IO's in-memory one. */
export function createIo(httpServer: HttpServer, adapter?: ServerOptions['adapter']): IoServer {
  return new Server(httpServer, {
    ...(adapter && { adapter }),
    maxHttpBufferSize: MAX_MESSAGE_BYTES,
    // Long-polling stays on: it is how people behind strict proxies and weak links get in.
    transports: ['polling', 'websocket'],
    serveClient: false,
  });
}

/** VERSION2: a tab from another build is told to reload, before its token is even looked at. */
const OUTDATED_CONNECT = Object.assign(new Error('This page is from another version of Open Talks: reload it'), {
  data: { code: OUTDATED_CLIENT, message: 'This page is from another version of Open Talks: reload it' },
});

/** The refusal of a connection whose token is still refused for its rate: one object for all. */
const RATE_LIMITED_CONNECT = Object.assign(new Error(RATE_LIMITED_MESSAGE), { data: toApiError(rateLimitedError()) });

export interface RealtimeDeps {
  service: SessionService;
  notifier: SocketNotifier;
  /** Every command's handler (createCommands), shared with the HTTP API. */
  commands: Commands;
  log: Logger;
  /** The per-person command budget, shared with the HTTP API (LIMIT1). */
  budget: PersonBudget;
  /** Open Socket.IO connections per person (LIMIT2). */
  socketsPerPerson: number;
  /** In a cluster: runs commands and live reads on each session's owner (CLU30); absent, here. */
  router?: SessionRouter;
}

/** Authenticates every connection, puts it in its rooms, and registers the commands. */
export function attachRealtime(io: IoServer, { service, notifier, commands, log, budget, socketsPerPerson, router }: RealtimeDeps): void {
  const context: CommandContext = { service, log, commands, ...(router && { router }) };
  // The first state comes from the session's owner, which holds its live Town Hall and café (CLU37).
  const stateOf = router
    ? (sender: Sender, handshake: Principal | undefined) => router.state(sender, handshake)
    : async (sender: Sender, handshake: Principal | undefined) => service.state(handshake ?? (await service.resolve(sender.sessionId, sender.participantId)));
  const cap = new ConnectionCap<IoSocket>(socketsPerPerson);

  // Who connected, as the handshake just read them: the first state needs no second read.
  const handshakes = new WeakMap<IoSocket, Principal>();

  io.use((socket, next) => {
    if (!versionAccepted(socket.handshake.auth?.version)) return next(OUTDATED_CONNECT);
    const token: unknown = socket.handshake.auth?.token;
    // A flood's reconnects: refused first thing, synchronously, with an answer built once (LIMIT3).
    if (refusedBeforeLookup(budget, token)) return next(RATE_LIMITED_CONNECT);
    service
      .authenticate(typeof token === 'string' ? token : undefined)
      .then(async (principal) => {
        const sessionId = principal.session.id;
        const participantId = principal.participant?.id ?? null;
        await spendOnConnect(budget, String(token), sessionId, participantId);
        socket.data = { sessionId, participantId };
        handshakes.set(socket, principal);
        const rooms = [sessionRoom(sessionId), participantId ? participantRoom(participantId) : displayRoom(sessionId)];
        if (can(principal.role, 'participants:list')) rooms.push(staffRoom(sessionId));
        await socket.join(rooms);
        next();
      })
      .catch((error: unknown) => {
        const apiError = toApiError(error);
        const refusal = new Error(apiError.message) as Error & { data?: unknown };
        refusal.data = apiError;
        // A reconnect loop that is being refused for its rate must not write a line per try.
        log[apiError.code === 'rate_limited' ? 'debug' : 'info']({ event: 'connect', ok: false, code: apiError.code }, 'connection refused');
        next(refusal);
      });
  });

  io.on('connection', (socket: IoSocket) => {
    // Handlers first and synchronously: a command sent right after connecting must find them.
    // Unknown events are answered by guardSocket, after they have paid like any other (LIMIT3).
    guardSocket(socket, { budget, cap, log });
    registerCommands(socket, context);
    const { sessionId, participantId } = socket.data;
    socket.on('disconnect', (reason) => {
      log.info({ event: 'disconnect', sessionId, participantId, reason }, 'disconnected');
      notifier.presenceChanged(sessionId, participantId);
    });
    log.info({ event: 'connect', ok: true, sessionId, participantId, transport: socket.conn.transport.name }, 'connected');
    notifier.presenceChanged(sessionId, participantId);
    const handshake = handshakes.get(socket);
    handshakes.delete(socket);
    stateOf({ sessionId, participantId }, handshake)
      .then(async (state) => {
        // Table prompts reach the people at the table through its room, joined on this node.
        if (state.cafe?.seat) await socket.join(tableRoom(sessionId, state.cafe.seat.table.id));
        socket.emit('session:state', state);
      })
      .catch((error: unknown) => {
        // A session between owners: closing the transport (not the socket) lets the client
        // reconnect by itself and ask again (CLU37); anything else ends the connection.
        if (toApiError(error).code === 'unavailable') {
          log.warn({ sessionId }, 'the session owner could not be reached for the session state');
          socket.conn.close();
          return;
        }
        log.error({ err: error, sessionId }, 'could not send the session state');
        socket.disconnect(true);
      });
  });
}
