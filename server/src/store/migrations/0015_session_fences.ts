import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>) {
  // The fence of each session's latest owner (docs/cluster.md, CLU5): a transaction run for a
  // session on a node whose lease has passed to another finds a larger fence here and is refused.
  // No foreign key: a lease may be taken for a session id before (or after) its row exists.
  await db.schema
    .createTable('session_fences')
    .addColumn('session_id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('fence', 'bigint', (c) => c.notNull())
    .execute();
}
