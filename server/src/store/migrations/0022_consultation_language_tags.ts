// PostgreSQL only: a consultation contribution's, version's and comment's language is any BCP 47
// tag the author or the staff give it (MT37, up to 35 characters, like `qa_questions.language` in
// 0017), but 0011 made these columns varchar(8): "zh-Hant-TW" stored on SQLite (which does not
// enforce a length) and failed with an internal error on PostgreSQL.
import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../dialect-of.js';

const TABLES = ['consultation_contributions', 'consultation_versions', 'consultation_comments'] as const;

export async function up(db: Kysely<any>) {
  if (dialectOf(db) !== 'postgres') return;
  for (const table of TABLES) await sql`alter table ${sql.table(table)} alter column language type varchar(35)`.execute(db);
}
