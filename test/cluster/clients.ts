// Real socket.io-client participants connecting through the proxy, with what the cluster tests
// check about them: each session:state they were sent and how long a lost connection took to
// come back.
import { io } from 'socket.io-client';
import { PROTOCOL_VERSION } from '../../shared/src/version.js';
import type { SessionState } from '../../shared/src/protocol/index.js';
import type { ClientSocket } from '../helpers/socket.js';

export interface Client {
  socket: ClientSocket;
  /** The latest session:state (first on connect, again on every reconnect). */
  state: SessionState;
  /** ms from each disconnect to the fresh session:state that followed. */
  reconnects: number[];
  /** How many disconnects are not yet followed by a session:state. */
  down(): boolean;
  close(): void;
}

export interface ClientOptions {
  transports?: ('polling' | 'websocket')[];
}

const open = new Set<ClientSocket>();

/**
 * Connects like a browser would through the proxy: cookies kept (HAProxy's stickiness cookie),
 * reconnecting fast. Websocket only unless `transports` says otherwise.
 */
export async function client(url: string, token: string, options: ClientOptions = {}): Promise<Client> {
  const socket: ClientSocket = io(url, {
    auth: { token, version: PROTOCOL_VERSION },
    transports: options.transports ?? ['websocket'],
    withCredentials: true, // the cookie jar: HAProxy's otnode cookie comes back on each request
    reconnectionDelay: 100,
    reconnectionDelayMax: 500,
    forceNew: true,
  });
  open.add(socket);
  let lostAt: number | undefined;
  const me: Client = {
    socket,
    state: undefined as unknown as SessionState,
    reconnects: [],
    down: () => lostAt !== undefined,
    close: () => {
      socket.close();
      open.delete(socket);
    },
  };
  socket.on('disconnect', () => {
    lostAt ??= Date.now();
  });
  socket.on('session:state', (state) => {
    me.state = state;
    if (lostAt !== undefined) me.reconnects.push(Date.now() - lostAt);
    lostAt = undefined;
  });
  // As the web client does (CLU29): a session taken over by another node is read again, and the
  // state read goes where a session:state would.
  socket.on('session:resync', () => {
    void send(socket, 'session:sync', {}).then((ack: { ok: boolean; state?: SessionState } | undefined) => {
      if (!ack?.ok || !ack.state) return;
      for (const listener of socket.listeners('session:state')) listener(ack.state);
    });
  });
  me.state = await new Promise<SessionState>((resolve, reject) => {
    socket.once('session:state', resolve);
    socket.once('connect_error', reject);
  });
  return me;
}

export function closeAllClients(): void {
  for (const socket of open) socket.close();
  open.clear();
}

/** Sends a command; resolves with its ack, or undefined if none came within `ms` (a node died with it). */
export function send(socket: ClientSocket, event: string, payload: unknown, ms = 5_000): Promise<any> {
  return new Promise((resolve) => {
    (socket.timeout(ms).emit as (...args: unknown[]) => void)(event, payload, (error: Error | null, ack: unknown) => resolve(error ? undefined : ack));
  });
}
