import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>) {
  // NOTE18: the language a café table's free notes are written in, in one round, once someone
  // chose it: each round seats another group, whose notes are their own. A table and round without
  // a row take the default (NOTE17), worked out from that round's seating each time.
  await db.schema
    .createTable('table_notes_languages')
    .addColumn('session_id', 'varchar(64)', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
    .addColumn('table_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('language', 'varchar(35)', (c) => c.notNull())
    .addColumn('set_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('table_notes_languages_pk', ['session_id', 'table_id', 'round'])
    .execute();
}
