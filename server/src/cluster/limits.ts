import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Store } from 'express-rate-limit';
import type { createClient } from 'redis';

type Redis = ReturnType<typeof createClient>;

/** One limit: `points` per `duration` seconds per key; `keyPrefix` keeps limits apart in a shared store. */
export interface LimitOptions {
  keyPrefix: string;
  points: number;
  duration: number; // s
}

/** Makes the rate limiters: in memory on one process, in Redis across nodes (CLU10). */
export type LimiterFactory = (options: LimitOptions) => RateLimiterAbstract;

export const memoryLimiters: LimiterFactory = (options) => new RateLimiterMemory(options);

/**
 * Limits per person (and per IP) across nodes: the count lives in Redis, so a person spread over
 * three nodes has one budget, not three (CLU10). While Redis does not answer, each node counts in
 * its own memory (the insurance limiter) rather than refusing everyone or letting everything in (CLU11).
 */
export function redisLimiters(client: Redis, prefix: string): LimiterFactory {
  return (options) =>
    new RateLimiterRedis({
      storeClient: client,
      useRedisPackage: true,
      // While the client reconnects, a command would wait in its offline queue: the memory
      // limiter answers at once instead, so no command, connection or request waits on Redis (CLU102).
      rejectIfRedisNotReady: true,
      ...options,
      keyPrefix: `${prefix}limit:${options.keyPrefix}`,
      insuranceLimiter: new RateLimiterMemory(options),
    });
}

/**
 * express-rate-limit's counter kept by a rate limiter from `make`, so the HTTP limits per IP are
 * shared by the nodes too (CLU10); express-rate-limit still answers, with the same headers.
 */
export function limiterStore(make: LimiterFactory, keyPrefix: string, windowMs: number): Store {
  // Never refuses by itself: express-rate-limit compares the count with its own limit.
  const limiter = make({ keyPrefix, points: Number.MAX_SAFE_INTEGER, duration: Math.ceil(windowMs / 1000) });
  return {
    localKeys: false,
    prefix: keyPrefix,
    async increment(key) {
      const counted = await limiter.penalty(key, 1);
      return { totalHits: counted.consumedPoints, resetTime: new Date(Date.now() + counted.msBeforeNext) };
    },
    async decrement(key) {
      await limiter.reward(key, 1);
    },
    async resetKey(key) {
      await limiter.delete(key);
    },
  };
}
