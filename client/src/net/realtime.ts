import { estimateOffset, OUTDATED_CLIENT, PROTOCOL_VERSION, type ClockSample } from '@open-talks/shared';
import type { Ack, ApiError, ClientToServerEvents, ServerToClientEvents } from '@open-talks/shared/protocol';
import { io, type Socket } from 'socket.io-client';
import { useLive } from '../state/live-store';
import { markOutdated } from './outdated';
import { CLOCK_RESYNC_SPREAD, RECONNECT_OPTIONS } from './reconnect-options';
import { serverEventHandlers } from './server-events';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const ACK_TIMEOUT = 10_000; // ms: past this a command is reported as a network failure
const REFUSALS: ReadonlySet<string> = new Set(['removed', 'unauthenticated']);

let socket: ClientSocket | undefined;

/**
 * Opens the one connection of this tab. socket.io-client reconnects by itself after a
 * network loss or a server restart, and the server answers every (re)connect with the full
 * state, so the screen is never stale. Returns a function that closes it.
 */
export function connectLive(token: string): () => void {
  disconnectLive();
  const store = useLive.getState();
  store.reset();
  store.setStatus('connecting');
  const s: ClientSocket = io({ auth: { token, version: PROTOCOL_VERSION }, ...RECONNECT_OPTIONS });
  socket = s;

  let connectedBefore = false;
  s.on('connect', () => {
    useLive.getState().setStatus('connected');
    if (!connectedBefore) void measureClock();
    else setTimeout(() => s.connected && void measureClock(), Math.random() * CLOCK_RESYNC_SPREAD);
    connectedBefore = true;
  });
  s.on('disconnect', (reason) => {
    const status = useLive.getState().status;
    // Replaced by a newer tab (LIMIT2): reconnecting would close that one, and so on for ever.
    if (status === 'refused' || status === 'replaced') return;
    useLive.getState().setStatus('reconnecting');
    // The server closed us on purpose (a new projector key, say): ask again; the handshake decides.
    if (reason === 'io server disconnect') s.connect();
  });
  s.on('connect_error', (error: Error & { data?: ApiError | { code: typeof OUTDATED_CLIENT } }) => {
    const code = error.data?.code;
    if (code === OUTDATED_CLIENT) {
      markOutdated(); // VERSION4: this page is from another build; retrying cannot help
      s.disconnect();
    } else if (code && REFUSALS.has(code)) {
      useLive.getState().setStatus('refused', code);
      s.disconnect();
    } else {
      useLive.getState().setStatus('reconnecting');
    }
  });

  const handlers = serverEventHandlers(resync);
  for (const event of Object.keys(handlers) as (keyof ServerToClientEvents)[]) {
    const handler = handlers[event];
    if (handler) s.on(event, handler);
  }

  return disconnectLive;
}

/** The whole state again, as this viewer may now see it. */
function resync(): void {
  void command('session:sync', {}).then((ack) => ack.ok && useLive.getState().applyState(ack.state));
}

const CLOCK_SAMPLES = 5;

/** Estimates this device's clock offset from a few pings (TIME9), so every countdown agrees. */
async function measureClock(): Promise<void> {
  const samples: ClockSample[] = [];
  for (let i = 0; i < CLOCK_SAMPLES; i++) {
    const clientSentAt = Date.now();
    const ack = await command('clock:ping', {});
    if (!ack.ok) return;
    samples.push({ clientSentAt, serverTime: ack.serverTime, clientReceivedAt: Date.now() });
  }
  const offset = estimateOffset(samples);
  if (offset) useLive.getState().setClockOffset(offset.offsetMs);
}

/** The person chose this tab again after it was replaced: it connects, and the oldest other one yields. */
export function reconnectLive(): void {
  if (!socket || socket.connected) return;
  useLive.getState().setStatus('connecting');
  socket.connect();
}

export function disconnectLive(): void {
  socket?.removeAllListeners();
  socket?.disconnect();
  socket = undefined;
}

type AckOf<E extends keyof ClientToServerEvents> = Parameters<Parameters<ClientToServerEvents[E]>[1]>[0];

/** Sends a command and resolves with its ack; a lost connection or a time-out becomes a `network` error. */
export async function command<E extends keyof ClientToServerEvents>(
  event: E,
  payload: Parameters<ClientToServerEvents[E]>[0],
): Promise<AckOf<E> | { ok: false; error: { code: 'network'; message: string } }> {
  if (!socket) return { ok: false, error: { code: 'network', message: 'not connected' } };
  try {
    const timed = socket.timeout(ACK_TIMEOUT) as unknown as { emitWithAck(event: E, payload: unknown): Promise<Ack> };
    return await timed.emitWithAck(event, payload);
  } catch {
    return { ok: false, error: { code: 'network', message: 'no answer from the server' } };
  }
}
