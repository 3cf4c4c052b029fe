import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>) {
  // Human versions of a text in another language (docs/languages.md, LANG1–LANG9, LANG30): one per
  // session, content key (`<kind>/<id>/<field>`) and BCP 47 tag. `original_hash` is the hash of the
  // original the version was made from (an edited original makes it outdated); `translator_id`
  // says who wrote it, for the record only: it is never sent to anyone.
  await db.schema
    .createTable('content_versions')
    .addColumn('session_id', 'varchar(64)', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
    .addColumn('content_key', 'varchar(200)', (c) => c.notNull())
    .addColumn('language', 'varchar(35)', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('original_hash', 'varchar(16)', (c) => c.notNull())
    .addColumn('translator_id', 'varchar(64)')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('content_versions_pk', ['session_id', 'content_key', 'language'])
    .execute();
  // Which language an original is in, when someone said so (LANG15): without a row, the session's first language.
  await db.schema
    .createTable('content_original_languages')
    .addColumn('session_id', 'varchar(64)', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
    .addColumn('content_key', 'varchar(200)', (c) => c.notNull())
    .addColumn('language', 'varchar(35)', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('content_original_languages_pk', ['session_id', 'content_key'])
    .execute();
}

export async function down(db: Kysely<any>) {
  await db.schema.dropTable('content_original_languages').execute();
  await db.schema.dropTable('content_versions').execute();
}
