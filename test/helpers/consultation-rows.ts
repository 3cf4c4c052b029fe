// Consultation rows written straight into storage (tests and the bench of lists and search), so
// they need neither the commands nor thousands of clients. `search_text` is filled as the server
// fills it (searchWords), so the full-text index sees what it would see.
import { searchWords } from '../../shared/src/domain/consultation/search-words.js';
import type { ConsultationCommentsTable, ConsultationContributionsTable } from '../../server/src/store/consultation-schema.js';
import type { DatabaseHandle } from '../../server/src/store/db.js';
import type { Database } from '../../server/src/store/schema.js';

export type ContributionSeed = Pick<ConsultationContributionsTable, 'id' | 'session_id' | 'question_id' | 'title' | 'text'> & Partial<ConsultationContributionsTable>;

export function contributionRow(seed: ContributionSeed): ConsultationContributionsTable {
  return {
    author_id: null,
    language: 'en',
    stakeholder_group: null,
    mode: null,
    status: 'published',
    hidden_reason: null,
    created_at: 1_000,
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
    search_text: searchWords(seed.title, seed.text),
    ...seed,
  };
}

export type CommentSeed = Pick<ConsultationCommentsTable, 'id' | 'session_id' | 'contribution_id' | 'author_id' | 'text'> & Partial<ConsultationCommentsTable>;

export function commentRow(seed: CommentSeed): ConsultationCommentsTable {
  return { stance: 'agree', language: 'en', stakeholder_group: null, mode: null, status: 'published', hidden_reason: null, created_at: 1_000, ...seed };
}

/** Rows per INSERT: ~30 parameters a row keeps each statement under SQLite's 32,766. */
const ROWS_PER_INSERT = 500;

/** Inserts many rows of one table in batches (in one transaction for speed). */
export async function insertMany<T extends keyof Database>(db: DatabaseHandle['db'], table: T, rows: readonly Database[T][]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
      await trx
        .insertInto(table)
        .values(rows.slice(i, i + ROWS_PER_INSERT) as never)
        .execute();
    }
  });
}
