import type { AttendanceCounts } from '@open-talks/shared';
import type { ParticipantView, SessionState, SessionView } from '@open-talks/shared/protocol';
import { upsert } from './upsert';

// The session's and the roster's deltas as pure functions: (live, payload) → live. Each returns
// `live` itself when there is nothing to change, so the store keeps its references (and nothing
// re-renders) for an event that does not concern this viewer.

export function withAttendance(live: SessionState | undefined, attendance: AttendanceCounts): SessionState | undefined {
  return live && { ...live, attendance };
}

export function withSession(live: SessionState | undefined, session: SessionView): SessionState | undefined {
  return live && { ...live, session };
}

/** This participant's own record changed; their row in the roster (staff) follows, keeping its presence. */
export function withMe(live: SessionState | undefined, me: ParticipantView): SessionState | undefined {
  if (!live || live.viewer.kind !== 'participant') return live;
  const participants = live.participants?.map((p) => (p.id === me.id ? { ...me, online: p.online } : p));
  return { ...live, viewer: { kind: 'participant', participant: me }, ...(participants && { participants }) };
}

/** Adds a person to the roster, or replaces them where they stand (only staff have a roster). */
export function withParticipant(live: SessionState | undefined, participant: ParticipantView): SessionState | undefined {
  return live?.participants ? { ...live, participants: upsert(live.participants, participant) } : live;
}

export function withoutParticipant(live: SessionState | undefined, participantId: string): SessionState | undefined {
  return live?.participants ? { ...live, participants: live.participants.filter((p) => p.id !== participantId) } : live;
}
