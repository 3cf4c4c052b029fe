import type { ParticipantView, SessionView } from '@open-talks/shared/protocol';
import type { ParticipantRecord, SessionRecord } from '../store/index.js';

export function sessionView(session: SessionRecord): SessionView {
  return {
    id: session.id,
    title: session.title,
    format: session.format,
    languages: session.languages,
    attribution: session.attribution,
    joinCode: session.joinCode,
    createdAt: session.createdAt,
    observerNotes: session.observerNotes,
    projector: session.projector,
  };
}

export function participantView(participant: ParticipantRecord, online: boolean): ParticipantView {
  return {
    id: participant.id,
    displayName: participant.displayName,
    role: participant.role,
    mode: participant.mode,
    stakeholderGroup: participant.stakeholderGroup,
    language: participant.language,
    joinedAt: participant.joinedAt,
    online,
    ...(participant.hub && { hub: participant.hub }),
  };
}
