import { type Expression, type ExpressionBuilder, type Kysely, type SqlBool, sql } from 'kysely';
import type { CommentRow, ContributionRow } from '../consultation/views.js';
import { dialectOf } from './dialect-of.js';
import type { Dialect } from './db.js';
import type { ConsultationContributionsTable } from './consultation-schema.js';
import type { Database } from './schema.js';

type Eb = ExpressionBuilder<Database & { c: ConsultationContributionsTable }, 'c'>;

/** What a list of contributions is narrowed to; `words` are a query's (queryWords), empty for none. */
export interface ContributionFilter {
  sessionId: string;
  statuses: string[];
  questionId?: string;
  language?: string;
  group?: string;
  theme?: string;
  /** A response's status, or 'none' for those without a response. */
  responseStatus?: string;
  words: readonly string[];
}

/** The sorts done in SQL; `random` is the caller's, over `allIds`. */
export type ContributionOrder = 'supported' | 'newest' | 'discussed';
export type QueueFilter = 'pending' | 'flagged' | 'hidden' | 'all';

/** Each sort (CONS22): its columns, newest first on ties, then by id so a page boundary never wavers. */
const ORDERS: Record<ContributionOrder, ('supports' | 'comments' | 'created_at')[]> = {
  supported: ['supports', 'created_at'],
  newest: ['created_at'],
  discussed: ['comments', 'created_at'],
};

/** FTS5 reads `"word"`: words are letters, digits and marks only (search-words.ts), so quoting is enough. */
function ftsMatch(words: readonly string[], mode: 'all-prefix' | 'any'): string {
  return mode === 'all-prefix' ? words.map((w) => `"${w}"*`).join(' ') : words.map((w) => `"${w}"`).join(' OR ');
}

function tsQuery(words: readonly string[], mode: 'all-prefix' | 'any'): string {
  return mode === 'all-prefix' ? words.map((w) => `'${w}':*`).join(' & ') : words.map((w) => `'${w}'`).join(' | ');
}

/**
 * The consultation's reads (CONS20–CONS29): filtered, sorted, paged lists of contributions, the
 * full-text search (FTS5 on SQLite, a GIN index on PostgreSQL: migration 0012), similar
 * contributions, pages of comments and the moderation queue. Lists first find a page of ids on an
 * index, then read just those rows with what a view needs (author's name, response).
 */
export class ConsultationSearchRepo {
  private readonly dialect: Dialect;

  constructor(private readonly db: Kysely<Database>) {
    this.dialect = dialectOf(db);
  }

  /** Contributions whose words contain all of `words` (the last of each as a prefix). */
  private textMatches(eb: Eb, words: readonly string[]): Expression<SqlBool> {
    if (this.dialect === 'postgres') return sql<SqlBool>`c.search_vector @@ to_tsquery('simple', ${tsQuery(words, 'all-prefix')})`;
    return eb(sql`c.rowid`, 'in', sql`(select rowid from consultation_contributions_fts where consultation_contributions_fts match ${ftsMatch(words, 'all-prefix')})`);
  }

  private where(filter: ContributionFilter) {
    return (eb: Eb) => {
      const conditions: Expression<SqlBool>[] = [eb('c.session_id', '=', filter.sessionId), eb('c.merged_into', 'is', null), eb('c.status', 'in', filter.statuses)];
      if (filter.questionId) conditions.push(eb('c.question_id', '=', filter.questionId));
      if (filter.language) conditions.push(eb('c.language', '=', filter.language));
      if (filter.group) conditions.push(eb('c.stakeholder_group', '=', filter.group));
      // Themes are a JSON array of strings: the quoted theme inside it, case and all.
      if (filter.theme) conditions.push(sql<SqlBool>`${sql.raw(this.dialect === 'postgres' ? 'strpos' : 'instr')}(c.themes, ${JSON.stringify(filter.theme)}) > 0`);
      if (filter.responseStatus === 'none') {
        conditions.push(eb('c.id', 'not in', eb.selectFrom('consultation_response_links as l').select('l.contribution_id').where('l.session_id', '=', filter.sessionId)));
      } else if (filter.responseStatus) {
        conditions.push(
          eb(
            'c.id',
            'in',
            eb
              .selectFrom('consultation_response_links as l')
              .innerJoin('consultation_responses as r', 'r.id', 'l.response_id')
              .select('l.contribution_id')
              .where('l.session_id', '=', filter.sessionId)
              .where('r.status', '=', filter.responseStatus),
          ),
        );
      }
      if (filter.words.length > 0) conditions.push(this.textMatches(eb, filter.words));
      return eb.and(conditions);
    };
  }

