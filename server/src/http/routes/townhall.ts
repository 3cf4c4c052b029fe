import { languageSchema } from '@open-talks/shared/protocol';
import { Router } from 'express';
import { AppError } from '../../errors.js';
import type { SessionService } from '../../sessions/session-service.js';
import type { TownhallService } from '../../townhall/townhall-service.js';
import { principalFor } from '../auth.js';
import { checkPathIds } from '../path-ids.js';

/** What the Town Hall's pages read over HTTP; its commands are derived from the command table (routes/commands.ts). */
export function townhallRoutes(service: SessionService, townhall: TownhallService): Router {
  const router = checkPathIds(Router());
  const base = '/sessions/:id/townhall';

  router.get(base, async (req, res) => {
    const principal = await principalFor(service, req, req.params.id, 'session:view');
    res.json({ townhall: await townhall.live(principal) });
  });
  router.get(`${base}/captions`, async (req, res) => {
    const principal = await principalFor(service, req, req.params.id, 'session:view');
    // `?lang=`: one stream's transcript (CAPS20); without it, every stream's lines in order.
    const lang = req.query.lang === undefined ? undefined : languageSchema.safeParse(req.query.lang);
    if (lang && !lang.success) throw new AppError('bad_request', `lang: one of ${languageSchema.options.join(', ')}`);
    res.json({ captions: await townhall.captions.transcript(principal, lang?.data) });
  });
  return router;
}
