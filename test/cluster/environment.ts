import { existsSync } from 'node:fs';
import { createClient } from 'redis';
import { checkPostgres, requireAll } from '../helpers/environment.js';

// What the cluster suite needs on this machine: HAProxy, Redis and PostgreSQL (.ci/run installs
// and starts them). Missing, the suite is skipped with the reason, or fails under
// OPEN_TALKS_REQUIRE_ALL=1, like the other suites.

export const haproxyPath = process.env.HAPROXY_PATH ?? '/usr/sbin/haproxy';
export const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export async function checkRedis(): Promise<string | null> {
  const client = createClient({ url: redisUrl, socket: { connectTimeout: 3000, reconnectStrategy: false } });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
    return null;
  } catch (error) {
    return `Redis is not reachable at ${redisUrl} (${(error as Error).message}); apt-get install redis-server, or set TEST_REDIS_URL`;
  } finally {
    if (client.isOpen) await client.close().catch(() => undefined);
  }
}

export function checkHaproxy(): string | null {
  return existsSync(haproxyPath) ? null : `no HAProxy at ${haproxyPath} (apt-get install haproxy, or set HAPROXY_PATH)`;
}

/**
 * Why the cluster suite cannot run here, or undefined when it can. Under OPEN_TALKS_REQUIRE_ALL=1
 * a missing piece throws, so the file fails instead of being skipped.
 */
export async function clusterSkipReason(): Promise<string | undefined> {
  const reasons = [checkHaproxy(), await checkRedis(), await checkPostgres()].filter((r): r is string => r !== null);
  if (reasons.length === 0) return undefined;
  const text = reasons.join('; ');
  if (requireAll) throw new Error(`OPEN_TALKS_REQUIRE_ALL=1 but the cluster suite cannot run: ${text}`);
  console.warn(`cluster suite skipped: ${text}`);
  return text;
}