  async count(filter: ContributionFilter): Promise<number> {
    const row = await this.db
      .selectFrom('consultation_contributions as c')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(this.where(filter))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** One page of ids in a sorted order. */
  async pageIds(filter: ContributionFilter, order: ContributionOrder, offset: number, limit: number): Promise<string[]> {
    let query = this.db.selectFrom('consultation_contributions as c').select('c.id').where(this.where(filter));
    for (const column of ORDERS[order]) query = query.orderBy(`c.${column}`, 'desc');
    const rows = await query.orderBy('c.id', 'desc').offset(offset).limit(limit).execute();
    return rows.map((row) => row.id);
  }

  /** Every matching id, unordered (the random order is the caller's). */
  async allIds(filter: ContributionFilter): Promise<string[]> {
    const rows = await this.db.selectFrom('consultation_contributions as c').select('c.id').where(this.where(filter)).execute();
    return rows.map((row) => row.id);
  }

  /**
   * Published contributions of a question sharing any of `words`, most similar first (CONS23):
   * FTS5's bm25 on SQLite (lower is better), ts_rank on PostgreSQL.
   */
  async similarIds(sessionId: string, questionId: string, words: readonly string[], limit: number): Promise<string[]> {
    if (words.length === 0) return [];
    if (this.dialect === 'postgres') {
      const { rows } = await sql<{ id: string }>`
        select c.id from consultation_contributions c, to_tsquery('simple', ${tsQuery(words, 'any')}) query
        where c.session_id = ${sessionId} and c.question_id = ${questionId} and c.status = 'published' and c.merged_into is null
          and c.search_vector @@ query
        order by ts_rank(c.search_vector, query) desc, c.supports desc, c.id
        limit ${limit}`.execute(this.db);
      return rows.map((row) => row.id);
    }
    const { rows } = await sql<{ id: string }>`
      select c.id from consultation_contributions_fts f join consultation_contributions c on c.rowid = f.rowid
      where consultation_contributions_fts match ${ftsMatch(words, 'any')}
        and c.session_id = ${sessionId} and c.question_id = ${questionId} and c.status = 'published' and c.merged_into is null
      order by bm25(consultation_contributions_fts), c.supports desc, c.id
      limit ${limit}`.execute(this.db);
    return rows.map((row) => row.id);
  }

  /** The moderation queue (CONS25): pending oldest first, flagged most flagged first, hidden and all newest first. */
  async queue(sessionId: string, filter: QueueFilter, offset: number, limit: number): Promise<{ ids: string[]; total: number }> {
    const base = this.db
      .selectFrom('consultation_contributions as c')
      .where('c.session_id', '=', sessionId)
      .where('c.merged_into', 'is', null)
      .$if(filter === 'pending', (q) => q.where('c.status', '=', 'pending'))
      .$if(filter === 'hidden', (q) => q.where('c.status', '=', 'hidden'))
      .$if(filter === 'flagged', (q) => q.where(sql<SqlBool>`c.flags > 0`).where('c.reviewed', '=', 0));
    const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    let page = base.select('c.id');
    if (filter === 'pending') page = page.orderBy('c.created_at', 'asc').orderBy('c.id', 'asc');
    else if (filter === 'flagged') page = page.orderBy('c.flags', 'desc').orderBy('c.created_at', 'asc').orderBy('c.id', 'asc');
    else page = page.orderBy('c.created_at', 'desc').orderBy('c.id', 'desc');
    const rows = await page.offset(offset).limit(limit).execute();
    return { ids: rows.map((row) => row.id), total: Number(total.n) };
  }

  /** The rows for these ids, in their order, with the author's current name and any response. */
  async rows(ids: readonly string[]): Promise<ContributionRow[]> {
    if (ids.length === 0) return [];
    const rows = await this.db
      .selectFrom('consultation_contributions as c')
      .leftJoin('participants as p', 'p.id', 'c.author_id')
      .selectAll('c')
      .select('p.display_name as author_name')
      .where('c.id', 'in', ids)
      .execute();
    const links = await this.db
      .selectFrom('consultation_response_links as l')
      .innerJoin('consultation_responses as r', 'r.id', 'l.response_id')
      .select(['l.contribution_id', 'r.id', 'r.session_id', 'r.status', 'r.text', 'r.responded_at', 'r.edited_at'])
      .where('l.contribution_id', 'in', ids)
      .execute();
    const answered = new Map<string, string[]>();
    if (links.length > 0) {
      const all = await this.db
        .selectFrom('consultation_response_links')
        .select(['response_id', 'contribution_id'])
        .where('response_id', 'in', [...new Set(links.map((l) => l.id))])
        .orderBy('contribution_id')
        .execute();
      for (const link of all) answered.set(link.response_id, [...(answered.get(link.response_id) ?? []), link.contribution_id]);
    }
    const byId = new Map(rows.map((row) => [row.id, row]));
    const responseOf = new Map(links.map(({ contribution_id, ...response }) => [contribution_id, response]));
    return ids.flatMap((id) => {
      const row = byId.get(id);
      if (!row) return [];
      const response = responseOf.get(id) ?? null;
      return [{ ...row, response, response_contribution_ids: response ? answered.get(response.id) : undefined }];
    });
  }

  /** What decides who may read a contribution's comments. */
  async head(sessionId: string, contributionId: string): Promise<{ status: string; author_id: string | null; merged_into: string | null } | undefined> {
    return this.db
      .selectFrom('consultation_contributions')
      .select(['status', 'author_id', 'merged_into'])
      .where('session_id', '=', sessionId)
      .where('id', '=', contributionId)
      .executeTakeFirst();
  }

  /** A page of a contribution's comments, oldest first: all for staff, else the published ones and the reader's own (CONS24). */
  async comments(contributionId: string, viewer: { staff: boolean; participantId: string | null }, offset: number, limit: number): Promise<{ rows: CommentRow[]; total: number }> {
    const base = this.db
      .selectFrom('consultation_comments as m')
      .where('m.contribution_id', '=', contributionId)
      .$if(!viewer.staff, (q) =>
        q.where((eb) => (viewer.participantId ? eb.or([eb('m.status', '=', 'published'), eb('m.author_id', '=', viewer.participantId)]) : eb('m.status', '=', 'published'))),
      );
    const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const rows = await base
      .leftJoin('participants as p', 'p.id', 'm.author_id')
      .selectAll('m')
      .select('p.display_name as author_name')
      .orderBy('m.created_at', 'asc')
      .orderBy('m.id', 'asc')
      .offset(offset)
      .limit(limit)
      .execute();
    return { rows, total: Number(total.n) };
  }
}
