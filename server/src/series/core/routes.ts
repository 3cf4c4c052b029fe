// /api/series and /api/series/:id: make a series, read it (docs/api.md, "Series").
import { createSeriesBody } from '@open-talks/shared/protocol';
import { Router } from 'express';
import { AppError, parseOrThrow } from '../../errors.js';
import { bearerToken } from '../../http/auth.js';
import { originOf } from '../../http/links.js';
import { sameSecret } from '../../http/routes/sessions.js';
import { checkPathIds } from '../../http/path-ids.js';
import { seriesPrincipalFor } from '../auth.js';
import type { SeriesDeps } from '../deps.js';
import { SeriesService } from './series-service.js';

export function coreRoutes(deps: SeriesDeps): Router {
  const router = checkPathIds(Router());
  const service = new SeriesService(deps);

  // Made like a session: the same operator key (when the server has one) and the same limit per network.
  router.post('/series', deps.createLimiter, async (req, res) => {
    if (deps.config.operatorKey && !sameSecret(bearerToken(req), deps.config.operatorKey)) {
      throw new AppError('unauthenticated', 'This server needs its operator key to create a series');
    }
    const created = await service.create(parseOrThrow(createSeriesBody, req.body ?? {}));
    const origin = originOf(req, deps.config.publicUrl, deps.allowedHosts);
    req.log.info({ seriesId: created.series.id }, 'series created');
    res.status(201).json({
      series: created.series,
      member: created.member,
      facilitatorToken: created.token,
      links: { console: `${origin}/series/${created.series.id}#token=${created.token}` },
    });
  });

  router.get('/series/:id', async (req, res) => {
    const principal = await seriesPrincipalFor(deps.store, deps.authenticate, req, req.params.id, 'series:view');
    res.set('Cache-Control', 'no-store').json({ series: principal.series, member: principal.member });
  });

  return router;
}
