import { COMMANDS } from '@open-talks/shared/protocol';
import type { Logger } from '../log.js';
import { personKey, RATE_LIMITED_MESSAGE, type PersonBudget } from '../limits/person-budget.js';
import type { ConnectionCap } from './connection-cap.js';
import type { IoSocket } from './types.js';

const LOGGED_EVENT_CHARS = 40; // an event name is cut to this in logs and replies: names are not data

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

  socket.use((packet, next) => {
    const [event] = packet;
    const ack: unknown = packet.at(-1);
    budget.spend(key).then(
      (spent) => {
        if (!spent.ok) {
          if (spent.firstRefusal) log.warn({ event: 'rate-limited', sessionId, participantId, retryAfterMs: spent.retryAfterMs }, 'over the command limit; further refusals in this window are not logged');
          if (typeof ack === 'function') ack({ ok: false, error: { code: 'rate_limited', message: RATE_LIMITED_MESSAGE } });
          return;
        }
        if (typeof event === 'string' && Object.hasOwn(COMMANDS, event)) return next();
        // An event we do not know is answered, not dropped: the client learns it sent nonsense.
        const name = shortEventName(event);
        log.info({ cmd: name, sessionId, participantId, ok: false, code: 'bad_request' }, 'unknown command');
        if (typeof ack === 'function') ack({ ok: false, error: { code: 'bad_request', message: `Unknown command "${name}"` } });
      },
      (error: unknown) => next(error instanceof Error ? error : new Error('the rate limiter failed')),
    );
  });
}
