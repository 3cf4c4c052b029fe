import { can } from '@open-talks/shared';
import { AppError } from '../../errors.js';
import type { Principal } from '../../sessions/principal.js';
import type { Audience } from '../views.js';

/** The consultation's reads answer only in a consultation (CONS20). */
export function requireConsultation(principal: Principal): void {
  if (principal.session.format !== 'consultation') {
    throw new AppError('conflict', 'This session is not a consultation', { reason: 'consultationSearch.notConsultation' });
  }
}

/** Who reads: staff (who may moderate) see every status and the flags; a person sees their own comments. */
export function audienceOf(principal: Principal): Audience {
  return { staff: can(principal.role, 'consultation:moderate'), participantId: principal.participant?.id ?? null };
}
