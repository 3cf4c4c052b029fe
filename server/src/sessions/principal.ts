import { can, type Action, type Role } from '@open-talks/shared';
import { AppError } from '../errors.js';
import type { ParticipantRecord, SessionRecord } from '../store/index.js';

/** Who is acting: a participant of a session, or that session's projector display. */
export interface Principal {
  session: SessionRecord;
  /** null for the projector display. */
  participant: ParticipantRecord | null;
  /** The role the permission table is read with; a display reads as an observer. */
  role: Role;
}

export function authorize(principal: Principal, action: Action): void {
  if (!can(principal.role, action)) {
    throw new AppError('forbidden', `A ${principal.role} may not do this (${action})`);
  }
}

export function requireSameSession(principal: Principal, sessionId: string): void {
  if (principal.session.id !== sessionId) {
    throw new AppError('forbidden', 'This token belongs to another session');
  }
}
