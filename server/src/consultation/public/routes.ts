// GET /c/:slug (CONS63–CONS67): a published consultation as server-rendered HTML, no login, its
// counts as JSON for the page's small script, and /p/:slug of a consultation sent on to /c/:slug.
import { randomInt } from 'node:crypto';
import type { ConsultationConfig } from '@open-talks/shared/consultation';
import { publicPage } from './list.js';
import { phaseNow } from './phase.js';
import { LANGUAGES, type Language } from '@open-talks/shared';
import { Router, type Request, type RequestHandler, type Response } from 'express';
import { translator } from '../../record/labels.js';
import type { SessionRecord, Store } from '../../store/index.js';
import { commentView, contributionView, PUBLIC_AUDIENCE } from '../views.js';
import { esc } from './html.js';
import { LIVE_SCRIPT } from './live.js';
import { LIVE_SCRIPT_PATH, renderPage } from './page.js';
import { parsePageQuery } from './query.js';
import { publicVersions } from './versions.js';

const SLUG = /^[A-Za-z0-9_-]{1,64}$/;
/** Only our own script, inline styles, forms and fetches to ourselves (CONS67). */
export const PUBLIC_PAGE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

async function published(store: Store, slug: string): Promise<{ session: SessionRecord; config: ConsultationConfig } | null> {
  if (!SLUG.test(slug)) return null;
  const publication = await store.records.bySlug(slug);
  if (!publication || publication.publishedAt === null) return null;
  const session = await store.sessions.byId(publication.sessionId);
  if (!session || session.format !== 'consultation') return null;
  const config = await store.consultationPublic.config(session.id);
  return config ? { session, config } : null;
}

function languageOf(req: Request, session: SessionRecord): Language {
  const asked = typeof req.query.lang === 'string' && (LANGUAGES as readonly string[]).includes(req.query.lang) ? (req.query.lang as Language) : null;
  const accepted = req.acceptsLanguages(...LANGUAGES);
  return asked ?? (accepted ? (accepted as Language) : (session.languages[0] ?? 'en'));
}

function notFound(req: Request, res: Response): void {
  const accepted = req.acceptsLanguages(...LANGUAGES);
  const language = (typeof req.query.lang === 'string' && (LANGUAGES as readonly string[]).includes(req.query.lang) ? req.query.lang : accepted || 'en') as Language;
  const text = translator(language)('consultPublic.notFound');
  res
    .status(404)
    .set('Content-Security-Policy', PUBLIC_PAGE_CSP)
    .type('html')
    .send(
      `<!doctype html><html lang="${language}" dir="${language === 'ar' ? 'rtl' : 'ltr'}"><head><meta charset="utf-8"><title>${esc(text)}</title></head><body><main><h1>${esc(text)}</h1></main></body></html>`,
    );
}

export function consultationPublicRoutes(store: Store, limiter: RequestHandler, now: () => number = Date.now): Router {
  const router = Router();

  router.get(LIVE_SCRIPT_PATH, (_req, res) => {
    res.set('Cache-Control', 'public, max-age=3600').type('text/javascript').send(LIVE_SCRIPT);
  });

  router.get('/c/:slug', limiter, async (req: Request<{ slug: string }>, res) => {
    const found = await published(store, req.params.slug);
    if (!found) return notFound(req, res);
    const { session, config } = found;
    const language = languageOf(req, session);
    const q = parsePageQuery(req.query, session.attribution, () => randomInt(1, 999_999));
    const questionIds = new Set(config.questions.map((x) => x.id));
    const [counts, themes, page, versions] = await Promise.all([
      store.consultationPublic.questionCounts(session.id),
      store.consultationPublic.themes(session.id),
      publicPage(store, session.id, q, questionIds),
      publicVersions(store, session, language),
    ]);
    const items = page.items.map((row) => contributionView(row, session.attribution, PUBLIC_AUDIENCE));
    const commentRows = await store.consultationPublic.publishedComments(
      session.id,
      items.map((c) => c.id),
    );
    const comments = new Map<string, ReturnType<typeof commentView>[]>();
    for (const row of commentRows) {
      const list = comments.get(row.contribution_id) ?? [];
      list.push(commentView(row, session.attribution, PUBLIC_AUDIENCE));
      comments.set(row.contribution_id, list);
    }
    const html = renderPage(
      {
        slug: req.params.slug,
        sessionId: session.id,
        shown: (ref, text) => versions.content(ref, text),
        title: session.title,
        attribution: session.attribution,
        config,
        phase: phaseNow(config, now()),
        counts,
        themes,
        items,
        total: page.total,
        comments,
      },
      q,
      language,
      translator(language),
    );
    res.set({ 'Content-Security-Policy': PUBLIC_PAGE_CSP, 'Cache-Control': 'no-cache', Vary: 'Accept-Language' }).type('html').send(html);
  });

  // The counts the page's script refreshes: only of published contributions, nothing about people.
  router.get('/c/:slug/live.json', limiter, async (req: Request<{ slug: string }>, res) => {
    const found = await published(store, req.params.slug);
    if (!found) return void res.status(404).json({ error: { code: 'not_found', message: 'This consultation is not published' } });
    const ids = (typeof req.query.ids === 'string' ? req.query.ids.split(',') : []).filter((id) => SLUG.test(id)).slice(0, 100);
    const t = translator(languageOf(req, found.session));
    const rows = await store.consultationPublic.counts(found.session.id, ids);
    res.set('Cache-Control', 'no-cache').json({
      items: rows.map((r) => ({
        id: r.id,
        supports: r.supports,
        comments: r.comments,
        supportsText: t('consultPublic.supports', { count: r.supports }),
        commentsText: t('consultPublic.comments', { count: r.comments }),
      })),
    });
  });

  // The client's record page (/p/:slug) of a consultation: this page is the consultation's (CONS67).
  router.get('/p/:slug', async (req: Request<{ slug: string }>, res, next) => {
    const found = await published(store, req.params.slug);
    if (!found) return next();
    res.redirect(302, `/c/${req.params.slug}`);
  });

  return router;
}
