// Moderation (CONS10–CONS14): approve, hide with a reason the author sees, merge duplicates
// (supports add up, nobody twice), tag with themes, mark to carry into the information document.
import { cleanThemes, decideApprove, decideHide, decideMerge, type ContributionStatus } from '@open-talks/shared/consultation';
import type { CommentView, ContributionView } from '@open-talks/shared/protocol';
import { AppError, orThrow } from '../../errors.js';
import type { Principal } from '../../sessions/principal.js';
import type { ContributionRecord } from '../../store/consultation-repo.js';
import type { ConsultationContext } from '../context.js';
import { commentView } from '../views.js';
import { audienceOf, notFound, runStep, type Step } from './access.js';
import type { Announcer } from './announce.js';
import { contributionViewOf } from './views.js';

type Moderate = (row: ContributionRecord, step: Step) => Promise<void>;

export class ModerationService {
  constructor(
    private readonly ctx: ConsultationContext,
    private readonly announce: Announcer,
  ) {}

  approve(principal: Principal, contributionId: string) {
    return this.moderate(principal, contributionId, async (row, { repos }) => {
      orThrow(decideApprove(row.status as ContributionStatus, row.merged_into));
      await repos.consultation.updateContribution(row.id, { status: 'published', hidden_reason: null, reviewed: row.flags > 0 ? 1 : row.reviewed });
    });
  }

  hide(principal: Principal, contributionId: string, reason: string) {
    return this.moderate(principal, contributionId, async (row, { repos }) => {
      orThrow(decideHide(row.status as ContributionStatus));
      await repos.consultation.updateContribution(row.id, { status: 'hidden', hidden_reason: reason });
    });
  }

  tag(principal: Principal, contributionId: string, themes: string[]) {
    return this.moderate(principal, contributionId, async (row, { repos }) => {
      await repos.consultation.updateContribution(row.id, { themes: JSON.stringify(cleanThemes(themes)) });
    });
  }

  carry(principal: Principal, contributionId: string, carry: boolean) {
    return this.moderate(principal, contributionId, async (row, { repos }) => {
      await repos.consultation.updateContribution(row.id, { carry: carry ? 1 : 0 });
    });
  }

  /** CONS11: the source becomes hidden with `merged_into`; its supporters and comments move to the target. */
  merge(principal: Principal, sourceId: string, targetId: string): Promise<{ contribution: ContributionView }> {
    return runStep(this.ctx, principal.session, async (step) => {
      const { repos, session } = step;
      const source = await repos.consultation.contribution(session.id, sourceId);
      const target = await repos.consultation.contribution(session.id, targetId);
      if (!source || !target) notFound('contribution');
      const side = async (row: ContributionRecord) => ({
        id: row.id,
        questionId: row.question_id,
        status: row.status as ContributionStatus,
        mergedInto: row.merged_into,
        supporters: await repos.consultationItems.supporters(row.id),
      });
      const decision = orThrow(decideMerge(await side(source), await side(target)));
      const added = decision.added.map((participantId) => ({ contributionId: target.id, participantId, sessionId: session.id, questionId: target.question_id, at: step.now }));
      // The target's author may have supported the duplicate: they never support their own.
      await repos.consultationItems.addSupports(added.filter((a) => a.participantId !== target.author_id));
      await repos.consultationItems.removeAllSupports(source.id);
      await repos.consultationItems.moveComments(source.id, target.id);
      await repos.consultation.updateContribution(source.id, { status: 'hidden', merged_into: target.id });
      await repos.consultation.recount(source.id);
      const counts = await repos.consultation.recount(target.id);
      step.after(async () => {
        await this.announce.contribution(session, source.id, source.status === 'published');
        await this.announce.contribution(session, target.id, target.status === 'published');
        this.announce.counts(session.id, target.id, counts);
        await this.announce.moderation(session.id);
        await this.announce.changed(session.id);
        for (const person of [...decision.added, ...decision.refunded]) await this.announce.you(session, person);
      });
      return { contribution: await contributionViewOf(repos, session.id, target.id, session.attribution, audienceOf(principal)) };
    });
  }

  approveComment(principal: Principal, commentId: string) {
    return this.moderateComment(principal, commentId, (status) => {
      if (status === 'published') throw new AppError('conflict', 'It is already published', { reason: 'consultation.alreadyPublished' });
      return { status: 'published', hidden_reason: null };
    });
  }

  hideComment(principal: Principal, commentId: string, reason: string) {
    return this.moderateComment(principal, commentId, (status) => {
      if (status === 'hidden') throw new AppError('conflict', 'It is already hidden', { reason: 'consultation.alreadyHidden' });
      return { status: 'hidden', hidden_reason: reason };
    });
  }

  private moderate(principal: Principal, contributionId: string, decide: Moderate): Promise<{ contribution: ContributionView }> {
    return runStep(this.ctx, principal.session, async (step) => {
      const row = await step.repos.consultation.contribution(step.session.id, contributionId);
      if (!row) notFound('contribution');
      await decide(row, step);
      step.after(async () => {
        await this.announce.contribution(step.session, row.id, row.status === 'published' && row.merged_into === null);
        await this.announce.moderation(step.session.id);
        await this.announce.changed(step.session.id);
      });
      return { contribution: await contributionViewOf(step.repos, step.session.id, row.id, step.session.attribution, audienceOf(principal)) };
    });
  }

  private moderateComment(
    principal: Principal,
    commentId: string,
    decide: (status: string) => { status: string; hidden_reason: string | null },
  ): Promise<{ comment: CommentView }> {
    return runStep(this.ctx, principal.session, async (step) => {
      const row = await step.repos.consultationItems.comment(step.session.id, commentId);
      if (!row) notFound('comment');
      await step.repos.consultationItems.updateComment(row.id, decide(row.status));
      const counts = await step.repos.consultation.recount(row.contribution_id);
      step.after(async () => {
        await this.announce.comment(step.session, row.id, row.status === 'published');
        this.announce.counts(step.session.id, row.contribution_id, counts);
        await this.announce.moderation(step.session.id);
      });
      const stored = (await step.repos.consultationItems.comment(step.session.id, row.id))!;
      return { comment: commentView(stored, step.session.attribution, audienceOf(principal)) };
    });
  }
}
