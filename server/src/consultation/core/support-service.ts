// Supports and flags (CONS7, CONS8, CONS12): the pure rules decide, the rows and the counts kept
// on the contribution change in the same transaction.
import { decideFlag, decideSupport, type ContributionStatus, type FlagReason, type SupportTarget } from '@open-talks/shared/consultation';
import type { supportPayload } from '@open-talks/shared/protocol';
import type { z } from 'zod';
import { orThrow } from '../../errors.js';
import type { Principal } from '../../sessions/principal.js';
import type { ContributionRecord } from '../../store/consultation-repo.js';
import type { ConsultationContext } from '../context.js';
import { visibleTo } from '../views.js';
import { audienceOf, notFound, personOf, requirePhase, runStep } from './access.js';
import type { Announcer } from './announce.js';

const targetOf = (row: ContributionRecord): SupportTarget => ({
  id: row.id,
  questionId: row.question_id,
  authorId: row.author_id,
  status: (row.merged_into === null ? row.status : 'hidden') as ContributionStatus,
});

export class SupportService {
  constructor(
    private readonly ctx: ConsultationContext,
    private readonly announce: Announcer,
  ) {}

  support(principal: Principal, body: z.output<typeof supportPayload>) {
    const me = personOf(principal);
    return runStep(this.ctx, principal.session, async (step) => {
      const { repos, session } = step;
      const row = await repos.consultation.contribution(session.id, body.contributionId);
      if (!row) notFound('contribution');
      const supported = (await repos.consultationItems.supportedBy(session.id, me))[row.question_id] ?? [];
      // A support stays takeable back (and movable) after its contribution was hidden or merged.
      if (!supported.includes(row.id) && !visibleTo(row.status, row.author_id, audienceOf(principal))) notFound('contribution');
      const from = body.moveFrom === undefined ? undefined : await repos.consultation.contribution(session.id, body.moveFrom);
      if (body.moveFrom !== undefined && !from) notFound('contribution');
      const limit = step.config.settings.supportsPerQuestion;
      const decision = orThrow(
        decideSupport({ phase: step.phase, limit, personId: me, target: targetOf(row), supported, support: body.support, moveFrom: from && targetOf(from) }),
      );
      const changed = [...decision.remove];
      for (const id of decision.remove) await repos.consultationItems.removeSupport(id, me);
      if (decision.add !== null) {
        await repos.consultationItems.addSupports([{ contributionId: decision.add, participantId: me, sessionId: session.id, questionId: row.question_id, at: step.now }]);
        changed.push(decision.add);
      }
      const counts = new Map<string, { supports: number; comments: number }>();
      for (const id of changed) counts.set(id, await repos.consultation.recount(id));
      step.after(async () => {
        for (const [id, c] of counts) this.announce.counts(session.id, id, c);
        if (changed.length > 0) await this.announce.you(session, me);
      });
      const supports = counts.get(row.id)?.supports ?? row.supports;
      return { contributionId: row.id, supports, supported: decision.supported, remaining: Math.max(0, limit - decision.supported.length) };
    });
  }

  /** CONS12: distinct people; at the threshold a published, not-yet-reviewed contribution goes back to pending. */
  flag(principal: Principal, contributionId: string, reason: FlagReason): Promise<{ flagged: true }> {
    const me = personOf(principal);
    return runStep(this.ctx, principal.session, async (step) => {
      const { repos, session } = step;
      const row = await repos.consultation.contribution(session.id, contributionId);
      if (!row || !visibleTo(row.status, row.author_id, audienceOf(principal))) notFound('contribution');
      requirePhase(step.phase, 'flag');
      const flaggers = await repos.consultationItems.flaggers(row.id);
      const decision = orThrow(
        decideFlag({ status: targetOf(row).status, authorId: row.author_id, reviewed: row.reviewed === 1, flaggers }, me, step.config.settings.flagThreshold),
      );
      if (!decision.added) return { flagged: true };
      await repos.consultationItems.addFlag({ contribution_id: row.id, participant_id: me, session_id: session.id, reason, created_at: step.now });
      await repos.consultation.updateContribution(row.id, { flags: decision.flags, ...(decision.toPending && { status: 'pending' }) });
      step.after(async () => {
        await this.announce.contribution(session, row.id, true);
        await this.announce.moderation(session.id);
        if (decision.toPending) await this.announce.changed(session.id);
      });
      return { flagged: true };
    });
  }
}
