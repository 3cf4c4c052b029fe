// Access to notepads follows who people are and where they sit: whenever the session service or
// the café says something of that changed, the notepad server re-checks that session's connections.
import type { CafePublicView, CafeView, PromptView, RoundTimerPayload, SeatView } from '@open-talks/shared/protocol';
import type { CafeNotifier } from '../cafe/cafe-service.js';
import type { RunNotifier } from '../cafe/run-service.js';
import type { Logger } from '../log.js';
import type { Notifier } from '../sessions/session-service.js';
import type { ParticipantRecord, SessionRecord } from '../store/index.js';
import type { NotepadServer } from './notepad-server.js';

type Notifying = Notifier & CafeNotifier & RunNotifier;

/** `inner` as it was, plus a notepad revalidation after each change that can move access. */
export function withNotepadRevalidation(inner: Notifying, notepads: NotepadServer, log: Logger): Notifying {
  const revalidate = (sessionId: string) =>
    void notepads.revalidate(sessionId).catch((error: unknown) => log.error({ err: error, sessionId }, 'notepad revalidation failed'));
  return {
    participantChanged(participant: ParticipantRecord) {
      inner.participantChanged(participant);
      revalidate(participant.sessionId);
    },
    participantRemoved(participant: ParticipantRecord) {
      inner.participantRemoved(participant);
      revalidate(participant.sessionId);
    },
    sessionChanged(session: SessionRecord) {
      inner.sessionChanged(session);
      revalidate(session.id); // whether observers read the tables' notes (NOTE3)
    },
    projectorKeyRotated(sessionId: string) {
      inner.projectorKeyRotated(sessionId);
      notepads.closeDisplays(sessionId);
    },
    cafeChanged(sessionId: string, cafe: CafeView) {
      inner.cafeChanged(sessionId, cafe);
      revalidate(sessionId);
    },
    // A round started or ended, or the plan or tables changed: the café run announces it so.
    cafeLive(sessionId: string, live: CafePublicView) {
      inner.cafeLive(sessionId, live);
      revalidate(sessionId);
    },
    seats(sessionId: string, seats: ReadonlyMap<string, SeatView | null>, tableIds: readonly string[]) {
      inner.seats(sessionId, seats, tableIds);
    },
    roundTimer(sessionId: string, payload: RoundTimerPayload) {
      inner.roundTimer(sessionId, payload);
    },
    prompt(sessionId: string, prompt: PromptView) {
      inner.prompt(sessionId, prompt);
    },
  };
}
