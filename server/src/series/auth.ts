// Who is acting on a series (SER1): one of its members, by their own token. Session tokens do not
// open a series and series tokens do not open a session; the roles are read from the one
// permission table (`series:*` actions).
import { can, type Action } from '@open-talks/shared';
import type { Request } from 'express';
import { hashToken } from '../auth/tokens.js';
import { AppError } from '../errors.js';
import { bearerToken, budgetOf } from '../http/auth.js';
import { rateLimitedError } from '../limits/person-budget.js';
import type { SeriesMemberRecord, SeriesRecord, Store } from '../store/index.js';

export interface SeriesPrincipal {
  series: SeriesRecord;
  member: SeriesMemberRecord;
}

export type SeriesAuthenticate = (token: string | undefined) => Promise<SeriesPrincipal>;

export function seriesAuthenticator(store: Store): SeriesAuthenticate {
  return async (token) => {
    if (!token) throw new AppError('unauthenticated', 'A token is required (Authorization: Bearer <token>)');
    const member = await store.series.memberByTokenHash(hashToken(token));
    if (!member) throw new AppError('unauthenticated', 'This token is not valid for a series');
    if (member.removedAt !== null) throw new AppError('removed', 'You were removed from this series');
    const series = await store.series.byId(member.seriesId);
    if (!series) throw new AppError('unauthenticated', 'This token is not valid for a series');
    return { series, member };
  };
}

export function authorizeSeries(principal: SeriesPrincipal, action: Action): void {
  if (!can(principal.member.role, action)) throw new AppError('forbidden', `A ${principal.member.role} of the series may not do this (${action})`);
}

/** The budget key of a series member (LIMIT1: per person, shared with every endpoint). */
export function seriesPersonKey(principal: SeriesPrincipal): string {
  return `series-member:${principal.member.id}`;
}

/**
 * For every /api/series/:id… endpoint: the caller's token, their series (404 first for a series
 * that does not exist), the permission, and one command spent from their budget.
 */
export async function seriesPrincipalFor(store: Store, authenticate: SeriesAuthenticate, req: Request, seriesId: string, action: Action): Promise<SeriesPrincipal> {
  if (!(await store.series.byId(seriesId))) throw new AppError('not_found', 'No such series');
  const token = bearerToken(req);
  const budget = budgetOf(req);
  if (token && budget.refusesToken(token)) throw rateLimitedError();
  const principal = await authenticate(token);
  if (principal.series.id !== seriesId) throw new AppError('forbidden', 'This token belongs to another series');
  authorizeSeries(principal, action);
  const spent = await budget.spend(seriesPersonKey(principal));
  if (!spent.ok) {
    if (token) budget.rememberRefusal(token, spent.retryAfterMs);
    throw rateLimitedError();
  }
  return principal;
}
