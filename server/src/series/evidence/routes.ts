// The evidence part over HTTP (docs/api.md, "Series — evidence"): the side panel's list with its
// facets, the references with their live status, and the participation table (SER60–SER79).
import { addReferenceBody, evidenceQuery, resolveReferenceBody } from '@open-talks/shared/protocol';
import { evidenceFacets, filterEvidence } from '@open-talks/shared/series';
import { Router } from 'express';
import { parseOrThrow } from '../../errors.js';
import { checkPathIds } from '../../http/path-ids.js';
import { seriesPrincipalFor } from '../auth.js';
import type { SeriesDeps } from '../deps.js';
import { insertReference, liveReferences, resolveStoredReference } from './references.js';
import { evidenceCollector, statisticsOf } from './source.js';

export function evidenceRoutes(deps: SeriesDeps): Router {
  const router = checkPathIds(Router());
  // Reads share a gathering a moment old (review item 7); writes see the sessions as they are now.
  const collect = evidenceCollector(deps);

  router.get('/series/:id/evidence', async (req, res) => {
    const { series } = await seriesPrincipalFor(deps.store, deps.authenticate, req, req.params.id, 'series:view');
    const { cursor, limit, ...filter } = parseOrThrow(evidenceQuery, req.query);
    const collected = await collect(series);
    const page = filterEvidence(collected.items, filter, cursor ?? 0, limit);
    res.set('Cache-Control', 'no-store').json({ items: page.items, next: page.next, matched: page.matched, facets: evidenceFacets(collected.items) });
  });

  router.get('/series/:id/references', async (req, res) => {
    const { series } = await seriesPrincipalFor(deps.store, deps.authenticate, req, req.params.id, 'series:view');
    res.set('Cache-Control', 'no-store').json({ references: await liveReferences(deps.store, series, await collect(series)) });
  });

  router.post('/series/:id/references', async (req, res) => {
    const principal = await seriesPrincipalFor(deps.store, deps.authenticate, req, req.params.id, 'series:draft');
    const body = parseOrThrow(addReferenceBody, req.body ?? {});
    const reference = await insertReference(deps.store, principal.series, principal.member.id, body, await collect(principal.series, { fresh: true }), deps.now());
    res.status(201).json({ reference });
  });

  router.post('/series/:id/references/:refId/resolve', async (req, res) => {
    const { series } = await seriesPrincipalFor(deps.store, deps.authenticate, req, req.params.id, 'series:draft');
    parseOrThrow(resolveReferenceBody, req.body ?? {});
    res.json({ reference: await resolveStoredReference(deps.store, series, req.params.refId, await collect(series, { fresh: true }), deps.now()) });
  });

  router.get('/series/:id/statistics', async (req, res) => {
    const { series } = await seriesPrincipalFor(deps.store, deps.authenticate, req, req.params.id, 'series:view');
    res.set('Cache-Control', 'no-store').json({ statistics: statisticsOf(series, await collect(series), deps.now()) });
  });

  return router;
}
