// The publish part's HTTP (docs/api.md, "Series — versions and exports"): finalise, versions,
// translations, exports (SER7–SER9, SER91–SER99). The public page and publication are beside it.
import { attachTranslationBody, documentExportQuery, finaliseBody } from '@open-talks/shared/protocol';
import { Router, type Response } from 'express';
import { z } from 'zod';
import { parseOrThrow } from '../../errors.js';
import { checkPathIds } from '../../http/path-ids.js';
import { seriesPrincipalFor } from '../auth.js';
import type { SeriesDeps } from '../deps.js';
import { exportDocument } from './render/index.js';
import { SeriesVersions } from './versions.js';
import { languageSchema } from '@open-talks/shared/protocol';

const versionParam = z.coerce.number().int().min(1).max(1_000_000);
const documentQuery = z.object({ lang: languageSchema.optional() });

function attachment(res: Response, fileName: string, fileNameUtf8: string): void {
  res.set('Content-Disposition', `attachment; filename="${fileName}"; filename*=UTF-8''${encodeURIComponent(fileNameUtf8)}`);
}

export function publishRoutes(deps: SeriesDeps): Router {
  const router = checkPathIds(Router());
  const versions = new SeriesVersions(deps);
  const principal = (req: Parameters<typeof seriesPrincipalFor>[2], action: 'series:view' | 'series:finalise') =>
    seriesPrincipalFor(deps.store, deps.authenticate, req, req.params.id as string, action);

  router.get('/series/:id/versions', async (req, res) => {
    const { series } = await principal(req, 'series:view');
    res.set('Cache-Control', 'no-store').json({ versions: await versions.list(series) });
  });

  router.post('/series/:id/versions', async (req, res) => {
    const who = await principal(req, 'series:finalise');
    const { changes } = parseOrThrow(finaliseBody, req.body ?? {});
    res.status(201).json({ version: await versions.finalise(who, changes) });
  });

  router.get('/series/:id/versions/:version', async (req, res) => {
    const { series } = await principal(req, 'series:view');
    const version = parseOrThrow(versionParam, req.params.version);
    const { lang } = parseOrThrow(documentQuery, req.query);
    res.set('Cache-Control', 'no-store').json({ document: await versions.document(series, version, lang) });
  });

  router.post('/series/:id/versions/:version/translations', async (req, res) => {
    const who = await principal(req, 'series:finalise');
    const version = parseOrThrow(versionParam, req.params.version);
    const { language } = parseOrThrow(attachTranslationBody, req.body ?? {});
    res.status(201).json({ version: await versions.attachTranslation(who, version, language) });
  });

  router.get('/series/:id/versions/:version/export', async (req, res) => {
    const { series } = await principal(req, 'series:view');
    const version = parseOrThrow(versionParam, req.params.version);
    const { format, lang } = parseOrThrow(documentExportQuery, req.query);
    const exported = await exportDocument(await versions.document(series, version, lang), format);
    attachment(res, exported.fileName, exported.fileNameUtf8);
    res.set('Cache-Control', 'no-store').type(exported.contentType).send(exported.body);
  });

  return router;
}
