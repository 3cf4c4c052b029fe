import { type Kysely, PostgresAdapter } from 'kysely';

export async function up(db: Kysely<any>) {
  // Yjs updates are binary. Stored as bytes, not base64 text: a third smaller and no
  // encoding work on every flush. Both drivers hand bytes back as a Buffer. The type's
  // name differs: PostgreSQL's is bytea, SQLite's blob (under any other name SQLite would
  // give the column numeric affinity, which happens to keep blobs but reads as a mistake).
  const bytes = db.getExecutor().adapter instanceof PostgresAdapter ? 'bytea' : 'blob';
  // One compacted state per room: Y.encodeStateAsUpdate of the whole document.
  await db.schema
    .createTable('notepad_snapshots')
    .addColumn('room', 'varchar(200)', (c) => c.primaryKey())
    .addColumn('session_id', 'varchar(64)', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
    .addColumn('data', bytes, (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  // Updates since the snapshot, appended in batches; seq counts per room, from 1.
  await db.schema
    .createTable('notepad_updates')
    .addColumn('room', 'varchar(200)', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('session_id', 'varchar(64)', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
    .addColumn('data', bytes, (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('notepad_updates_pk', ['room', 'seq'])
    .execute();
  await db.schema.createIndex('notepad_snapshots_session').on('notepad_snapshots').column('session_id').execute();
}
