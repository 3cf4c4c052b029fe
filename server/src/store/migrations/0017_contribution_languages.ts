import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>) {
  // MT1: a Town Hall question knows the language it was written in (BCP 47). Questions asked
  // before take their author's interface language, what a new question defaults to.
  // (Consultation contributions and comments have had a language column since 0011.)
  await db.schema
    .alterTable('qa_questions')
    .addColumn('language', 'varchar(35)', (c) => c.notNull().defaultTo('und'))
    .execute();
  await sql`update qa_questions set language = coalesce((select p.language from participants p where p.id = qa_questions.author_id), 'und')`.execute(db);

  // MT20: the facilitator's switch for machine translation; on unless switched off.
  await db.schema
    .alterTable('sessions')
    .addColumn('machine_translation', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  // MT10: machine translations, apart from the human versions (0016's table): one per text, target
  // language and original (its hash), made once by the named engine and reused by every reader.
  await db.schema
    .createTable('machine_translations')
    .addColumn('session_id', 'varchar(64)', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
    .addColumn('content_key', 'varchar(200)', (c) => c.notNull())
    .addColumn('language', 'varchar(35)', (c) => c.notNull())
    .addColumn('original_hash', 'varchar(16)', (c) => c.notNull())
    .addColumn('source_language', 'varchar(35)', (c) => c.notNull())
    .addColumn('engine', 'varchar(40)', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('machine_translations_pk', ['session_id', 'content_key', 'language', 'original_hash'])
    .execute();
}
