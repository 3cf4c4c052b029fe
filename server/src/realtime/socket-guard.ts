import { COMMANDS } from '@open-talks/shared/protocol';
import type { Logger } from '../log.js';
import { personKey, RATE_LIMITED_MESSAGE, rateLimitedError, type PersonBudget } from '../limits/person-budget.js';
import type { ConnectionCap } from './connection-cap.js';
import type { IoSocket } from './types.js';

const LOGGED_EVENT_CHARS = 40; // an event name is cut to this in logs and replies: names are not data
/**
 * Refusals in a row after which a connection is closed (LIMIT3): a client that keeps sending
 * after being told to wait is a loop or a flood, and answering each event costs the server.
 * Our client reconnects by itself, and connecting spends from the same budget.
 */
export const REFUSALS_BEFORE_CLOSE = 50;

/** The one answer to every refused event, built once: a flood's refusals allocate no reply. */
const RATE_LIMITED_REPLY = Object.freeze({ ok: false, error: Object.freeze({ code: 'rate_limited', message: RATE_LIMITED_MESSAGE }) });

export interface GuardDeps {
  budget: PersonBudget;
  cap: ConnectionCap<IoSocket>;
  log: Logger;
}

/** A short, printable version of whatever a client sent as an event name. */
export function shortEventName(event: unknown): string {
  const text = typeof event === 'string' ? event : typeof event;
  const cut = text.slice(0, LOGGED_EVENT_CHARS).replace(/[^\x20-\x7e]/g, '?');
  return text.length > LOGGED_EVENT_CHARS ? `${cut}…` : cut;
}

/**
 * Wraps one connection: caps the person's open connections (LIMIT2), makes every incoming
 * event — known or not — spend from the person's budget before anything else runs (LIMIT1,
 * LIMIT3), answers unknown events without echoing them into the logs, and handles socket
 * errors so none reaches the process as an unhandled 'error'.
 */
export function guardSocket(socket: IoSocket, { budget, cap, log }: GuardDeps): void {
  const { sessionId, participantId } = socket.data;
  const key = personKey(sessionId, participantId);

  // Socket.IO's own listener swallows these (a malformed packet, say); ours says so, briefly.
  socket.on('error', (error: unknown) => {
    const message = error instanceof Error ? error.message.slice(0, 200) : typeof error;
    log.warn({ event: 'socket-error', sessionId, participantId, message }, 'socket error');
  });

  for (const old of cap.admit(key, socket)) {
    old.emit('connection:replaced', { reason: 'too_many_connections', max: cap.max });
    old.disconnect(true);
  }
  socket.on('disconnect', () => cap.release(key, socket));

  let refusedInARow = 0;
  let refusedUntil = 0; // epoch ms: until then this connection's events are refused without asking the budget
  const refuse = (ack: unknown, retryAfterMs: number) => {
    if (typeof ack === 'function') (ack as (reply: unknown) => void)(RATE_LIMITED_REPLY);
    if (++refusedInARow !== REFUSALS_BEFORE_CLOSE) return;
    log.warn({ event: 'flood-closed', sessionId, participantId }, 'closed a connection that kept sending after being refused');
    const token: unknown = socket.handshake.auth?.token;
    if (typeof token === 'string') budget.rememberRefusal(token, retryAfterMs);
    socket.disconnect(true);
  };
  socket.use((packet, next) => {
    const [event] = packet;
    const ack: unknown = packet.at(-1);
    // The person is over their budget until the window ends whatever we ask, so a flood's
    // events are refused here, synchronously, at the cost of one comparison (LIMIT3).
    const waitMs = refusedUntil - Date.now();
    if (waitMs > 0) return refuse(ack, waitMs);
    budget.spend(key).then(
      (spent) => {
        if (!spent.ok) {
          if (spent.firstRefusal)
            log.warn(
              { event: 'rate-limited', sessionId, participantId, retryAfterMs: spent.retryAfterMs },
              'over the command limit; further refusals in this window are not logged',
            );
          refusedUntil = Date.now() + spent.retryAfterMs;
          return refuse(ack, spent.retryAfterMs);
        }
        refusedInARow = 0;
        if (typeof event === 'string' && Object.hasOwn(COMMANDS, event)) return next();
        // An event we do not know is answered, not dropped: the client learns it sent nonsense.
        const name = shortEventName(event);
        log.info({ cmd: name, sessionId, participantId, ok: false, code: 'bad_request' }, 'unknown command');
        if (typeof ack === 'function') (ack as (reply: unknown) => void)({ ok: false, error: { code: 'bad_request', message: `Unknown command "${name}"` } });
      },
      (error: unknown) => next(error instanceof Error ? error : new Error('the rate limiter failed')),
    );
  });
}

/**
 * Connecting spends from the person's budget too (LIMIT3), so a client closed for flooding
 * cannot come straight back, nor can anyone reconnect in a tight loop (each connection gets the
 * whole session state). Throws `rate_limited`; the client retries with its back-off.
 */
export async function spendOnConnect(budget: PersonBudget, token: string, sessionId: string, participantId: string | null): Promise<void> {
  const spent = await budget.spend(personKey(sessionId, participantId));
  if (spent.ok) return;
  budget.rememberRefusal(token, spent.retryAfterMs);
  throw rateLimitedError();
}

/** Before authenticating: a token still refused for its rate costs no storage look-up. */
export function refusedBeforeLookup(budget: PersonBudget, token: unknown): boolean {
  return typeof token === 'string' && budget.refusesToken(token);
}
