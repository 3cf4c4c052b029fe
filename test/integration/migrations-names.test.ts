import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/src/store/db.js';
import { migrateToLatest } from '../../server/src/store/migrations.js';
import { MIGRATIONS } from '../../server/src/store/migrations/index.js';
import { createTestDatabase } from '../helpers/server.js';
import { storageTargets } from '../helpers/storage-kinds.js';

// Kysely knows a migration by the name it recorded in `kysely_migration`: a released name that
// changed would run again on every existing database, and one that went would be missing.
const RELEASED = [
  '0001_sessions_and_participants',
  '0002_cafe_setup_and_plan',
  '0003_cafe_runs_and_prompts',
  '0004_notepads',
  '0005_townhall',
  '0006_record',
  '0007_harvest',
  '0008_observer_notes',
  '0009_townhall_hand_keys',
];

describe('migration names', () => {
  it('every released migration keeps its name, in order; new ones come after', () => {
    expect(Object.keys(MIGRATIONS).slice(0, RELEASED.length)).toEqual(RELEASED);
    expect(Object.keys(MIGRATIONS)).toEqual([...Object.keys(MIGRATIONS)].sort());
  });
});

const targets = await storageTargets();

describe.each(targets)('a database already migrated, on $kind', ({ kind, skip }) => {
  it.skipIf(Boolean(skip))('records exactly the listed names, and starting again runs none of them', async () => {
    const database = await createTestDatabase(kind);
    const handle = await openDatabase({ url: database.url, pgSchema: database.schema });
    try {
      const db = handle.db.withTables<{ kysely_migration: { name: string; timestamp: string } }>();
      const read = () => db.selectFrom('kysely_migration').select(['name', 'timestamp']).orderBy('name').execute();
      const before = await read();
      expect(before.map((r) => r.name)).toEqual(Object.keys(MIGRATIONS));
      await migrateToLatest(handle.db, database.schema);
      expect(await read()).toEqual(before);
    } finally {
      await handle.db.destroy();
      await database.drop();
    }
  });
});
