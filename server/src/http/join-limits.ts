import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { limiterStore, memoryLimiters, type LimiterFactory } from '../cluster/limits.js';
import type { Config } from '../config.js';

const MINUTE = 60_000; // ms

function refuse(message: string): { error: { code: 'rate_limited'; message: string } } {
  return { error: { code: 'rate_limited', message } };
}

/** `shared`: the counts live where `make` keeps them (Redis across nodes, CLU10); otherwise express-rate-limit's memory. */
function perIp(limit: number, message: string, name: string, shared: LimiterFactory | undefined): RequestHandler {
  return rateLimit({
    windowMs: MINUTE,
    limit,
    ...(shared && { store: limiterStore(shared, name, MINUTE) }),
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, res) => {
      res.status(429).json(refuse(message));
    },
  });
}

/**
 * Counts only wrong codes (a 404 once the request is answered) and refuses an address that has
 * run out of them. Successes are never counted, not even while in flight, so a flood of right
 * codes cannot use up the wrong-code budget of a venue sharing one address.
 */
function wrongCodesPerIp(limit: number, message: string, make: LimiterFactory): RequestHandler {
  const failures = make({ keyPrefix: 'join-failures', points: limit, duration: MINUTE / 1000 });
  return (req, res, next) => {
    const ip = req.ip ?? 'unknown';
    failures.get(ip).then((spent) => {
      if (spent && spent.consumedPoints >= limit) {
        res
          .set('Retry-After', String(Math.ceil(spent.msBeforeNext / 1000)))
          .status(429)
          .json(refuse(message));
        return;
      }
      res.once('finish', () => {
        if (res.statusCode === 404) void failures.penalty(ip);
      });
      next();
    }, next);
  };
}

export interface JoinLimits {
  /** Before `GET /api/join/:joinCode`. */
  preview: RequestHandler[];
  /** Before `POST /api/join`. */
  join: RequestHandler[];
}

/**
 * The door's limits, per IP (LIMIT5). Previewing a code and joining have budgets of their own,
 * so a page reloading in a loop cannot use up the joins of a venue sharing one address; and
 * wrong codes (404), through either, share a much smaller budget: guessing is what costs, while
 * the right code costs nothing there. Past that budget the address is refused for the minute.
 * With `shared` (a cluster), every count is kept across nodes.
 */
export function joinLimits(limits: Config['limits'], shared?: LimiterFactory): JoinLimits {
  const wrongCodes = wrongCodesPerIp(
    limits.joinFailuresPerMinute,
    'Too many wrong join codes from this network; check the code and try again in a minute',
    shared ?? memoryLimiters,
  );
  return {
    preview: [wrongCodes, perIp(limits.previewPerMinute, 'Too many code look-ups from this network; try again in a minute', 'preview', shared)],
    join: [wrongCodes, perIp(limits.joinPerMinute, 'Too many requests from this network; try again in a minute', 'join', shared)],
  };
}
