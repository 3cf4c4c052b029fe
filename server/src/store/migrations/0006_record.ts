// The record (issue 6): the public outcome page's link, and the Town Hall's speaker log.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>) {
  // One publication per session; the slug outlives unpublishing so the link stays stable.
  await db.schema
    .createTable('record_publications')
    .addColumn('session_id', 'varchar(64)', (c) => c.primaryKey().references('sessions.id').onDelete('cascade'))
    .addColumn('slug', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('published_at', 'bigint')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  // Who had the floor, when and for how long: one row per turn, closed when the turn ends.
  await db.schema
    .createTable('speaker_log')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('session_id', 'varchar(64)', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
    .addColumn('participant_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('mode', 'varchar(16)', (c) => c.notNull())
    .addColumn('stakeholder_group', 'varchar(32)', (c) => c.notNull())
    .addColumn('topic', 'text')
    .addColumn('started_at', 'bigint', (c) => c.notNull())
    .addColumn('ended_at', 'bigint')
    .execute();
  await db.schema.createIndex('speaker_log_session').on('speaker_log').columns(['session_id', 'started_at']).execute();
}
