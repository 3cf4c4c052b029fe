// What the public page, the record and the carry-in read and write of a consultation (CONS60–CONS69):
// published rows with their authors' current names and their responses; seeds carried in.
import type { ConsultationConfig, ConsultationQuestion, ConsultationSchedule, ConsultationSettings } from '@open-talks/shared/consultation';
import type { ConsultationPhase } from '@open-talks/shared/consultation';
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { CommentRow, ContributionRow } from '../consultation/views.js';

/** A published contribution as series evidence reads it (`evidenceContributions`). */
export type EvidenceContributionRow = Pick<
  ContributionRow,
  | 'id'
  | 'question_id'
  | 'author_id'
  | 'author_name'
  | 'stakeholder_group'
  | 'title'
  | 'text'
  | 'language'
  | 'supports'
  | 'agree'
  | 'disagree'
  | 'neutral'
  | 'themes'
  | 'origin'
  | 'created_at'
  | 'response'
>;
import type { ConsultationContributionsTable, ConsultationResponsesTable } from './consultation-schema.js';
import type { Database } from './schema.js';

type Responses = Map<string, { response: Selectable<ConsultationResponsesTable>; ids: string[] }>;

export class ConsultationPublicRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async config(sessionId: string): Promise<ConsultationConfig | null> {
    const row = await this.db.selectFrom('consultations').selectAll().where('session_id', '=', sessionId).executeTakeFirst();
    if (!row) return null;
    return {
      settings: JSON.parse(row.settings) as ConsultationSettings,
      phase: row.phase as ConsultationPhase,
      schedule: JSON.parse(row.schedule) as ConsultationSchedule,
      questions: JSON.parse(row.questions) as ConsultationQuestion[],
    };
  }

  /** Which of these ids are already stored (a carry-in does not duplicate, CONS61). */
  async existing(ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.db.selectFrom('consultation_contributions').select('id').where('id', 'in', ids).execute();
    return new Set(rows.map((r) => r.id));
  }

  async insertSeeds(rows: Insertable<ConsultationContributionsTable>[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 100) {
      await this.db
        .insertInto('consultation_contributions')
        .values(rows.slice(i, i + 100))
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
    }
  }

  private contributionsQuery(sessionId: string) {
    return this.db
      .selectFrom('consultation_contributions as c')
      .leftJoin('participants as p', 'p.id', 'c.author_id')
      .selectAll('c')
      .select('p.display_name as author_name')
      .where('c.session_id', '=', sessionId)
      .where('c.status', '=', 'published')
      .where('c.merged_into', 'is', null);
  }

  private async responses(sessionId: string, contributionIds: string[] | null): Promise<Responses> {
    let links = this.db.selectFrom('consultation_response_links').selectAll().where('session_id', '=', sessionId);
    if (contributionIds) {
      if (contributionIds.length === 0) return new Map();
      links = links.where('contribution_id', 'in', contributionIds);
    }
    const linkRows = await links.execute();
    const responseIds = [...new Set(linkRows.map((l) => l.response_id))];
    if (responseIds.length === 0) return new Map();
    const [responses, allLinks] = await Promise.all([
      this.db.selectFrom('consultation_responses').selectAll().where('id', 'in', responseIds).execute(),
      this.db.selectFrom('consultation_response_links').selectAll().where('response_id', 'in', responseIds).execute(),
    ]);
    const byId = new Map(responses.map((r) => [r.id, r]));
    const out: Responses = new Map();
    for (const link of linkRows) {
      const response = byId.get(link.response_id);
      if (!response) continue;
      const ids = allLinks.filter((l) => l.response_id === response.id).map((l) => l.contribution_id);
      out.set(link.contribution_id, { response, ids: ids.sort() });
    }
    return out;
  }

  private withResponses(rows: Omit<ContributionRow, 'response'>[], responses: Responses): ContributionRow[] {
    return rows.map((row) => {
      const found = responses.get(row.id);
      return { ...row, response: found?.response ?? null, response_contribution_ids: found?.ids };
    });
  }

  /** Every published contribution, oldest first (the record's order, REC5: never by author). */
  async publishedContributions(sessionId: string): Promise<ContributionRow[]> {
    const rows = await this.contributionsQuery(sessionId).orderBy('c.created_at').orderBy('c.id').execute();
    return this.withResponses(rows, await this.responses(sessionId, null));
  }

  /**
   * Every published contribution with only what series evidence shows (no search text, versions or
   * flags): the evidence panel reads a whole consultation per request (SER79).
   */
  async evidenceContributions(sessionId: string): Promise<EvidenceContributionRow[]> {
    const rows = await this.contributionsQuery(sessionId)
      .clearSelect()
      .select([
        'c.id',
        'c.question_id',
        'c.author_id',
        'c.stakeholder_group',
        'c.title',
        'c.text',
        'c.language',
        'c.supports',
        'c.agree',
        'c.disagree',
        'c.neutral',
        'c.themes',
        'c.origin',
        'c.created_at',
      ])
      .select('p.display_name as author_name')
      .orderBy('c.created_at')
      .orderBy('c.id')
      .execute();
    const responses = await this.responses(sessionId, null);
    return rows.map((row) => ({ ...row, response: responses.get(row.id)?.response ?? null }));
  }

  /** Published comments on published contributions, oldest first; of the given contributions only when `ids` is set. */
  async publishedComments(sessionId: string, ids: string[] | null = null): Promise<CommentRow[]> {
    if (ids && ids.length === 0) return [];
    let query = this.db
      .selectFrom('consultation_comments as m')
      .innerJoin('consultation_contributions as c', 'c.id', 'm.contribution_id')
      .leftJoin('participants as p', 'p.id', 'm.author_id')
      .selectAll('m')
      .select('p.display_name as author_name')
      .where('m.session_id', '=', sessionId)
      .where('m.status', '=', 'published')
      .where('c.status', '=', 'published');
    if (ids) query = query.where('m.contribution_id', 'in', ids);
    return query.orderBy('m.created_at').orderBy('m.id').execute();
  }

  /** The opinion-group reports stored per question (JSON OpinionReport). */
  async opinions(sessionId: string): Promise<{ questionId: string; report: string }[]> {
    const rows = await this.db.selectFrom('consultation_opinions').select(['question_id', 'report']).where('session_id', '=', sessionId).execute();
    return rows.map((r) => ({ questionId: r.question_id, report: r.report }));
  }

  /** The themes moderators gave published contributions (for the page's filter). */
  async themes(sessionId: string): Promise<string[]> {
    const rows = await this.contributionsQuery(sessionId).select('c.themes').execute();
    const all = new Set<string>();
    for (const row of rows) for (const theme of JSON.parse(row.themes) as string[]) all.add(theme);
    return [...all].sort((a, b) => a.localeCompare(b));
  }

  /** Per question: published contributions, their comments and supports. */
  async questionCounts(sessionId: string): Promise<Map<string, { contributions: number; comments: number; supports: number }>> {
    const rows = await this.contributionsQuery(sessionId)
      .clearSelect()
      .select((eb) => ['c.question_id', eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('c.comments').as('comments'), eb.fn.sum<number>('c.supports').as('supports')])
      .groupBy('c.question_id')
      .execute();
    return new Map(rows.map((r) => [r.question_id, { contributions: Number(r.n), comments: Number(r.comments ?? 0), supports: Number(r.supports ?? 0) }]));
  }

  /** The live counts of some published contributions (the page's refresh, CONS66). */
  async counts(sessionId: string, ids: string[]): Promise<{ id: string; supports: number; comments: number }[]> {
    if (ids.length === 0) return [];
    return this.db
      .selectFrom('consultation_contributions')
      .select(['id', 'supports', 'comments'])
      .where('session_id', '=', sessionId)
      .where('status', '=', 'published')
      .where('id', 'in', ids)
      .execute();
  }
}
