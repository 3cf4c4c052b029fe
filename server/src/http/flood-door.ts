import type { IncomingMessage, ServerResponse } from 'node:http';
import { RATE_LIMITED_MESSAGE, type PersonBudget } from '../limits/person-budget.js';

// Built once: a refused call under a flood allocates no error, no JSON, no log line.
const REFUSED_BODY = Buffer.from(JSON.stringify({ error: { code: 'rate_limited', message: RATE_LIMITED_MESSAGE } }));
const REFUSED_HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'content-length': String(REFUSED_BODY.byteLength),
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
};
const BEARER = /^Bearer\s+(\S+)$/i;

/**
 * The first thing an API request meets, before Express, its logging, helmet, compression and
 * body parsing (LIMIT3): a token still refused for its rate gets a fixed 429 at once. Under a
 * flood nearly every call is one of these, so this is what a flood costs the others. The first
 * refusal of a window still goes the whole way (and is logged once, in authenticateAndSpend).
 * Returns true when it answered.
 */
export function refuseFloodedRequest(budget: PersonBudget, req: IncomingMessage, res: ServerResponse): boolean {
  if (!req.url?.startsWith('/api/')) return false;
  const header = req.headers.authorization;
  if (!header) return false;
  const token = BEARER.exec(header)?.[1];
  if (!token || !budget.refusesToken(token)) return false;
  res.writeHead(429, REFUSED_HEADERS);
  res.end(REFUSED_BODY); // an unread body is discarded by node:http, the connection kept
  return true;
}
