import { timingSafeEqual } from 'node:crypto';
import { createSessionBody, emptyPayload } from '@open-talks/shared/protocol';
import { Router, type Request } from 'express';
import type { RequestHandler } from 'express';
import { AppError, parseOrThrow } from '../../errors.js';
import type { SessionService } from '../../sessions/session-service.js';
import { bearerToken, principalFor } from '../auth.js';
import { checkPathIds } from '../path-ids.js';
import { originOf, projectorLink, sessionLinks } from '../links.js';

export interface SessionRoutesDeps {
  service: SessionService;
  operatorKey: string | undefined;
  publicUrl: string | undefined;
  /** Hosts links may be built from without a public URL (LINK1). */
  allowedHosts: ReadonlySet<string>;
  createLimiter: RequestHandler;
}

export function sameSecret(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function sessionRoutes({ service, operatorKey, publicUrl, allowedHosts, createLimiter }: SessionRoutesDeps): Router {
  const router = checkPathIds(Router());

  router.post('/sessions', createLimiter, async (req: Request, res) => {
    if (operatorKey && !sameSecret(bearerToken(req), operatorKey)) {
      throw new AppError('unauthenticated', 'This server needs its operator key to create sessions');
    }
    const body = parseOrThrow(createSessionBody, req.body);
    const created = await service.createSession(body);
    req.log.info({ sessionId: created.session.id }, 'session created');
    res.status(201).json({
      session: created.session,
      participant: created.participant,
      facilitatorToken: created.facilitatorToken,
      projectorKey: created.projectorKey,
      links: sessionLinks(originOf(req, publicUrl, allowedHosts), created.session, created.facilitatorToken, created.projectorKey),
    });
  });

  router.get('/sessions/:id', async (req, res) => {
    const principal = await principalFor(service, req, req.params.id, 'session:view');
    res.json(await service.state(principal));
  });

  // PATCH /sessions/:id is the `session:configure` command: routes/commands.ts.
  router.post('/sessions/:id/projector-key', async (req, res) => {
    const principal = await principalFor(service, req, req.params.id, 'projector:rotate-key');
    parseOrThrow(emptyPayload, req.body ?? {});
    const projectorKey = await service.rotateProjectorKey(principal);
    res.status(201).json({ projectorKey, link: projectorLink(originOf(req, publicUrl, allowedHosts), principal.session.id, projectorKey) });
  });

  return router;
}
