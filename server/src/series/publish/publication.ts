// Publishing the series' public page (SER111–SER113): GET|POST|DELETE /api/series/:id/publication
// for its members, and GET /api/public/series/:slug for anyone: the page's content as JSON. The
// slug is made with the series and kept, so a link stays the same across unpublish and publish.
import type { Language, SessionFormat } from '@open-talks/shared';
import { publicSeriesQuery, seriesPublishBody, type PublicSeriesQuery, type SeriesPublicationView } from '@open-talks/shared/protocol';
import type { InformationDocument, VersionSummary } from '@open-talks/shared/series';
import { Router, type Request } from 'express';
import { AppError, parseOrThrow } from '../../errors.js';
import { checkPathIds } from '../../http/path-ids.js';
import type { SeriesRecord, Store } from '../../store/index.js';
import { seriesPrincipalFor } from '../auth.js';
import type { SeriesDeps } from '../deps.js';
import { cached, etagOf, versionKey } from './public-cache.js';
import { publishedVersions, type PublishedVersions } from './public-versions.js';

export const SERIES_SLUG = /^[A-Za-z0-9_-]{1,64}$/;

export function publicationView(series: SeriesRecord, latestVersion: number): SeriesPublicationView {
  return {
    slug: series.publicSlug,
    path: `/d/${series.publicSlug}`,
    published: series.publishedAt !== null,
    publishedAt: series.publishedAt,
    publishedVersion: series.publishedVersion ?? null,
    latestVersion,
  };
}

/** What anyone may read of a published series: nothing about its members, no draft. */
export interface PublicSeriesView {
  series: { title: string; topic: string; languages: Language[]; originalLanguage: Language; publishedAt: number; path: string };
  sessions: { title: string; format: SessionFormat; createdAt: number; endedAt: number | null; publicPath: string | null }[];
  /** Every finalised version, newest first (who finalised it is not public). */
  versions: Omit<VersionSummary, 'finalisedBy'>[];
  /** The version shown (the latest unless one was asked for), or null before the first. */
  version: number | null;
  document: InformationDocument | null;
  /** The languages the shown version has, the original first: what the language switcher offers. */
  languages: Language[];
  /** The language asked for when the version has no text in it (the original is shown instead). */
  missingLanguage: Language | null;
}

async function sessionsOf(store: Store, series: SeriesRecord): Promise<PublicSeriesView['sessions']> {
  const ids = await store.series.sessionIds(series.id);
  const out: PublicSeriesView['sessions'] = [];
  for (const id of ids) {
    const [session, publication] = await Promise.all([store.sessions.byId(id), store.records.publication(id)]);
    if (!session) continue;
    // A consultation's public page is /c/, the other formats' /p/ (as the record's publication says, CONS67).
    const publicPath = publication?.publishedAt != null ? `${session.format === 'consultation' ? '/c/' : '/p/'}${publication.slug}` : null;
    out.push({ title: session.title, format: session.format, createdAt: session.createdAt, endedAt: session.endedAt, publicPath });
  }
  return out;
}

/**
 * The public view of the series at `slug`, or null while it is not published (or has no such
 * version): the page and the JSON read the same thing.
 */
export async function readPublicSeries(store: Store, versions: PublishedVersions, slug: string, query: PublicSeriesQuery): Promise<PublicSeriesView | null> {
  if (!SERIES_SLUG.test(slug)) return null;
  const series = await store.series.bySlug(slug);
  if (!series || series.publishedAt === null) return null;
  const sessions = await sessionsOf(store, series);
  // Only what the organiser published (SER112): a version a rapporteur finalised since is not public yet.
  const publishedVersion = series.publishedVersion ?? 0;
  const list = (await versions.list(series.id)).filter((v) => v.version <= publishedVersion);
  const shown = query.version === undefined ? list[0] : list.find((v) => v.version === query.version);
  if (query.version !== undefined && !shown) return null;
  let document: InformationDocument | null = null;
  let missingLanguage: Language | null = null;
  if (shown) {
    const language = query.lang && shown.languages.includes(query.lang) ? query.lang : shown.languages[0]!;
    if (query.lang && query.lang !== language) missingLanguage = query.lang;
    document = await versions.document(series.id, shown.version, language);
  }
  return {
    series: {
      title: series.title,
      topic: series.topic,
      languages: series.languages,
      originalLanguage: series.originalLanguage,
      publishedAt: series.publishedAt,
      path: `/d/${slug}`,
    },
    sessions,
    versions: list.map(({ version, languages, finalisedAt, changes }) => ({ version, languages, finalisedAt, changes })),
    version: shown?.version ?? null,
    document,
    languages: shown?.languages ?? [],
    missingLanguage,
  };
}

