import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>) {
  // A hub's own café table (SEAT11, HUB50): made for it when it joins, it sits there alone every
  // round. Null for every other table.
  await db.schema.alterTable('cafe_tables').addColumn('hub_participant_id', 'varchar(64)').execute();
}
