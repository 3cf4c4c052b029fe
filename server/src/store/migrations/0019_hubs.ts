import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>) {
  // A hub's registration (docs/hubs.md, HUB1): kept on the coordinator's participant row, so the
  // roster every screen reads carries it. All null for anyone who is not a hub. `hub_groups` is
  // the stakeholder groups present, comma-separated (closed words, never free text).
  await db.schema.alterTable('participants').addColumn('hub_name', 'varchar(80)').execute();
  await db.schema.alterTable('participants').addColumn('hub_place', 'varchar(120)').execute();
  await db.schema.alterTable('participants').addColumn('hub_headcount', 'integer').execute();
  await db.schema.alterTable('participants').addColumn('hub_groups', 'varchar(200)').execute();
}
