import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { AppError } from '../errors.js';

/** The outcome of spending from a budget. */
export type Spend =
  | { ok: true }
  /** `firstRefusal`: the first refusal of this window, so a flood is logged once, not per event. */
  | { ok: false; firstRefusal: boolean; retryAfterMs: number };

/**
 * One command budget per person, shared by all their Socket.IO connections and the HTTP API
 * (LIMIT1). Behind this interface so the state can later live in Redis: rate-limiter-flexible's
 * RateLimiterRedis takes the place of RateLimiterMemory without touching the callers.
 */
export interface PersonBudget {
  spend(personKey: string, cost?: number): Promise<Spend>;
}

/** Who pays: a participant (all their tabs and scripts), or one session's projector displays. */
export function personKey(sessionId: string, participantId: string | null): string {
  return participantId ?? `display:${sessionId}`;
}

export function rateLimiterBudget(limiter: RateLimiterAbstract): PersonBudget {
  return {
    async spend(key, cost = 1) {
      try {
        await limiter.consume(key, cost);
        return { ok: true };
      } catch (refusal) {
        if (!(refusal instanceof RateLimiterRes)) throw refusal; // the store failed: not a refusal
        return { ok: false, firstRefusal: refusal.consumedPoints - cost < limiter.points, retryAfterMs: refusal.msBeforeNext };
      }
    },
  };
}

export function memoryBudget(pointsPer10s: number): PersonBudget {
  return rateLimiterBudget(new RateLimiterMemory({ points: pointsPer10s, duration: 10 }));
}

export const RATE_LIMITED_MESSAGE = 'Too many actions at once; wait a few seconds and try again';

export function rateLimitedError(): AppError {
  return new AppError('rate_limited', RATE_LIMITED_MESSAGE);
}
