// Access to notepads follows who people are and where they sit: whenever a session, a participant
// or the café changes in a way that can move access, the notepad server re-checks that session's
// connections. Seats alone, timers and prompts move nothing.
import type { EventBus } from '../events/bus.js';
import type { Logger } from '../log.js';
import type { NotepadServer } from './notepad-server.js';

/** Subscribe after the Socket.IO notifier, so screens hear of a change before access is re-checked. */
export function notepadAccessFollows(bus: EventBus, notepads: NotepadServer, log: Logger): void {
  const revalidate = (sessionId: string) => void notepads.revalidate(sessionId).catch((error: unknown) => log.error({ err: error, sessionId }, 'notepad revalidation failed'));
  bus.subscribe('participant:changed', ({ participant }) => revalidate(participant.sessionId));
  bus.subscribe('participant:removed', ({ participant }) => revalidate(participant.sessionId));
  bus.subscribe('session:changed', ({ session }) => revalidate(session.id)); // whether observers read the tables' notes (NOTE3)
  bus.subscribe('session:projector-key-rotated', ({ sessionId }) => notepads.closeDisplays(sessionId));
  bus.subscribe('cafe:changed', ({ sessionId }) => revalidate(sessionId));
  // A round started or ended, or the plan or tables changed: the café run announces it so.
  bus.subscribe('cafe:live', ({ sessionId }) => revalidate(sessionId));
}
