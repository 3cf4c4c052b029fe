// PostgreSQL only: the contribution's text vector stored (a generated column, PostgreSQL 12+),
// so neither the GIN index's recheck nor ts_rank computes it again for every candidate row
// (CONS29: similar contributions compare a draft with hundreds of them). `search_vector` is not
// in consultation-schema.ts: nothing writes it, and SQLite has none (FTS5 holds its own copy).
import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../dialect-of.js';

export async function up(db: Kysely<any>) {
  if (dialectOf(db) !== 'postgres') return;
  await sql`alter table consultation_contributions add column search_vector tsvector generated always as (to_tsvector('simple', search_text)) stored`.execute(db);
  await sql`drop index consultation_contributions_search`.execute(db);
  await sql`create index consultation_contributions_search on consultation_contributions using gin (search_vector)`.execute(db);
}

export async function down(db: Kysely<any>) {
  if (dialectOf(db) !== 'postgres') return;
  await sql`drop index consultation_contributions_search`.execute(db);
  await sql`alter table consultation_contributions drop column search_vector`.execute(db);
  await sql`create index consultation_contributions_search on consultation_contributions using gin (to_tsvector('simple', search_text))`.execute(db);
}
