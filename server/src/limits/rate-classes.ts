import type { RateClass } from '@open-talks/shared/protocol';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { memoryLimiters, type LimiterFactory } from '../cluster/limits.js';
import { AppError } from '../errors.js';

export interface RateClassLimits {
  questionsPerMinute: number;
  votesPer10s: number;
  handsPerMinute: number;
  /** Consultation writing: contributions, edits, comments, flags and proposed statements together. */
  contributionsPerMinute: number;
}

/** Spends one from the person's bucket of that class, or refuses with `rate_limited`. */
export type RateLimit = (rate: RateClass, participantId: string) => Promise<void>;

const MESSAGES: Record<RateClass, string> = {
  ask: 'You are asking questions too quickly; wait a minute and try again',
  vote: 'You are voting too quickly; wait a few seconds and try again',
  hand: 'You are raising your hand too often; wait a minute and try again',
  contribute: 'You are writing too quickly; wait a minute and try again',
};

/**
 * Per-person limits on asking, voting (questions and polls) and raising hands, on top of the
 * general command limit: a refused action changes nothing and says why (`rate_limited`).
 * Which command pays which class is the command table's `rate` (runCommand applies it).
 */
export function rateClassLimiter(limits: RateClassLimits, make: LimiterFactory = memoryLimiters): RateLimit {
  const limiters: Record<RateClass, RateLimiterAbstract> = {
    ask: make({ keyPrefix: 'ask', points: limits.questionsPerMinute, duration: 60 }),
    vote: make({ keyPrefix: 'vote', points: limits.votesPer10s, duration: 10 }),
    hand: make({ keyPrefix: 'hand', points: limits.handsPerMinute, duration: 60 }),
    contribute: make({ keyPrefix: 'contribute', points: limits.contributionsPerMinute, duration: 60 }),
  };
  return async (rate, participantId) => {
    await limiters[rate].consume(participantId).catch((refusal: unknown) => {
      if (refusal instanceof Error) throw refusal; // the store failed: not a refusal
      throw new AppError('rate_limited', MESSAGES[rate]);
    });
  };
}
