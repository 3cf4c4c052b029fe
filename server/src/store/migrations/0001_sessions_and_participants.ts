import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>) {
  await db.schema
    .createTable('sessions')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('format', 'varchar(16)', (c) => c.notNull())
    .addColumn('attribution', 'varchar(16)', (c) => c.notNull())
    .addColumn('languages', 'text', (c) => c.notNull())
    .addColumn('join_code', 'varchar(16)', (c) => c.notNull())
    .addColumn('projector_token_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('ended_at', 'bigint')
    .execute();
  // Codes must be unique among live sessions; an ended session gives its code back.
  await db.schema.createIndex('sessions_live_join_code').on('sessions').column('join_code').unique().where(sql.ref('ended_at'), 'is', null).execute();
  await db.schema.createIndex('sessions_projector_token_hash').on('sessions').column('projector_token_hash').unique().execute();

  await db.schema
    .createTable('participants')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('session_id', 'varchar(64)', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
    .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('display_name', 'text')
    .addColumn('role', 'varchar(16)', (c) => c.notNull())
    .addColumn('mode', 'varchar(16)', (c) => c.notNull())
    .addColumn('stakeholder_group', 'varchar(32)', (c) => c.notNull())
    .addColumn('language', 'varchar(8)', (c) => c.notNull())
    .addColumn('joined_at', 'bigint', (c) => c.notNull())
    .addColumn('removed_at', 'bigint')
    .execute();
  await db.schema.createIndex('participants_session').on('participants').columns(['session_id', 'joined_at']).execute();
}
