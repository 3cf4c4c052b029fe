import { type Kysely, PostgresAdapter } from 'kysely';
import type { Dialect } from './db.js';

/**
 * Which engine a Kysely instance (or transaction) talks to, read from its adapter: for the few
 * statements written per dialect (full-text search, migration 0012), with no handle passed around.
 */
export function dialectOf<DB>(db: Kysely<DB>): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}
