import { existsSync } from 'node:fs';
import pg from 'pg';

/**
 * What the suites need from the machine, and whether it is here. A suite that cannot run
 * says why; with OPEN_TALKS_REQUIRE_ALL=1 (set by .ci/run) a missing piece fails the run instead.
 */
export const requireAll = process.env.OPEN_TALKS_REQUIRE_ALL === '1';

export const postgresUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function checkPostgres(): Promise<string | null> {
  const client = new pg.Client({ connectionString: postgresUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (error) {
    return `PostgreSQL is not reachable at ${new URL(postgresUrl).host} (${(error as Error).message}); set TEST_DATABASE_URL`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export function checkChromium(): string | null {
  return existsSync(chromiumPath) ? null : `no Chromium at ${chromiumPath} (apt-get install chromium, or set CHROMIUM_PATH)`;
}
