// Statements (CONS30, CONS31, CONS37, CONS38): proposed or seeded, moderated, answered one at a
// time. Writes run through the consultation's one step (in order per session, one transaction,
// announced after the commit); the opinion report follows the answers (recompute.ts).
import { decideAnswer, decideProposal, statementKey, type StatementVote } from '@open-talks/shared/consultation';
import type { OpinionReport, StatementView } from '@open-talks/shared/protocol';
import { newId } from '../../auth/tokens.js';
import { AppError, orThrow } from '../../errors.js';
import type { Principal } from '../../sessions/principal.js';
import type { Repos, SessionRecord } from '../../store/index.js';
import type { StatementRecord } from '../../store/statement-repo.js';
import type { ConsultationContext } from '../context.js';
import { isStaff, loadConfig, personOf, requireConsultation, runStep } from '../core/access.js';
import type { OpinionRecompute } from './recompute.js';
import { reportUnder, statementView } from './views.js';

const VOTES: Record<StatementVote, number> = { agree: 1, disagree: -1, pass: 0 };

export interface NextStatement {
  next: StatementView | null;
  answered: number;
  total: number;
}

export class StatementService {
  constructor(
    private readonly ctx: ConsultationContext,
    private readonly recompute: OpinionRecompute,
  ) {}

  /** CONS30: staff seed (published at once); a participant proposes (pending under pre-moderation). */
  propose(principal: Principal, body: { questionId: string; text: string }): Promise<{ statement: StatementView }> {
    const me = personOf(principal);
    const staff = isStaff(principal);
    return runStep(this.ctx, principal.session, async (step) => {
      const question = step.config.questions.find((q) => q.id === body.questionId);
      const existing = question ? new Set((await step.repos.statements.list(step.session.id, question.id)).map((s) => statementKey(s.text))) : new Set<string>();
      const { text, status, seeded } = orThrow(decideProposal(body.text, { question, phase: step.phase, staff, moderation: step.config.settings.moderation, existing }));
      const id = newId();
      await step.repos.statements.insert({
        id,
        session_id: step.session.id,
        question_id: body.questionId,
        author_id: me,
        text,
        seeded: seeded ? 1 : 0,
        status,
        created_at: step.now,
        answers: 0,
      });
      const row = (await step.repos.statements.byId(step.session.id, id))!;
      step.after(() => this.announce(step.session, row, false));
      return { statement: statementView(row) };
    });
  }

  /** CONS31: one answer per person per statement, changeable; the ack gives the next one and the progress. */
  answer(principal: Principal, body: { statementId: string; vote: StatementVote }): Promise<NextStatement> {
    const me = personOf(principal);
    return runStep(this.ctx, principal.session, async (step) => {
      const statement = await step.repos.statements.byId(step.session.id, body.statementId);
      const question = statement && step.config.questions.find((q) => q.id === statement.question_id);
      orThrow(decideAnswer(statement, question, step.phase));
      await step.repos.statements.answer(statement!, me, VOTES[body.vote], step.now);
      step.after(() => this.recompute.request(step.session.id, statement!.question_id));
      return this.nextFor(step.repos, step.session.id, statement!.question_id, me);
    });
  }

  /** CONS37: one statement at a time: unanswered, published, fewest answers first (so new ones get answers), then oldest. */
  async next(principal: Principal, questionId: string): Promise<NextStatement> {
    await this.requireQuestion(principal, questionId);
    return this.nextFor(this.ctx.store, principal.session.id, questionId, principal.participant?.id ?? null);
  }

  /** A question's statements: published ones; staff see every status, an author their own. */
  async list(principal: Principal, questionId: string): Promise<{ statements: StatementView[] }> {
    await this.requireQuestion(principal, questionId);
    const me = principal.participant?.id ?? null;
    const staff = isStaff(principal);
    const rows = await this.ctx.store.statements.list(principal.session.id, questionId);
    return { statements: rows.filter((r) => staff || r.status === 'published' || (me !== null && r.author_id === me)).map(statementView) };
  }

  /** CONS38: staff publish or hide a statement, in any phase; the report drops or takes it at the next computation. */
  moderate(principal: Principal, body: { statementId: string; status: 'published' | 'hidden' }): Promise<{ statement: StatementView }> {
    return runStep(this.ctx, principal.session, async (step) => {
      const row = await step.repos.statements.byId(step.session.id, body.statementId);
      if (!row) throw new AppError('not_found', 'No such statement', { reason: 'statement.notFound' });
      if (row.status === body.status) return { statement: statementView(row) };
      await step.repos.statements.setStatus(row.id, body.status);
      const changed = { ...row, status: body.status };
      step.after(async () => {
        await this.announce(step.session, changed, row.status === 'published');
        this.recompute.request(step.session.id, row.question_id);
      });
      return { statement: statementView(changed) };
    });
  }

  /** CONS36: the last report computed for a question (null before the first answer). */
  async report(principal: Principal, questionId: string): Promise<{ report: OpinionReport | null }> {
    await this.requireQuestion(principal, questionId);
    const report = await this.ctx.store.statements.report(principal.session.id, questionId);
    return { report: report && reportUnder(report, principal.session.attribution) };
  }

  private async nextFor(repos: Repos, sessionId: string, questionId: string, participantId: string | null): Promise<NextStatement> {
    const next = await repos.statements.next(sessionId, questionId, participantId);
    const progress = await repos.statements.progress(sessionId, questionId, participantId);
    return { next: next ? statementView(next) : null, ...progress };
  }

  private async requireQuestion(principal: Principal, questionId: string): Promise<void> {
    requireConsultation(principal.session);
    const config = await loadConfig(this.ctx.store, principal.session.id);
    const question = config.questions.find((q) => q.id === questionId);
    if (!question) throw new AppError('not_found', 'No such question', { reason: 'statement.questionNotFound' });
    if (!question.statements) throw new AppError('conflict', 'Statements are not turned on for this question', { reason: 'statement.statementsOff' });
  }

  /** After the commit: the statement to each audience, the moderation counts when one waits or moved, the report when published ones changed. */
  private async announce(session: SessionRecord, row: StatementRecord, wasPublic: boolean): Promise<void> {
    this.ctx.bus.publish('statement:changed', { sessionId: session.id, authorId: row.author_id, view: statementView(row), wasPublic });
    if (row.status !== 'published' || wasPublic)
      this.ctx.bus.publish('consultation:moderation', { sessionId: session.id, counts: await this.ctx.store.consultation.moderationCounts(session.id) });
    if (row.status === 'published' || wasPublic) this.recompute.request(session.id, row.question_id);
  }
}
