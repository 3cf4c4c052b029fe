import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>) {
  // Caption streams per language (issue 18, CAPS1): each stream's latest lines (the state, the
  // plain-text stream) are read by session and language, newest first.
  await db.schema.createIndex('captions_session_language').on('captions').columns(['session_id', 'language', 'seq']).execute();
}

export async function down(db: Kysely<any>) {
  await db.schema.dropIndex('captions_session_language').execute();
}
