import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/src/store/db.js';
import { migrateToLatest } from '../../server/src/store/migrations.js';

// Branches reserve migration numbers and land in any order (0006, the record's, arrived after
// 0007 and 0008 had run on main): a database must take a missing earlier migration.
describe('migrations out of order', () => {
  it('a database that ran 0007 and 0008 without 0006 takes 0006 when it arrives', async () => {
    const handle = await openDatabase({ url: ':memory:' });
    const db = handle.db.withTables<{ kysely_migration: { name: string } }>();
    // As main had it before the record landed: 0006 never ran, its tables do not exist.
    await db.schema.dropTable('speaker_log').execute();
    await db.schema.dropTable('record_publications').execute();
    await db.deleteFrom('kysely_migration').where('name', '=', '0006_record').execute();
    await migrateToLatest(handle.db);
    const names = await db.selectFrom('kysely_migration').select('name').orderBy('name').execute();
    expect(names.map((r) => r.name)).toEqual(expect.arrayContaining(['0006_record', '0007_harvest', '0008_observer_notes']));
    expect(await handle.db.selectFrom('speaker_log').select('id').execute()).toEqual([]); // the table is back
    await handle.db.destroy();
  });
});
