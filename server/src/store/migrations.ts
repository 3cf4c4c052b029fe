import { type Kysely, type MigrationProvider, Migrator } from 'kysely';
import { MIGRATIONS } from './migrations/index.js';

const provider: MigrationProvider = {
  async getMigrations() {
    return MIGRATIONS;
  },
};

/** PostgreSQL's invalid_schema_name. */
const INVALID_SCHEMA_NAME = '3F000';
const SCHEMA_RACE_ATTEMPTS = 5;

/**
 * Brings the schema up to date; run on every start, safe to run concurrently (Kysely locks).
 * With a PostgreSQL schema, Kysely's own tables are looked up in that schema: otherwise it takes
 * another schema's `kysely_migration_lock` for its own and fails while two databases migrate at once.
 *
 * Kysely's PostgreSQL introspection walks every schema of the database (`has_schema_privilege`,
 * `pg_get_serial_sequence` per column), so another schema dropped during that walk (another
 * app's, or another test run's) fails our start with "schema … does not exist". Nothing of ours
 * changed: the walk is tried again.
 */
export async function migrateToLatest(db: Kysely<any>, schema?: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    // Branches reserve migration numbers and land in any order: a database that already ran 0007
    // and 0008 must still take 0006 when it arrives, rather than refuse to start.
    const migrator = new Migrator({ db, provider, allowUnorderedMigrations: true, ...(schema && { migrationTableSchema: schema }) });
    const { error, results } = await migrator.migrateToLatest();
    const failed = results?.find((r) => r.status === 'Error');
    if (!error && !failed) return;
    const otherSchemaGone = (error as { code?: string } | undefined)?.code === INVALID_SCHEMA_NAME && !failed;
    if (otherSchemaGone && attempt < SCHEMA_RACE_ATTEMPTS) {
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
      continue;
    }
    throw new Error(`migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  }
}
