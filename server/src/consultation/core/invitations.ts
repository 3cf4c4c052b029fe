// Joining by invitation (CONS17): when a consultation's access is `invitation`, POST /api/join
// needs an unused code; it is marked used in the same transaction as the participant's insert.
import { AppError } from '../../errors.js';
import type { Repos, SessionRecord } from '../../store/index.js';

/** Accepts what people type ("abcd-efgh", " ABCD EFGH ") and returns the stored form. */
export const normalizeInvitationCode = (input: string) => input.toUpperCase().replace(/[\s-]/g, '');

/** The code the join must use, or null when the session needs none. Refuses a missing or unknown code. */
export async function invitationNeeded(repos: Repos, session: SessionRecord, code: string | undefined): Promise<string | null> {
  if (session.format !== 'consultation') return null;
  const config = await repos.consultation.config(session.id);
  if (config?.settings.access !== 'invitation') return null;
  if (code === undefined || code.trim() === '') throw new AppError('forbidden', 'This consultation needs an invitation code', { reason: 'consultation.invitationNeeded' });
  const normalized = normalizeInvitationCode(code);
  const known = (await repos.consultationItems.invitations(session.id)).find((i) => i.code === normalized);
  if (!known) throw new AppError('forbidden', 'This invitation code is not known', { reason: 'consultation.invitationUnknown' });
  if (known.usedAt !== null) throw new AppError('conflict', 'This invitation code was already used', { reason: 'consultation.invitationUsed' });
  return normalized;
}

/** Marks the code used by the new participant, inside the join's transaction; refuses if someone used it meanwhile. */
export async function useInvitation(repos: Repos, sessionId: string, code: string, participantId: string, at: number): Promise<void> {
  if (!(await repos.consultationItems.useInvitation(sessionId, code, participantId, at))) {
    throw new AppError('conflict', 'This invitation code was already used', { reason: 'consultation.invitationUsed' });
  }
}
