import { checkChromium, checkPostgres, requireAll } from './environment.js';

/** Says plainly, once, which suites will be skipped and why; fails instead under CI. */
export default async function globalSetup(): Promise<void> {
  const missing: string[] = [];
  const pgReason = await checkPostgres();
  if (pgReason) missing.push(`storage and integration suites on PostgreSQL skipped: ${pgReason}`);
  const chromiumReason = checkChromium();
  if (chromiumReason) missing.push(`browser end-to-end suites skipped: ${chromiumReason}`);
  if (missing.length === 0) return;
  const text = missing.map((line) => `  - ${line}`).join('\n');
  if (requireAll) throw new Error(`OPEN_TALKS_REQUIRE_ALL=1 but some suites cannot run:\n${text}`);
  console.warn(`\nSKIPPED SUITES (set OPEN_TALKS_REQUIRE_ALL=1 to make this an error):\n${text}\n`);
}
