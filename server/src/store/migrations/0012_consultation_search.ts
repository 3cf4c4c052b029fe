// Full-text search over contributions (CONS20) and the indexes lists sort on (CONS22). SQLite: an
// FTS5 table with external content (`consultation_contributions.search_text`, by rowid), kept in
// step by triggers, so nothing writes it by hand. PostgreSQL: a GIN index over
// to_tsvector('simple', search_text). `search_text` is already cut into words
// (shared/src/domain/consultation/search-words.ts: Chinese segmented, marks removed), so neither
// engine needs a language of its own. Counts change often: the update trigger fires only when
// `search_text` does, so a support never touches the text index.
//
// The contributions table has no INTEGER PRIMARY KEY, so a VACUUM may renumber its rowids:
// after one, run `insert into consultation_contributions_fts(consultation_contributions_fts) values('rebuild')`.
import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../dialect-of.js';

const TABLE = 'consultation_contributions';
/** Lists show neither merged duplicates nor (but for staff) other statuses: the indexes hold only what lists read. */
const LISTED = sql<boolean>`merged_into is null`;

/** The list orders (CONS22), each with and without a question, ties broken by time then id. */
const LIST_INDEXES: Record<string, string[]> = {
  consultation_list_supported: ['session_id', 'status', 'supports', 'created_at', 'id'],
  consultation_list_q_supported: ['session_id', 'question_id', 'status', 'supports', 'created_at', 'id'],
  consultation_list_newest: ['session_id', 'status', 'created_at', 'id'],
  consultation_list_q_newest: ['session_id', 'question_id', 'status', 'created_at', 'id'],
  consultation_list_discussed: ['session_id', 'status', 'comments', 'created_at', 'id'],
  consultation_list_q_discussed: ['session_id', 'question_id', 'status', 'comments', 'created_at', 'id'],
};

async function upSqlite(db: Kysely<any>) {
  await sql`create virtual table consultation_contributions_fts using fts5(search_text, content='consultation_contributions', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2')`.execute(
    db,
  );
  await sql`create trigger consultation_contributions_fts_insert after insert on consultation_contributions begin
    insert into consultation_contributions_fts(rowid, search_text) values (new.rowid, new.search_text);
  end`.execute(db);
  await sql`create trigger consultation_contributions_fts_delete after delete on consultation_contributions begin
    insert into consultation_contributions_fts(consultation_contributions_fts, rowid, search_text) values ('delete', old.rowid, old.search_text);
  end`.execute(db);
  await sql`create trigger consultation_contributions_fts_update after update of search_text on consultation_contributions begin
    insert into consultation_contributions_fts(consultation_contributions_fts, rowid, search_text) values ('delete', old.rowid, old.search_text);
    insert into consultation_contributions_fts(rowid, search_text) values (new.rowid, new.search_text);
  end`.execute(db);
  // Rows written before this migration (a branch that ran 0011 first).
  await sql`insert into consultation_contributions_fts(consultation_contributions_fts) values ('rebuild')`.execute(db);
}

export async function up(db: Kysely<any>) {
  if (dialectOf(db) === 'postgres') {
    await sql`create index consultation_contributions_search on consultation_contributions using gin (to_tsvector('simple', search_text))`.execute(db);
  } else {
    await upSqlite(db);
  }
  for (const [name, columns] of Object.entries(LIST_INDEXES)) {
    await db.schema.createIndex(name).on(TABLE).columns(columns).where(LISTED).execute();
  }
  await db.schema.createIndex('consultation_comments_page').on('consultation_comments').columns(['contribution_id', 'status', 'created_at', 'id']).execute();
}

export async function down(db: Kysely<any>) {
  await db.schema.dropIndex('consultation_comments_page').execute();
  for (const name of Object.keys(LIST_INDEXES)) await db.schema.dropIndex(name).execute();
  if (dialectOf(db) === 'postgres') {
    await db.schema.dropIndex('consultation_contributions_search').execute();
    return;
  }
  for (const trigger of ['insert', 'delete', 'update']) await sql.raw(`drop trigger consultation_contributions_fts_${trigger}`).execute(db);
  await sql`drop table consultation_contributions_fts`.execute(db);
}
