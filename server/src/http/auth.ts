import type { Request } from 'express';
import { AppError } from '../errors.js';
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

/** Who is calling, for this session, allowed to do `action` — or an error that says why not. */
export async function principalFor(service: SessionService, req: Request, sessionId: string, action: Action): Promise<Principal> {
  const principal = await service.authenticate(bearerToken(req));
  requireSameSession(principal, sessionId);
  authorize(principal, action);
  return principal;
}
