import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>) {
  // Whether observers may read the tables' notes (NOTE3); sessions made before could.
  await db.schema
    .alterTable('sessions')
    .addColumn('observer_notes', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
}
