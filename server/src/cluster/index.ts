// A node among several (docs/cluster.md): with REDIS_URL set, Redis holds the session leases, the
// node directory, Socket.IO's broadcasts and the rate limits; PostgreSQL the fences. Without it,
// everything stays in this process, as it always was, with nothing extra to run.
import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { Kysely } from 'kysely';
import { createClient } from 'redis';
import type { ServerOptions } from 'socket.io';
import type { ClusterConfig } from '../config.js';
import type { Logger } from '../log.js';
import type { Database } from '../store/schema.js';
import { fenceCheck, recordFence, type FenceCheck } from './fencing.js';
import { memoryLimiters, redisLimiters, type LimiterFactory } from './limits.js';
import { soloDirectory, soloOwnership, type NodeDirectory, type SessionOwnership } from './ownership.js';
import { RedisLeases } from './redis-lease.js';
import { RedisNodeDirectory } from './registry.js';

export type Redis = ReturnType<typeof createClient>;

const HEALTH_PING_MS = 1_000; // ms: a Redis that takes longer to answer a PING counts as down
const HEALTH_EVERY_MS = 1_000; // ms between background PINGs (CLU100)
const HEALTH_STALE_MS = 3_000; // ms: with no answered PING for this long, Redis counts as down
/** ms the adapter's stream keeps a broadcast: far past any live node's lag, short of lingering on disk (CLU105). */
export const STREAM_KEEP_MS = 10 * 60_000;
const STREAM_TRIM_EVERY_MS = 60_000;

export interface Cluster {
  /** This node's id ('solo' on one process). */
  nodeId: string;
  ownership: SessionOwnership;
  directory: NodeDirectory;
  /** The shared Redis client (undefined on one process). */
  redis: Redis | undefined;
  /** Socket.IO's adapter across nodes (undefined: the in-memory one). */
  adapter: ServerOptions['adapter'] | undefined;
  /** Makes the rate limiters: in Redis across nodes, in memory on one process (CLU10). */
  limiters: LimiterFactory;
  /** What every store transaction checks first (cluster only, CLU6). */
  fenceCheck: FenceCheck | undefined;
  /** For /api/health in cluster mode (CLU14): answers at once, from the last background PING (CLU100). */
  health: (() => Promise<{ node: string; redis: 'ok' | 'down' }>) | undefined;
  /** Gives the leases back and leaves the directory, so the others take over at once. */
  release(): Promise<void>;
  /** release, then closes the Redis client: call after Socket.IO has closed (its adapter uses Redis). */
  close(): Promise<void>;
}

/** One process: it owns every session; limits and broadcasts stay in memory. */
export function soloCluster(): Cluster {
  const ownership = soloOwnership();
  return {
    nodeId: ownership.nodeId,
    ownership,
    directory: soloDirectory(ownership.nodeId),
    redis: undefined,
    adapter: undefined,
    limiters: memoryLimiters,
    fenceCheck: undefined,
    health: undefined,
    release: () => Promise.resolve(),
    close: () => Promise.resolve(),
  };
}

/**
 * Connects to Redis and joins the cluster: leases (their fences written to `db`), the node
 * directory, the Socket.IO adapter and the shared limits. Solo when `config` is undefined.
 */
export async function startCluster(config: ClusterConfig | undefined, log: Logger, db: Kysely<Database>): Promise<Cluster> {
  if (!config) return soloCluster();
  const { nodeId, redisPrefix: prefix, leaseMs } = config;
  const redis: Redis = createClient({ url: config.redisUrl });
  // node-redis reconnects by itself; an unhandled 'error' would end the process instead.
  let lastError = 0;
  redis.on('error', (error: unknown) => {
    if (Date.now() - lastError > 10_000) log.warn({ err: error }, 'Redis connection error (reconnecting)');
    lastError = Date.now();
  });
  await redis.connect();

  const leases = new RedisLeases(redis, nodeId, leaseMs, log, { prefix, recordFence: (sessionId, fence) => recordFence(db, sessionId, fence) });
  const directory = new RedisNodeDirectory(redis, prefix, nodeId, config.nodeUrl, log);
  await directory.start(Math.floor(leaseMs / 3));
  const adapter = createAdapter(redis, {
    streamName: `${prefix}socket.io`,
    channelPrefix: `${prefix}socket.io`,
    sessionKeyPrefix: `${prefix}sio:session:`,
  });

  const health = new RedisHealth(redis);
  // The adapter trims its stream by length only (about 10,000 entries): on a quiet cluster a
  // broadcast, names and words included, would stay for days, in the AOF too. Trim by age as well.
  const trimmer = setInterval(() => void trimStream(redis, `${prefix}socket.io`, STREAM_KEEP_MS).catch(() => undefined), STREAM_TRIM_EVERY_MS);
  trimmer.unref();
  let released: Promise<void> | undefined;
  const release = () => (released ??= Promise.all([leases.close(), directory.close()]).then(() => undefined));
  log.info({ node: nodeId, url: config.nodeUrl, prefix }, 'joined the cluster');
  return {
    nodeId,
    ownership: leases,
    directory,
    redis,
    adapter,
    limiters: redisLimiters(redis, prefix),
    fenceCheck: fenceCheck((sessionId, staleFence) => leases.lose(sessionId, staleFence)),
    health: () => Promise.resolve({ node: nodeId, redis: health.ok() ? 'ok' : 'down' }),
    release,
    async close() {
      health.close();
      clearInterval(trimmer);
      await release();
      if (redis.isOpen) await redis.close().catch(() => redis.destroy());
    },
  };
}

/** Drops the entries of `stream` older than `keepMs` (stream ids start with their epoch ms); answers how many went. */
export function trimStream(redis: { xTrim(key: string, strategy: 'MINID', threshold: string): Promise<number> }, stream: string, keepMs: number): Promise<number> {
  return redis.xTrim(stream, 'MINID', String(Date.now() - keepMs));
}

/**
 * Whether Redis answers, as last seen by a PING sent every HEALTH_EVERY_MS (CLU100). The health
 * check never waits for Redis: the proxy checks every node each second and cuts every client of
 * a node it marks down, so a slow Redis or a busy event loop must not fail every node's check.
 */
class RedisHealth {
  private lastAnswer = Date.now(); // connect() has just succeeded
  private lastFailed = false;
  private pending = false;
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly redis: Redis) {
    this.timer = setInterval(() => void this.check(), HEALTH_EVERY_MS);
    this.timer.unref();
  }

  ok(): boolean {
    return !this.lastFailed && Date.now() - this.lastAnswer < HEALTH_STALE_MS;
  }

  close(): void {
    clearInterval(this.timer);
  }

  private async check(): Promise<void> {
    if (this.pending) return; // the last PING is still out: it counts as late, and staleness shows it
    this.pending = true;
    try {
      const answered = await redisAnswers(this.redis);
      this.lastFailed = !answered;
      if (answered) this.lastAnswer = Date.now();
    } finally {
      this.pending = false;
    }
  }
}

async function redisAnswers(redis: Redis): Promise<boolean> {
  if (!redis.isReady) return false;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), HEALTH_PING_MS)));
  const answered = redis.ping().then(
    () => true,
    () => false,
  );
  return Promise.race([answered, late]).finally(() => clearTimeout(timer));
}
