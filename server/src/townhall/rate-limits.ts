import { RateLimiterMemory } from 'rate-limiter-flexible';
import { AppError } from '../errors.js';

export interface TownhallRateLimits {
  questionsPerMinute: number;
  votesPer10s: number;
  handsPerMinute: number;
}

export type LimitedAction = 'ask' | 'vote' | 'hand';

const MESSAGES: Record<LimitedAction, string> = {
  ask: 'You are asking questions too quickly; wait a minute and try again',
  vote: 'You are voting too quickly; wait a few seconds and try again',
  hand: 'You are raising your hand too often; wait a minute and try again',
};

/**
 * Per-person limits on asking, voting (questions and polls) and raising hands, on top of the
 * general command limit: a refused action changes nothing and says why (`rate_limited`).
 */
export function townhallLimiter(limits: TownhallRateLimits): (action: LimitedAction, participantId: string) => Promise<void> {
  const limiters: Record<LimitedAction, RateLimiterMemory> = {
    ask: new RateLimiterMemory({ points: limits.questionsPerMinute, duration: 60 }),
    vote: new RateLimiterMemory({ points: limits.votesPer10s, duration: 10 }),
    hand: new RateLimiterMemory({ points: limits.handsPerMinute, duration: 60 }),
  };
  return async (action, participantId) => {
    await limiters[action].consume(participantId).catch(() => {
      throw new AppError('rate_limited', MESSAGES[action]);
    });
  };
}
