import { Router } from 'express';
import type { CafeService } from '../../cafe/cafe-service.js';
import type { CafeRunService } from '../../cafe/run-service.js';
import type { SessionService } from '../../sessions/session-service.js';
import { principalFor } from '../auth.js';
import { checkPathIds } from '../path-ids.js';

/**
 * What the café's pages read over HTTP. Its commands (set-up, seating, running the café, key
 * ideas) are endpoints too, derived from the command table (routes/commands.ts).
 */
export function cafeRoutes(service: SessionService, cafe: CafeService, cafeRun: CafeRunService): Router {
  const router = checkPathIds(Router());
  const base = '/sessions/:id/cafe';

  router.get(base, async (req, res) => {
    const principal = await principalFor(service, req, req.params.id, 'cafe:view-setup');
    res.json({ cafe: await cafe.view(principal.session.id) });
  });
  router.get(`${base}/live`, async (req, res) => {
    const principal = await principalFor(service, req, req.params.id, 'session:view');
    res.json({ cafe: await cafeRun.liveFor(principal.session.id, principal.participant?.id ?? null) });
  });
  return router;
}
