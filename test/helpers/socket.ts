import { io, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION } from '../../shared/src/version.js';
import { within } from './wait.js';
import type { ClientToServerEvents, ServerToClientEvents, SessionState } from '../../shared/src/protocol/index.js';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type ConnectError = Error & { data?: { code?: string } };

const open = new Set<ClientSocket>();

/** A real socket.io-client connected with a token; resolves with the first session state. */
export async function connect(baseUrl: string, token: string, options: { transports?: ('polling' | 'websocket')[] } = {}): Promise<{ socket: ClientSocket; state: SessionState }> {
  const socket: ClientSocket = io(baseUrl, {
    auth: { token, version: PROTOCOL_VERSION },
    transports: options.transports ?? ['websocket'],
    reconnectionDelay: 50,
    reconnectionDelayMax: 200,
    forceNew: true,
  });
  open.add(socket);
  const state = await new Promise<SessionState>((resolve, reject) => {
    socket.once('session:state', resolve);
    socket.once('connect_error', reject);
  });
  return { socket, state };
}

/** Resolves with the next payload of `event` that satisfies `match`. */
export function nextEvent<E extends keyof ServerToClientEvents>(
  socket: ClientSocket,
  event: E,
  match: (...args: Parameters<ServerToClientEvents[E]>) => boolean = () => true,
): Promise<Parameters<ServerToClientEvents[E]>> {
  return new Promise((resolve) => {
    const listener = (...args: Parameters<ServerToClientEvents[E]>) => {
      if (!match(...args)) return;
      socket.off(event, listener as never);
      resolve(args);
    };
    socket.on(event, listener as never);
  });
}

/** Sends a command and resolves with its ack. */
export function command<E extends keyof ClientToServerEvents>(
  socket: ClientSocket,
  event: E,
  payload: Parameters<ClientToServerEvents[E]>[0],
): Promise<Parameters<Parameters<ClientToServerEvents[E]>[1]>[0]> {
  return new Promise((resolve) => {
    (socket.emit as (...args: unknown[]) => void)(event, payload, resolve);
  });
}

/** Connects a raw client with exactly this `auth` (no version added) that must be refused; resolves with the refusal. */
export async function refusal(baseUrl: string, auth: Record<string, unknown> | undefined, transports: ('polling' | 'websocket')[] = ['websocket']): Promise<ConnectError> {
  const socket = io(baseUrl, { ...(auth && { auth }), transports, reconnection: false, forceNew: true });
  try {
    return await within(
      new Promise<ConnectError>((resolve, reject) => {
        socket.once('connect_error', resolve);
        socket.once('connect', () => reject(new Error('the connection was accepted')));
      }),
      'connect_error',
    );
  } finally {
    socket.close();
  }
}

export function closeAllSockets(): void {
  for (const socket of open) socket.close();
  open.clear();
}
