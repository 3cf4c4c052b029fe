import { checkPostgres, requireAll } from './environment.js';
import type { StorageKind } from './server.js';

export interface StorageTarget {
  kind: StorageKind;
  /** Why this storage's suite is skipped, or undefined when it runs. */
  skip: string | undefined;
}

/**
 * The storages a suite runs on. PostgreSQL is skipped only when it is unreachable and
 * OPEN_TALKS_REQUIRE_ALL is not '1'; under that flag the suite runs and fails loudly.
 */
export async function storageTargets(): Promise<StorageTarget[]> {
  const pgReason = await checkPostgres();
  return [
    { kind: 'sqlite', skip: undefined },
    { kind: 'postgres', skip: pgReason && !requireAll ? pgReason : undefined },
  ];
}
