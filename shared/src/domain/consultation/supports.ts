// Supports (CONS7–CONS8): a fixed number per person per question, never on one's own, only on
// published contributions, while the phase allows; `moveFrom` moves one at the limit in one step.
import { refusals, type Result } from '../result.js';
import { phaseAllows } from './phases.js';
import type { ConsultationPhase, ContributionStatus } from './words.js';

const { conflict } = refusals('consultation');

export interface SupportTarget {
  id: string;
  questionId: string;
  authorId: string | null;
  status: ContributionStatus;
}

export interface SupportRequest {
  phase: ConsultationPhase;
  limit: number;
  personId: string;
  target: SupportTarget;
  /** The contributions of the target's question this person supports now. */
  supported: readonly string[];
  support: boolean;
  /** A contribution of the same question to take the support back from in the same step. */
  moveFrom?: SupportTarget | undefined;
}

/** What changes: supports added and removed (contribution ids), and the person's supports after. */
export interface SupportDecision {
  add: string | null;
  remove: string[];
  supported: string[];
}

export function decideSupport(request: SupportRequest): Result<SupportDecision> {
  const { target, supported, personId } = request;
  const allowed = phaseAllows(request.phase, 'support');
  if (!allowed.ok) return allowed;
  if (!request.support) {
    if (!supported.includes(target.id)) return { ok: true, add: null, remove: [], supported: [...supported] };
    return { ok: true, add: null, remove: [target.id], supported: supported.filter((id) => id !== target.id) };
  }
  if (target.status !== 'published') return conflict('Only a published contribution can be supported', 'supportNotPublished');
  if (target.authorId === personId) return conflict('You cannot support your own contribution', 'supportOwn');
  if (supported.includes(target.id)) return { ok: true, add: null, remove: [], supported: [...supported] };
  let after = [...supported];
  const remove: string[] = [];
  if (request.moveFrom) {
    const from = request.moveFrom;
    if (from.questionId !== target.questionId) return conflict('A support moves only within one question', 'supportMoveQuestion');
    if (!after.includes(from.id)) return conflict('You do not support that contribution', 'supportMoveNotSupported');
    after = after.filter((id) => id !== from.id);
    remove.push(from.id);
  }
  if (after.length >= request.limit) return conflict(`You have used your ${request.limit} supports for this question`, 'supportLimit', { limit: request.limit });
  after.push(target.id);
  return { ok: true, add: target.id, remove, supported: after };
}
