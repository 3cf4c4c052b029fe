// Who is on a lite page (LITE10–LITE19): the participant token from an HttpOnly, SameSite=Strict
// cookie, or from a form field / the address for browsers that keep no cookies; a CSRF token on
// every form; and the same per-person budget as every other authenticated call (LIMIT1).
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import type { SessionFormat } from '@open-talks/shared';
import { budgetOf } from '../http/auth.js';
import { personKey, rateLimitedError } from '../limits/person-budget.js';
import { AppError } from '../errors.js';
import type { Principal } from '../sessions/principal.js';
import type { SessionService } from '../sessions/session-service.js';

/** The form field (and query parameter) that carries the token when cookies do not work. */
export const TOKEN_FIELD = 't';
/** The form field that carries the CSRF token. */
export const CSRF_FIELD = 'csrf';
/** Participant tokens are `p_` and base64url; anything else is not looked up at all. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{10,200}$/;

/** One cookie per session, so one phone can be in two sessions; the path keeps it off the API. */
export function cookieName(joinCode: string): string {
  return `ot_lite_${joinCode}`;
}

/** How long the cookie lasts: a live event is over within a day; a consultation runs for weeks. */
export function cookieMaxAge(format: SessionFormat): number {
  return format === 'consultation' ? 30 * 24 * 3600 : 24 * 3600; // s
}

export function setTokenCookie(req: Request, res: Response, joinCode: string, token: string, format: SessionFormat): void {
  const parts = [`${cookieName(joinCode)}=${token}`, 'Path=/lite', `Max-Age=${cookieMaxAge(format)}`, 'HttpOnly', 'SameSite=Strict'];
  if (req.secure) parts.push('Secure');
  res.append('Set-Cookie', parts.join('; '));
}

export function clearTokenCookie(req: Request, res: Response, joinCode: string): void {
  res.append('Set-Cookie', `${cookieName(joinCode)}=; Path=/lite; Max-Age=0; HttpOnly; SameSite=Strict${req.secure ? '; Secure' : ''}`);
}

function fromCookie(req: Request, joinCode: string): string | undefined {
  const header = req.get('cookie');
  if (!header) return undefined;
  const name = cookieName(joinCode);
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** Where the token came from: the cookie, or the page's own form field / address (no cookies). */
export interface Carried {
  token: string;
  inCookie: boolean;
}

/** The token this request carries for this session, if any and well-formed. The cookie wins. */
export function carriedToken(req: Request, joinCode: string): Carried | undefined {
  const cookie = fromCookie(req, joinCode);
  if (cookie && TOKEN_SHAPE.test(cookie)) return { token: cookie, inCookie: true };
  const body = (req.body ?? {}) as Record<string, unknown>;
  const field = typeof body[TOKEN_FIELD] === 'string' ? body[TOKEN_FIELD] : req.query[TOKEN_FIELD];
  if (typeof field === 'string' && TOKEN_SHAPE.test(field)) return { token: field, inCookie: false };
  return undefined;
}

/**
 * CSRF tokens: an HMAC of the participant token with the server's secret (the cluster's shared
 * secret, so every node accepts what another rendered; on one process a random one per start).
 * A forged cross-site form cannot know it: it never sees the page, and the cookie is HttpOnly.
 */
export class CsrfTokens {
  private readonly key: Buffer;
  constructor(secret: string | undefined) {
    this.key = secret ? Buffer.from(`lite-csrf:${secret}`) : randomBytes(32);
  }

  for(token: string): string {
    return createHmac('sha256', this.key).update(token).digest('base64url').slice(0, 32);
  }

  /** Throws `forbidden` unless the request's CSRF field matches its token (LITE12). */
  check(req: Request, token: string): void {
    const sent = ((req.body ?? {}) as Record<string, unknown>)[CSRF_FIELD];
    const expected = Buffer.from(this.for(token));
    if (typeof sent !== 'string' || sent.length !== expected.length || !timingSafeEqual(Buffer.from(sent), expected)) {
      throw new AppError('forbidden', 'This form has expired or did not come from this site; reload the page and try again');
    }
  }
}

/**
 * The person behind a token, for the session of this join code, having spent one command from
 * their budget, shared with their sockets and the API (LIMIT1). Undefined when the token is not
 * (or no longer) theirs in this session: the page then offers to join.
 */
export async function liteSignIn(service: SessionService, req: Request, joinCode: string, token: string): Promise<Principal | undefined> {
  const budget = budgetOf(req);
  if (budget.refusesToken(token)) throw rateLimitedError();
  let principal: Principal;
  try {
    principal = await service.authenticate(token);
  } catch (error) {
    if (error instanceof AppError && error.code === 'unauthenticated') return undefined;
    throw error;
  }
  if (!principal.participant || principal.session.joinCode !== joinCode || principal.session.endedAt !== null) return undefined;
  const spent = await budget.spend(personKey(principal.session.id, principal.participant.id));
  if (!spent.ok) {
    if (spent.firstRefusal)
      req.log.warn(
        { event: 'rate-limited', sessionId: principal.session.id, participantId: principal.participant.id },
        'over the command limit; further refusals in this window are not logged',
      );
    budget.rememberRefusal(token, spent.retryAfterMs);
    throw rateLimitedError();
  }
  return principal;
}
