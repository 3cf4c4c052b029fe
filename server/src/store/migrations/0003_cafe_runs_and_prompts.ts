import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>) {
  // One row per café once its first round starts: the round and its timer (deadline or remainder).
  await db.schema
    .createTable('cafe_runs')
    .addColumn('session_id', 'varchar(64)', (c) => c.primaryKey().references('sessions.id').onDelete('cascade'))
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('timer', 'text')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('cafe_prompts')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('session_id', 'varchar(64)', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('table_id', 'varchar(64)')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('cafe_prompts_session').on('cafe_prompts').columns(['session_id', 'created_at']).execute();
}
