// Contributions and comments (CONS4–CONS6): submitted and edited while the phase allows, cleaned
// and checked by the pure rules, pre- or post-moderated, edits kept as versions, `search_text` filled.
import { cleanComment, cleanContribution, searchWords } from '@open-talks/shared/consultation';
import type { commentPayload, CommentView, ContributionVersion, ContributionView, editContributionPayload, submitContributionPayload } from '@open-talks/shared/protocol';
import type { z } from 'zod';
import { newId } from '../../auth/tokens.js';
import { AppError, orThrow } from '../../errors.js';
import type { Principal } from '../../sessions/principal.js';
import type { ConsultationContext } from '../context.js';
import { commentView, visibleTo } from '../views.js';
import { audienceOf, isStaff, notFound, personOf, requirePhase, runStep } from './access.js';
import type { Announcer } from './announce.js';
import { contributionViewOf } from './views.js';

export class ContributionService {
  constructor(
    private readonly ctx: ConsultationContext,
    private readonly announce: Announcer,
  ) {}

  submit(principal: Principal, body: z.output<typeof submitContributionPayload>): Promise<{ contribution: ContributionView }> {
    const me = personOf(principal);
    return runStep(this.ctx, principal.session, async (step) => {
      requirePhase(step.phase, 'submit');
      if (!step.config.questions.some((q) => q.id === body.questionId)) notFound('question');
      const { title, text } = orThrow(cleanContribution(body));
      const id = newId();
      const status = step.config.settings.moderation === 'pre' && !isStaff(principal) ? 'pending' : 'published';
      const person = principal.participant!;
      await step.repos.consultation.insertContribution({
        id,
        session_id: step.session.id,
        question_id: body.questionId,
        author_id: me,
        title,
        text,
        language: body.language ?? person.language,
        stakeholder_group: person.stakeholderGroup,
        mode: person.mode,
        status,
        hidden_reason: null,
        created_at: step.now,
        edited_at: null,
        merged_into: null,
        themes: '[]',
        carry: 0,
        flags: 0,
        reviewed: 0,
        supports: 0,
        comments: 0,
        agree: 0,
        disagree: 0,
        neutral: 0,
        versions: 0,
        origin: null,
        search_text: searchWords(title, text),
      });
      step.after(async () => {
        await this.announce.contribution(step.session, id, false);
        if (status === 'pending') await this.announce.moderation(step.session.id);
        else this.announce.countsChanged(step.session.id);
        await this.announce.you(step.session, me);
      });
      return { contribution: await contributionViewOf(step.repos, step.session.id, id, step.session.attribution, audienceOf(principal)) };
    });
  }

  /** CONS5: the author, while contributions are open; the old text is kept as a version. */
  edit(principal: Principal, body: z.output<typeof editContributionPayload>): Promise<{ contribution: ContributionView }> {
    const me = personOf(principal);
    return runStep(this.ctx, principal.session, async (step) => {
      const row = await step.repos.consultation.contribution(step.session.id, body.contributionId);
      if (!row || row.author_id !== me) notFound('contribution');
      requirePhase(step.phase, 'edit');
      if (row.merged_into !== null || row.status === 'hidden')
        throw new AppError('conflict', 'A hidden or merged contribution cannot be edited', { reason: 'consultation.editHidden' });
      const { title, text } = orThrow(cleanContribution({ title: body.title ?? row.title, text: body.text ?? row.text }));
      const language = body.language ?? row.language;
      if (title === row.title && text === row.text && language === row.language) {
        return { contribution: await contributionViewOf(step.repos, step.session.id, row.id, step.session.attribution, audienceOf(principal)) };
      }
      await step.repos.consultation.addVersion(row, step.now);
      // Under pre-moderation new words are read before they are shown: an edited published
      // contribution waits for approval again (else "approved, then edited" would get around it).
      const recheck = step.config.settings.moderation === 'pre' && row.status === 'published' && !isStaff(principal);
      await step.repos.consultation.updateContribution(row.id, {
        title,
        text,
        language,
        edited_at: step.now,
        versions: row.versions + 1,
        search_text: searchWords(title, text),
        ...(recheck && { status: 'pending', reviewed: 0 }),
      });
      step.after(async () => {
        await this.announce.contribution(step.session, row.id, row.status === 'published');
        if (!recheck) return;
        await this.announce.moderation(step.session.id);
        this.announce.countsChanged(step.session.id);
      });
      return { contribution: await contributionViewOf(step.repos, step.session.id, row.id, step.session.attribution, audienceOf(principal)) };
    });
  }