export function publicationRoutes(deps: SeriesDeps): Router {
  const router = checkPathIds(Router());
  const versions = publishedVersions(deps.store);

  router.get('/series/:id/publication', async (req, res) => {
    const { series } = await seriesPrincipalFor(deps.store, deps.authenticate, req, req.params.id, 'series:view');
    res.set('Cache-Control', 'no-store').json({ publication: publicationView(series, await deps.store.seriesVersions.latest(series.id)) });
  });

  /**
   * Publishes; the first publication's date is kept on a second publish (a double click changes
   * nothing). The version shown is the one asked for, else the one published before, else the
   * latest: only the organiser decides what is public, never a finalise (SER112).
   */
  const publish = async (seriesId: string, published: boolean, version?: number): Promise<SeriesPublicationView> => {
    const current = await deps.store.series.byId(seriesId);
    if (!current) throw new AppError('not_found', 'No such series');
    const latest = await deps.store.seriesVersions.latest(seriesId);
    if (version !== undefined && version > latest) throw new AppError('not_found', 'No such version');
    const publishedVersion = published ? (version ?? current.publishedVersion ?? (latest > 0 ? latest : null)) : (current.publishedVersion ?? null);
    await deps.store.series.update(seriesId, { publishedAt: published ? (current.publishedAt ?? deps.now()) : null, publishedVersion });
    return publicationView((await deps.store.series.byId(seriesId))!, latest);
  };

  // Body { published: true|false }; an empty body publishes, like the session record's publication.
  router.post('/series/:id/publication', async (req, res) => {
    const principal = await seriesPrincipalFor(deps.store, deps.authenticate, req, req.params.id, 'series:publish');
    const raw: unknown = req.body ?? {};
    const body = typeof raw === 'object' && raw !== null && Object.keys(raw).length === 0 ? { published: true } : parseOrThrow(seriesPublishBody, raw);
    const publication = await publish(principal.series.id, body.published, body.published ? body.version : undefined);
    req.log.info({ seriesId: principal.series.id, published: publication.published, version: publication.publishedVersion }, 'series publication changed');
    res
      .status(publication.published ? 201 : 200)
      .set('Cache-Control', 'no-store')
      .json({ publication });
  });

  router.delete('/series/:id/publication', async (req, res) => {
    const principal = await seriesPrincipalFor(deps.store, deps.authenticate, req, req.params.id, 'series:publish');
    const publication = await publish(principal.series.id, false);
    req.log.info({ seriesId: principal.series.id, published: false }, 'series publication changed');
    res.set('Cache-Control', 'no-store').json({ publication });
  });

  // No token: the public page's content as JSON (404 while not published).
  router.get('/public/series/:slug', deps.publicLimiter, async (req: Request<{ slug: string }>, res) => {
    const query = parseOrThrow(publicSeriesQuery, req.query);
    const view = await readPublicSeries(deps.store, versions, req.params.slug, query);
    if (!view) throw new AppError('not_found', 'This series is not published');
    const { document, ...rest } = view;
    if (!document) return void res.set('Cache-Control', 'no-cache').json(view);
    // The frozen document's JSON is made once (review item 6); the rest is small and live.
    const frozen = await versions.rendered.through(`json\u0000${versionKey(document.series.id, document.version, document.language)}`, () => cached(JSON.stringify(document)));
    const head = JSON.stringify(rest);
    res
      .set({ 'Cache-Control': 'no-cache', ETag: etagOf(head + frozen.etag) })
      .type('json')
      .send(`${head.slice(0, -1)},"document":${frozen.value}}`);
  });

  return router;
}
