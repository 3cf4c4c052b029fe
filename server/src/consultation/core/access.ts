// What every core service shares: who may see what, the consultation's configuration (a default
// until the first change writes its row), and the one way a command runs (CONS19): one at a time
// per session, its writes in one transaction, its announcements only after the commit.
import { can } from '@open-talks/shared';
import { defaultConsultationConfig, effectivePhase, phaseAllows, type ConsultationAct, type ConsultationConfig } from '@open-talks/shared/consultation';
import type { ConsultationPhase } from '@open-talks/shared/consultation';
import { AppError, orThrow } from '../../errors.js';
import type { Principal } from '../../sessions/principal.js';
import type { Repos, SessionRecord } from '../../store/index.js';
import type { ConsultationContext } from '../context.js';
import type { Audience } from '../views.js';

export function requireConsultation(session: SessionRecord): void {
  if (session.format !== 'consultation') throw new AppError('conflict', 'This session is not a consultation', { reason: 'consultation.notConsultation' });
}

/** Staff of a consultation: those who moderate it (facilitator, moderators). */
export const isStaff = (principal: Pick<Principal, 'role'>) => can(principal.role, 'consultation:moderate');

export function audienceOf(principal: Principal): Audience {
  return { staff: isStaff(principal), participantId: principal.participant?.id ?? null };
}

/** The acting person (the projector display takes no part). */
export function personOf(principal: Principal): string {
  if (!principal.participant) throw new AppError('conflict', 'The projector screen cannot do this', { reason: 'consultation.displayCannot' });
  return principal.participant.id;
}

/** The stored configuration, or the default one of a consultation nobody has changed yet. */
export async function loadConfig(repos: Repos, sessionId: string): Promise<ConsultationConfig> {
  return (await repos.consultation.config(sessionId)) ?? defaultConsultationConfig();
}

export function requirePhase(phase: ConsultationPhase, act: ConsultationAct): void {
  orThrow(phaseAllows(phase, act));
}

/** One command's working set: its transaction's repos, the configuration, the phase in force, and what to announce after. */
export interface Step {
  repos: Repos;
  config: ConsultationConfig;
  phase: ConsultationPhase;
  now: number;
  session: SessionRecord;
  /** Runs after the commit (announcements never go out for writes that did not land). */
  after(announce: () => Promise<void> | void): void;
}

/** Runs one consultation command: in order per session, in one transaction, announced after the commit. */
export async function runStep<T>(ctx: ConsultationContext, session: SessionRecord, work: (step: Step) => Promise<T>): Promise<T> {
  requireConsultation(session);
  return ctx.mutex.run(session.id, async () => {
    const afterCommit: (() => Promise<void> | void)[] = [];
    const now = ctx.now();
    const result = await ctx.store.transaction(async (repos) => {
      const config = await loadConfig(repos, session.id);
      return work({ repos, config, phase: effectivePhase(config, now), now, session, after: (announce) => afterCommit.push(announce) });
    });
    for (const announce of afterCommit) {
      try {
        await announce();
      } catch (error) {
        ctx.log.error({ err: error, sessionId: session.id }, 'consultation announcement failed');
      }
    }
    return result;
  });
}

export function notFound(what: 'contribution' | 'comment' | 'response' | 'question'): never {
  throw new AppError('not_found', `No such ${what}`, { reason: `consultation.${what}NotFound` });
}
