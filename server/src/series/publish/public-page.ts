// The series' public page, server-rendered at /d/:slug (SER10, SER114–SER118): its sessions and
// its latest published version in the language asked for (?lang=, default the original), an
// earlier version by ?version=n, and the version as one printable file at /d/:slug/document.html.
// No login, no script; limited like the other public pages.
import { LANGUAGES, type Language } from '@open-talks/shared';
import { publicSeriesQuery, type PublicSeriesQuery } from '@open-talks/shared/protocol';
import { Router, type Request, type Response } from 'express';
import { translator } from '../../record/labels.js';
import type { SeriesDeps } from '../deps.js';
import { notFoundHtml, seriesPageHtml } from './html/page.js';
import { documentHtml } from './html/render.js';
import { readPublicSeries } from './publication.js';
import { publishedVersions } from './public-versions.js';

/** Only inline styles; no script, no form, nothing from elsewhere. */
export const SERIES_PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** A query the page cannot use is ignored (a shared link with a typo still opens the page). */
function pageQuery(req: Request): PublicSeriesQuery {
  const parsed = publicSeriesQuery.safeParse(req.query);
  if (parsed.success) return parsed.data;
  return { lang: isLanguage(req.query.lang) ? req.query.lang : undefined };
}

/** The visitor's language for "not published": ?lang=, else their browser's, else English. */
function visitorLanguage(req: Request): Language {
  if (isLanguage(req.query.lang)) return req.query.lang;
  const accepted = req.acceptsLanguages(...LANGUAGES);
  return accepted ? (accepted as Language) : 'en';
}

function notFound(req: Request, res: Response): void {
  const language = visitorLanguage(req);
  res
    .status(404)
    .set({ 'Content-Security-Policy': SERIES_PAGE_CSP, 'Cache-Control': 'no-cache', Vary: 'Accept-Language' })
    .type('html')
    .send(notFoundHtml(language, translator(language)));
}

export function seriesPublicPages(deps: SeriesDeps): Router {
  const router = Router();
  const versions = publishedVersions(deps.store);

  router.get('/d/:slug', deps.publicLimiter, async (req: Request<{ slug: string }>, res) => {
    const query = pageQuery(req);
    const view = await readPublicSeries(deps.store, versions, req.params.slug, query);
    if (!view) return notFound(req, res);
    // The page speaks the language asked for; else the document's (its original by default).
    const language = query.lang ?? view.document?.language ?? view.series.originalLanguage;
    res
      .set({ 'Content-Security-Policy': SERIES_PAGE_CSP, 'Cache-Control': 'no-cache' })
      .type('html')
      .send(seriesPageHtml(view, language, translator(language)));
  });

  // The version as one printable file (the same as the html export), for a reader to print or keep.
  router.get('/d/:slug/document.html', deps.publicLimiter, async (req: Request<{ slug: string }>, res) => {
    const view = await readPublicSeries(deps.store, versions, req.params.slug, pageQuery(req));
    if (!view?.document) return notFound(req, res);
    res
      .set({ 'Content-Security-Policy': SERIES_PAGE_CSP, 'Cache-Control': 'no-cache' })
      .type('html')
      .send(documentHtml(view.document, { standalone: true }));
  });

  return router;
}
