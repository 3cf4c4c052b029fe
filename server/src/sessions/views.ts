import type { ParticipantView, SessionView } from '@open-talks/shared/protocol';
import type { ParticipantRecord, SessionRecord } from '../store/index.js';

/** `machineEngine`: the server's machine translation engine, null when none is configured (MT21). */
export function sessionView(session: SessionRecord, machineEngine: string | null): SessionView {
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
    machineTranslation: session.machineTranslation,
    machineEngine,
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
