import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>) {
  // What the projector shows (PROJ1), as JSON; null: follow the session (`auto`), as before.
  await db.schema.alterTable('sessions').addColumn('projector', 'text').execute();
}

export async function down(db: Kysely<any>) {
  await db.schema.alterTable('sessions').dropColumn('projector').execute();
}
