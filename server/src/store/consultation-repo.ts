import type { Insertable, Kysely, Selectable } from 'kysely';
import type { ConsultationConfig } from '@open-talks/shared/consultation';
import type { ConsultationContributionsTable, ConsultationResponsesTable } from './consultation-schema.js';
import type { Database } from './schema.js';

export type ContributionRecord = Selectable<ConsultationContributionsTable>;
/** A contribution row with the author's current name and its response (server/src/consultation/views.ts's ContributionRow). */
export type JoinedContribution = ContributionRecord & {
  author_name: string | null;
  response: Selectable<ConsultationResponsesTable> | null;
  response_contribution_ids: string[];
};

/**
 * The consultation's configuration row and its contributions, versions and counts (CONS1–CONS19).
 * Counts kept on the contribution row are recounted from the rows they count, in the caller's
 * transaction, so they never drift. Supports, comments, flags, responses: consultation-items-repo.ts.
 */
export class ConsultationRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async config(sessionId: string): Promise<ConsultationConfig | undefined> {
    const row = await this.db.selectFrom('consultations').selectAll().where('session_id', '=', sessionId).executeTakeFirst();
    if (!row) return undefined;
    return {
      settings: JSON.parse(row.settings) as ConsultationConfig['settings'],
      phase: row.phase as ConsultationConfig['phase'],
      schedule: JSON.parse(row.schedule) as ConsultationConfig['schedule'],
      questions: JSON.parse(row.questions) as ConsultationConfig['questions'],
    };
  }

  async saveConfig(sessionId: string, config: ConsultationConfig, now: number): Promise<void> {
    const values = {
      settings: JSON.stringify(config.settings),
      phase: config.phase,
      schedule: JSON.stringify(config.schedule),
      questions: JSON.stringify(config.questions),
      updated_at: now,
    };
    await this.db
      .insertInto('consultations')
      .values({ session_id: sessionId, ...values })
      .onConflict((oc) => oc.column('session_id').doUpdateSet(values))
      .execute();
  }

  /** Every consultation's configuration with at least one date set (for re-arming the phase timers after a start). */
  async scheduled(): Promise<{ sessionId: string; config: ConsultationConfig }[]> {
    const rows = await this.db.selectFrom('consultations').select(['session_id', 'schedule']).execute();
    const out: { sessionId: string; config: ConsultationConfig }[] = [];
    for (const row of rows) {
      if (!Object.values(JSON.parse(row.schedule) as Record<string, number | null>).some((at) => at !== null)) continue;
      const config = await this.config(row.session_id);
      if (config) out.push({ sessionId: row.session_id, config });
    }
    return out;
  }

  async insertContribution(row: Insertable<ConsultationContributionsTable>): Promise<void> {
    await this.db.insertInto('consultation_contributions').values(row).execute();
  }

  async updateContribution(id: string, change: Partial<Omit<ContributionRecord, 'id' | 'session_id'>>): Promise<void> {
    await this.db.updateTable('consultation_contributions').set(change).where('id', '=', id).execute();
  }

  async contribution(sessionId: string, id: string): Promise<ContributionRecord | undefined> {
    return this.db.selectFrom('consultation_contributions').selectAll().where('session_id', '=', sessionId).where('id', '=', id).executeTakeFirst();
  }

  /** Contributions with the author's name and their response, in the order of `ids`. */
  async joined(sessionId: string, ids: readonly string[]): Promise<JoinedContribution[]> {
    if (ids.length === 0) return [];
    const rows = await this.db
      .selectFrom('consultation_contributions as c')
      .leftJoin('participants as p', 'p.id', 'c.author_id')
      .leftJoin('consultation_response_links as l', 'l.contribution_id', 'c.id')
      .selectAll('c')
      .select(['p.display_name as author_name', 'l.response_id as response_id'])
      .where('c.session_id', '=', sessionId)
      .where('c.id', 'in', [...ids])
      .execute();
    const responseIds = [...new Set(rows.map((r) => r.response_id).filter((id): id is string => id !== null))];
    const responses = responseIds.length ? await this.db.selectFrom('consultation_responses').selectAll().where('id', 'in', responseIds).execute() : [];
    const links = responseIds.length ? await this.db.selectFrom('consultation_response_links').selectAll().where('response_id', 'in', responseIds).execute() : [];
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.flatMap((id) => {
      const row = byId.get(id);
      if (!row) return [];
      const { response_id, ...rest } = row;
      const response = responses.find((r) => r.id === response_id) ?? null;
      const linked = links
        .filter((l) => l.response_id === response_id)
        .map((l) => l.contribution_id)
        .sort();
      return [{ ...rest, response, response_contribution_ids: linked }];
    });
  }

  /** Contributions to one question, whatever their status (a question with any cannot be removed). */
  async countForQuestion(sessionId: string, questionId: string): Promise<number> {
    const row = await this.db
      .selectFrom('consultation_contributions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('session_id', '=', sessionId)
      .where('question_id', '=', questionId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async byAuthor(sessionId: string, authorId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('consultation_contributions')
      .select('id')
      .where('session_id', '=', sessionId)
      .where('author_id', '=', authorId)
      // Merged ones too: their authors read where their words went (ContributionView.mergedInto).
      .orderBy('created_at')
      .execute();
    return rows.map((r) => r.id);
  }

  async addVersion(contribution: ContributionRecord, replacedAt: number): Promise<void> {
    await this.db
      .insertInto('consultation_versions')
      .values({
        contribution_id: contribution.id,
        version: contribution.versions + 1,
        title: contribution.title,
        text: contribution.text,
        language: contribution.language,
        replaced_at: replacedAt,
      })
      .execute();
  }

  async versions(contributionId: string) {
    return this.db.selectFrom('consultation_versions').selectAll().where('contribution_id', '=', contributionId).orderBy('version').execute();
  }

  /** Recounts supports, published comments and their stances onto the contribution row. */
  async recount(contributionId: string): Promise<{ supports: number; comments: number }> {
    const supports = await this.db
      .selectFrom('consultation_supports')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('contribution_id', '=', contributionId)
      .executeTakeFirstOrThrow();
    const stances = await this.db
      .selectFrom('consultation_comments')
      .select(['stance', (eb) => eb.fn.countAll<number>().as('n')])
      .where('contribution_id', '=', contributionId)
      .where('status', '=', 'published')
      .groupBy('stance')
      .execute();
    const of = (stance: string) => Number(stances.find((s) => s.stance === stance)?.n ?? 0);
    const counts = { supports: Number(supports.n), comments: of('agree') + of('disagree') + of('neutral') };
    await this.updateContribution(contributionId, { ...counts, agree: of('agree'), disagree: of('disagree'), neutral: of('neutral') });
    return counts;
  }

  /** Per question: published contributions, their comments and supports. */
  async questionCounts(sessionId: string): Promise<Map<string, { contributions: number; comments: number; supports: number }>> {
    const rows = await this.db
      .selectFrom('consultation_contributions')
      .select(['question_id', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number>('comments').as('comments'), (eb) => eb.fn.sum<number>('supports').as('supports')])
      .where('session_id', '=', sessionId)
      .where('status', '=', 'published')
      .groupBy('question_id')
      .execute();
    return new Map(rows.map((r) => [r.question_id, { contributions: Number(r.n), comments: Number(r.comments ?? 0), supports: Number(r.supports ?? 0) }]));
  }

  async moderationCounts(sessionId: string) {
    const byStatus = await this.db
      .selectFrom('consultation_contributions')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .where('session_id', '=', sessionId)
      .where('merged_into', 'is', null)
      .groupBy('status')
      .execute();
    const flagged = await this.db
      .selectFrom('consultation_contributions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('session_id', '=', sessionId)
      .where('flags', '>', 0)
      .where('reviewed', '=', 0)
      .where('merged_into', 'is', null)
      .executeTakeFirstOrThrow();
    const comments = await this.db
      .selectFrom('consultation_comments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('session_id', '=', sessionId)
      .where('status', '=', 'pending')
      .executeTakeFirstOrThrow();
    const statements = await this.db
      .selectFrom('consultation_statements')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('session_id', '=', sessionId)
      .where('status', '=', 'pending')
      .executeTakeFirstOrThrow();
    const of = (status: string) => Number(byStatus.find((s) => s.status === status)?.n ?? 0);
    return { pending: of('pending'), flagged: Number(flagged.n), hidden: of('hidden'), pendingComments: Number(comments.n), pendingStatements: Number(statements.n) };
  }
}
