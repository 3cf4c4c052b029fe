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
import { cached, etagOf, versionKey, type Cached } from './public-cache.js';
import type { PublicSeriesView } from './publication.js';

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

/** Sends a kept text with its ETag; Express answers 304 itself when the reader already has it. */
function sendHtml(res: Response, page: Cached<string>): void {
  res.set({ 'Content-Security-Policy': SERIES_PAGE_CSP, 'Cache-Control': 'no-cache', ETag: page.etag }).type('html').send(page.value);
}

/**
 * The key of a rendered page: the frozen version it shows and, hashed, everything else on it (the
 * series, its sessions and versions, which change), so a change there is a new entry, never stale.
 */
function pageKey(view: PublicSeriesView, language: Language): string | null {
  if (!view.document) return null;
  const rest = etagOf(JSON.stringify({ ...view, document: null }));
  return `page\u0000${versionKey(view.document.series.id, view.document.version, view.document.language)}\u0000${language}\u0000${rest}`;
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
    const render = () => cached(seriesPageHtml(view, language, translator(language)));
    const key = pageKey(view, language);
    sendHtml(res, key === null ? render() : await versions.rendered.through(key, render));
  });

  // The version as one printable file (the same as the html export), for a reader to print or keep.
  router.get('/d/:slug/document.html', deps.publicLimiter, async (req: Request<{ slug: string }>, res) => {
    const view = await readPublicSeries(deps.store, versions, req.params.slug, pageQuery(req));
    const doc = view?.document;
    if (!doc) return notFound(req, res);
    const key = `file\u0000${versionKey(doc.series.id, doc.version, doc.language)}`;
    sendHtml(res, await versions.rendered.through(key, () => cached(documentHtml(doc, { standalone: true }))));
  });

  return router;
}
