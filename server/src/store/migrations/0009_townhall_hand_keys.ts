import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>) {
  // The secret a Town Hall's hand handles are keyed with (HAND11): staff name a hand by a
  // handle, never by the participant id their people list would turn into a name (ATTR4).
  await db.schema
    .createTable('townhall_hand_keys')
    .addColumn('session_id', 'varchar(64)', (c) => c.primaryKey().references('sessions.id').onDelete('cascade'))
    .addColumn('secret', 'varchar(64)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
}
