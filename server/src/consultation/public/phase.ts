import { CONSULTATION_PHASES, SCHEDULED_PHASES, type ConsultationConfig, type ConsultationPhase } from '@open-talks/shared/consultation';

/** The phase in force: the stored one, moved on by any date already passed (as CONS2 says). */
export function phaseNow(config: ConsultationConfig, now: number): ConsultationPhase {
  let phase = config.phase;
  for (const p of SCHEDULED_PHASES) {
    const at = config.schedule[p];
    if (at !== null && at <= now && CONSULTATION_PHASES.indexOf(p) > CONSULTATION_PHASES.indexOf(phase)) phase = p;
  }
  return phase;
}
