// Phases (CONS1–CONS3): what each phase allows, the phase in force at a time (the stored one moved
// on by any schedule date already passed), and the schedule's own rules.
import { refusals, type Result } from '../result.js';
import type { ConsultationConfig, ConsultationSchedule } from './types.js';
import { CONSULTATION_PHASES, SCHEDULED_PHASES, type ConsultationPhase, type ScheduledPhase } from './words.js';

const { conflict } = refusals('consultation');

/** What a participant may do; moderation and responses are staff's in every phase. */
export type ConsultationAct = 'submit' | 'edit' | 'comment' | 'support' | 'flag' | 'statements';

/** CONS1: the phase matrix. Draft: people may join but nothing is open yet; closed and answered: nothing new. */
export const PHASE_ALLOWS: Record<ConsultationPhase, ReadonlySet<ConsultationAct>> = {
  draft: new Set(),
  contributions: new Set(['submit', 'edit', 'comment', 'support', 'flag', 'statements']),
  comments: new Set(['comment', 'support', 'flag', 'statements']),
  closed: new Set(),
  answered: new Set(),
};

export const phaseIndex = (phase: ConsultationPhase) => CONSULTATION_PHASES.indexOf(phase);

/** CONS2: the stored phase moved on by every schedule date already passed (never moved back by a date). */
export function effectivePhase(config: Pick<ConsultationConfig, 'phase' | 'schedule'>, now: number): ConsultationPhase {
  let phase = config.phase;
  for (const scheduled of SCHEDULED_PHASES) {
    const at = config.schedule[scheduled];
    if (at !== null && at <= now && phaseIndex(scheduled) > phaseIndex(phase)) phase = scheduled;
  }
  return phase;
}

/** The next phase a date will start, after the one in force now. */
export function nextScheduled(config: Pick<ConsultationConfig, 'phase' | 'schedule'>, now: number): { phase: ScheduledPhase; at: number } | null {
  const current = phaseIndex(effectivePhase(config, now));
  let next: { phase: ScheduledPhase; at: number } | null = null;
  for (const scheduled of SCHEDULED_PHASES) {
    const at = config.schedule[scheduled];
    if (at === null || at <= now || phaseIndex(scheduled) <= current) continue;
    if (next === null || at < next.at) next = { phase: scheduled, at };
  }
  return next;
}

/** CONS1: may this act happen in this phase? The refusal names the phase. */
export function phaseAllows(phase: ConsultationPhase, act: ConsultationAct): Result<object> {
  if (PHASE_ALLOWS[phase].has(act)) return { ok: true };
  if (phase === 'draft') return conflict('The consultation is not open yet', 'notOpenYet', { phase });
  if (act === 'submit' || act === 'edit') return conflict(`Contributions are closed in the "${phase}" phase`, 'contributionsClosed', { phase });
  return conflict(`This is closed in the "${phase}" phase`, 'phaseClosed', { phase });
}

/**
 * CONS3: a schedule is valid when its dates run in phase order, and every date that changes is
 * in the future (a date already set and unchanged may have passed).
 */
export function checkSchedule(before: ConsultationSchedule, after: ConsultationSchedule, now: number): Result<{ schedule: ConsultationSchedule }> {
  for (const phase of SCHEDULED_PHASES) {
    const at = after[phase];
    if (at !== null && at !== before[phase] && at <= now) return conflict(`The date for "${phase}" is in the past`, 'dateInPast', { phase });
  }
  let last: { phase: ScheduledPhase; at: number } | null = null;
  for (const phase of SCHEDULED_PHASES) {
    const at = after[phase];
    if (at === null) continue;
    if (last !== null && at <= last.at) return conflict(`"${phase}" must start after "${last.phase}"`, 'dateOrder', { phase, before: last.phase });
    last = { phase, at };
  }
  return { ok: true, schedule: after };
}
