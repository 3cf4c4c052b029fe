import { exportQuery } from '@open-talks/shared/protocol';
import { Router, type RequestHandler, type Response } from 'express';
import { z } from 'zod';
import { parseOrThrow } from '../../errors.js';
import type { RecordService } from '../../record/record-service.js';
import type { SessionService } from '../../sessions/session-service.js';
import { principalFor } from '../auth.js';
import { checkPathIds } from '../path-ids.js';

const slugSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'not a valid link');

function attachment(res: Response, fileName: string, fileNameUtf8: string): void {
  res.set('Content-Disposition', `attachment; filename="${fileName}"; filename*=UTF-8''${encodeURIComponent(fileNameUtf8)}`);
}

/** Export, publication and the public outcome page (docs/api.md, "The record"). */
export function recordRoutes(service: SessionService, records: RecordService, publicLimiter: RequestHandler): Router {
  const router = checkPathIds(Router());

  router.get('/sessions/:id/export', async (req, res) => {
    await records.requireSession(req.params.id);
    const principal = await principalFor(service, req, req.params.id, 'record:export');
    const { format, lang } = parseOrThrow(exportQuery, req.query);
    const exported = await records.export(principal, format, lang);
    attachment(res, exported.fileName, exported.fileNameUtf8);
    res.set('Cache-Control', 'no-store').type(exported.contentType).send(exported.body);
  });

  router.get('/sessions/:id/publication', async (req, res) => {
    await records.requireSession(req.params.id);
    const principal = await principalFor(service, req, req.params.id, 'record:publish');
    res.json({ publication: await records.publication(principal) });
  });

  router.post('/sessions/:id/publication', async (req, res) => {
    await records.requireSession(req.params.id);
    const principal = await principalFor(service, req, req.params.id, 'record:publish');
    parseOrThrow(z.strictObject({}), req.body ?? {});
    res.status(201).json({ publication: await records.publish(principal, true) });
  });

  router.delete('/sessions/:id/publication', async (req, res) => {
    await records.requireSession(req.params.id);
    const principal = await principalFor(service, req, req.params.id, 'record:publish');
    res.json({ publication: await records.publish(principal, false) });
  });

  // No login: the published record, under the session's attribution like every export.
  router.get('/public/:slug', publicLimiter, async (req, res) => {
    const record = await records.publicRecord(parseOrThrow(slugSchema, req.params.slug));
    res.set('Cache-Control', 'no-cache').json({ record });
  });

  return router;
}
