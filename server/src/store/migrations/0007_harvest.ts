import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>) {
  // Whether the projector shows the harvest (HARV6); kept with the café's run, off by default.
  await db.schema
    .alterTable('cafe_runs')
    .addColumn('harvest_shown', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}