  /** CONS6: on a published contribution, while the phase allows; pre-moderated comments wait for approval. */
  comment(principal: Principal, body: z.output<typeof commentPayload>): Promise<{ comment: CommentView }> {
    const me = personOf(principal);
    return runStep(this.ctx, principal.session, async (step) => {
      const row = await step.repos.consultation.contribution(step.session.id, body.contributionId);
      if (!row || !visibleTo(row.status, row.author_id, audienceOf(principal))) notFound('contribution');
      requirePhase(step.phase, 'comment');
      if (row.status !== 'published' || row.merged_into !== null)
        throw new AppError('conflict', 'Only a published contribution can be commented on', { reason: 'consultation.commentNotPublished' });
      const { text } = orThrow(cleanComment(body.text));
      const person = principal.participant!;
      const id = newId();
      const status = step.config.settings.moderation === 'pre' && !isStaff(principal) ? 'pending' : 'published';
      await step.repos.consultationItems.insertComment({
        id,
        session_id: step.session.id,
        contribution_id: row.id,
        author_id: me,
        stance: body.stance,
        text,
        language: body.language ?? person.language,
        stakeholder_group: person.stakeholderGroup,
        mode: person.mode,
        status,
        hidden_reason: null,
        created_at: step.now,
      });
      const counts = await step.repos.consultation.recount(row.id);
      step.after(async () => {
        await this.announce.comment(step.session, id, false);
        if (status === 'pending') await this.announce.moderation(step.session.id);
        else {
          this.announce.counts(step.session.id, row.id, counts);
          this.announce.countsChanged(step.session.id);
        }
      });
      const stored = (await step.repos.consultationItems.comment(step.session.id, id))!;
      return { comment: commentView(stored, step.session.attribution, audienceOf(principal)) };
    });
  }

  /**
   * MT5: a contribution's or comment's text and language, as this principal may see it; null
   * when it does not exist or is not theirs to see (pending or hidden, under a hidden contribution).
   */
  async original(principal: Principal, kind: 'contribution' | 'comment', id: string, field: string): Promise<{ text: string; language: string } | null> {
    if (principal.session.format !== 'consultation') return null;
    const audience = audienceOf(principal);
    const sessionId = principal.session.id;
    if (kind === 'contribution') {
      if (field !== 'text' && field !== 'title') return null;
      const row = await this.ctx.store.consultation.contribution(sessionId, id);
      if (!row || !visibleTo(row.status, row.author_id, audience)) return null;
      return { text: field === 'title' ? row.title : row.text, language: row.language };
    }
    if (field !== 'text') return null;
    const row = await this.ctx.store.consultationItems.comment(sessionId, id);
    if (!row || !visibleTo(row.status, row.author_id, audience)) return null;
    const on = await this.ctx.store.consultation.contribution(sessionId, row.contribution_id);
    if (!on || !visibleTo(on.status, on.author_id, audience)) return null;
    return { text: row.text, language: row.language };
  }

  /**
   * MT3: says which language a contribution or comment is in: its author, or those who may
   * translate (staff, translators); re-announced to whoever sees it. Its text and versions stay.
   */
  setLanguage(principal: Principal, kind: 'contribution' | 'comment', id: string, language: string, mayRetag: (authorId: string | null) => boolean): Promise<void> {
    return runStep(this.ctx, principal.session, async (step) => {
      const audience = audienceOf(principal);
      if (kind === 'contribution') {
        const row = await step.repos.consultation.contribution(step.session.id, id);
        if (!row || !visibleTo(row.status, row.author_id, audience)) notFound('contribution');
        if (!mayRetag(row.author_id)) throw new AppError('forbidden', 'Only its author or the staff may say which language a contribution is in');
        if (row.language === language) return;
        await step.repos.consultation.updateContribution(row.id, { language });
        const published = row.status === 'published' && row.merged_into === null;
        step.after(async () => {
          await this.announce.contribution(step.session, row.id, published);
          await this.announce.you(step.session, row.author_id);
        });
        return;
      }
      const row = await step.repos.consultationItems.comment(step.session.id, id);
      if (!row || !visibleTo(row.status, row.author_id, audience)) notFound('comment');
      if (!mayRetag(row.author_id)) throw new AppError('forbidden', 'Only its author or the staff may say which language a comment is in');
      if (row.language === language) return;
      await step.repos.consultationItems.setCommentLanguage(row.id, language);
      step.after(() => this.announce.comment(step.session, row.id, row.status === 'published'));
    });
  }

  get(principal: Principal, contributionId: string): Promise<{ contribution: ContributionView }> {
    return runStep(this.ctx, principal.session, async (step) => {
      const row = await step.repos.consultation.contribution(step.session.id, contributionId);
      if (!row || !visibleTo(row.status, row.author_id, audienceOf(principal))) notFound('contribution');
      return { contribution: await contributionViewOf(step.repos, step.session.id, row.id, step.session.attribution, audienceOf(principal)) };
    });
  }

  versions(principal: Principal, contributionId: string): Promise<{ versions: ContributionVersion[] }> {
    return runStep(this.ctx, principal.session, async (step) => {
      const row = await step.repos.consultation.contribution(step.session.id, contributionId);
      if (!row) notFound('contribution');
      const versions = await step.repos.consultation.versions(row.id);
      return { versions: versions.map((v) => ({ version: v.version, title: v.title, text: v.text, language: v.language, replacedAt: v.replaced_at })) };
    });
  }
}
