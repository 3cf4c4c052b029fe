import { hash } from 'node:crypto';
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { memoryLimiters, type LimiterFactory } from '../cluster/limits.js';
import { AppError } from '../errors.js';

/** The outcome of spending from a budget. */
export type Spend =
  | { ok: true }
  /** `firstRefusal`: the first refusal of this window, so a flood is logged once, not per event. */
  | { ok: false; firstRefusal: boolean; retryAfterMs: number };

/**
 * One command budget per person, shared by all their Socket.IO connections and the HTTP API
 * (LIMIT1). Behind this interface so the state can live in Redis across nodes (CLU10):
 * rate-limiter-flexible's RateLimiterRedis takes the place of RateLimiterMemory, callers unchanged.
 */
export interface PersonBudget {
  spend(personKey: string, cost?: number): Promise<Spend>;
  /**
   * The fast path for a flood: a token whose person was just refused is refused again, until
   * the window ends, before any storage look-up (LIMIT3). `remember` is told of each refusal.
   */
  refusesToken(token: string): boolean;
  rememberRefusal(token: string, forMs: number): void;
}

/** Who pays: a participant (all their tabs and scripts), or one session's projector displays. */
export function personKey(sessionId: string, participantId: string | null): string {
  return participantId ?? `display:${sessionId}`;
}

const REMEMBERED_TOKENS = 10_000; // refused tokens kept at most; the oldest are forgotten first

// No raw token kept. One-shot hash: this runs for every call of a flood, so no Hash object each time.
const tokenKey = (token: string) => hash('sha256', token, 'base64url');

export function rateLimiterBudget(limiter: RateLimiterAbstract): PersonBudget {
  const refusedUntil = new Map<string, number>(); // token hash → epoch ms
  return {
    refusesToken(token) {
      const key = tokenKey(token);
      const until = refusedUntil.get(key);
      if (until === undefined) return false;
      if (until > Date.now()) return true;
      refusedUntil.delete(key);
      return false;
    },
    rememberRefusal(token, forMs) {
      const key = tokenKey(token);
      refusedUntil.delete(key); // re-inserted last: the map stays in order of expiry, roughly
      refusedUntil.set(key, Date.now() + forMs);
      if (refusedUntil.size > REMEMBERED_TOKENS) refusedUntil.delete(refusedUntil.keys().next().value!);
    },
    async spend(key, cost = 1) {
      try {
        await limiter.consume(key, cost);
        return { ok: true };
      } catch (refusal) {
        if (!(refusal instanceof RateLimiterRes)) throw refusal; // the store failed: not a refusal
        // consumedPoints counts this call: the first refusal is the one that took the count past `points`.
        return { ok: false, firstRefusal: refusal.consumedPoints - cost <= limiter.points, retryAfterMs: refusal.msBeforeNext };
      }
    },
  };
}

/** The command budget: in memory by default, in Redis when `limiters` are (CLU10). */
export function memoryBudget(pointsPer10s: number, limiters: LimiterFactory = memoryLimiters): PersonBudget {
  return rateLimiterBudget(limiters({ keyPrefix: 'commands', points: pointsPer10s, duration: 10 }));
}

export const RATE_LIMITED_MESSAGE = 'Too many actions at once; wait a few seconds and try again';

export function rateLimitedError(): AppError {
  return new AppError('rate_limited', RATE_LIMITED_MESSAGE);
}
