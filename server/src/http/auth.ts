import type { Express, Request, RequestHandler } from 'express';
import { AppError } from '../errors.js';
import { personKey, rateLimitedError, type PersonBudget } from '../limits/person-budget.js';
import { authorize, requireSameSession, type Principal } from '../sessions/principal.js';
import type { SessionService } from '../sessions/session-service.js';
import type { Action } from '@open-talks/shared';

export function bearerToken(req: Request): string | undefined {
  const header = req.get('authorization');
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw new AppError('unauthenticated', 'Use the header "Authorization: Bearer <token>"');
  return match[1];
}

const BUDGET_KEY = 'personBudget';

/** Every authenticated endpoint spends from the same per-person budget as Socket.IO (LIMIT1). */
export function setPersonBudget(app: Express, budget: PersonBudget): void {
  app.locals[BUDGET_KEY] = budget;
}

export function budgetOf(req: Request): PersonBudget {
  const budget = req.app.locals[BUDGET_KEY] as PersonBudget | undefined;
  if (!budget) throw new Error('the HTTP app has no person budget (setPersonBudget)');
  return budget;
}

/**
 * First thing for every API request, before its body is read: a token still refused for its
 * rate gets its 429 at once (LIMIT3), so a flood of refused calls costs the least it can.
 */
export const refuseWhileLimited: RequestHandler = (req, _res, next) => {
  const token = /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '')?.[1];
  next(token && budgetOf(req).refusesToken(token) ? rateLimitedError() : undefined);
};

/**
 * Who is calling, having spent one command from their budget (LIMIT1): for every endpoint that
 * takes a token, through principalFor or directly (a notepad ticket).
 */
export async function authenticateAndSpend(service: SessionService, req: Request): Promise<Principal> {
  const token = bearerToken(req);
  const budget = budgetOf(req);
  if (token && budget.refusesToken(token)) throw rateLimitedError(); // still refused: no look-up
  const principal = await service.authenticate(token);
  const spent = await budget.spend(personKey(principal.session.id, principal.participant?.id ?? null));
  if (!spent.ok) {
    if (spent.firstRefusal)
      req.log.warn(
        { event: 'rate-limited', sessionId: principal.session.id, participantId: principal.participant?.id },
        'over the command limit; further refusals in this window are not logged',
      );
    if (token) budget.rememberRefusal(token, spent.retryAfterMs);
    throw rateLimitedError();
  }
  return principal;
}

/**
 * Who is calling, for this session, allowed to do `action` — or an error that says why not.
 * The call spends one command from the caller's budget, shared with their sockets (LIMIT1).
 */
export async function principalFor(service: SessionService, req: Request, sessionId: string, action: Action): Promise<Principal> {
  const principal = await authenticateAndSpend(service, req);
  requireSameSession(principal, sessionId);
  authorize(principal, action);
  return principal;
}
