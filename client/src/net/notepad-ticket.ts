// NOTE16: the upstream WebsocketProvider, unmodified, opened with a fresh single-use ticket each
// time (no token in a WebSocket URL). Created with `connect: false`; this takes over its
// reconnecting: where the provider would reconnect by itself (with a spent ticket), we ask for
// a new ticket first, with the provider's own backoff. Works in the browser and in Node (tests).
import type { WebsocketProvider } from 'y-websocket';

/**
 * The provider's `shouldReconnect`: not after 44xx (the upstream rule: reconnecting cannot help),
 * nor after 1009 (a message over the server's frame limit, NOTE12: sending the same changes again
 * would only be refused again).
 */
export function notepadShouldReconnect(event: CloseEvent): boolean {
  return !(event.code >= 4400 && event.code < 4500) && event.code !== 1009;
}

export interface TicketedConnection {
  /** Fetch a ticket, then connect (now: after a terminal close, or coming back online). */
  connect(): void;
  /** Stop connecting and close the connection (going offline); connect() resumes. */
  disconnect(): void;
  /** For good: disconnect and let go of the provider. */
  stop(): void;
}

/**
 * @param fetchTicket asks the server for a ticket (POST /api/notepad-tickets).
 * @param keepTrying told why a ticket request failed; false stops (the token is refused), true
 *   tries again after a backoff (the network or the server is away).
 */
export function connectWithTickets(provider: WebsocketProvider, fetchTicket: () => Promise<string>, keepTrying: (error: unknown) => boolean): TicketedConnection {
  let generation = 0; // a newer connect() or stop() makes an older attempt give up
  let timer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  const backoff = (attempt: number) => Math.min(2 ** attempt * 100, provider.maxBackoffTime); // ms, as the provider's own

  const attempt = async (mine: number): Promise<void> => {
    let ticket: string;
    try {
      ticket = await fetchTicket();
    } catch (error) {
      if (mine !== generation || !keepTrying(error)) return;
      failures += 1;
      timer = setTimeout(() => void attempt(mine), backoff(failures));
      return;
    }
    if (mine !== generation) return;
    failures = 0;
    provider.params = { ...provider.params, ticket }; // beside the protocol version (VERSION3)
    provider.connect();
  };
  const schedule = (delay: number) => {
    clearTimeout(timer);
    const mine = ++generation;
    timer = setTimeout(() => void attempt(mine), delay);
  };

  // Emitted before the provider schedules its own reconnect: it must not reuse the spent ticket.
  const onClose = (event: CloseEvent | null) => {
    const again = provider.shouldConnect && (event === null || provider.shouldReconnect(event, provider));
    provider.shouldConnect = false; // the provider's scheduled reconnect becomes a no-op
    if (again) schedule(backoff(provider.wsUnsuccessfulReconnects + 1));
  };
  provider.on('connection-close', onClose);

  return {
    connect: () => schedule(0),
    disconnect() {
      generation += 1;
      clearTimeout(timer);
      provider.disconnect();
    },
    stop() {
      this.disconnect();
      provider.off('connection-close', onClose);
    },
  };
}
