// /lite/<code> (LITE1–LITE49, docs/lite.md): the session for 2G, feature phones and text browsers.
// Server-rendered HTML and plain forms, no script. Every POST is checked for its CSRF token, pays
// the person's budget, and runs through executeCommand: the same permissions, rate classes,
// attribution and cluster routing as the app's sockets. Every POST answers 303 → GET.
import express, { Router, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { LANGUAGES, isLanguage, normalizeJoinCode, type Language } from '@open-talks/shared';
import { joinBody, type ApiError, type CommandName, type ContributionView, type SessionState } from '@open-talks/shared/protocol';
import { AppError, parseOrThrow, toApiError } from '../errors.js';
import { fromParserError, HTTP_STATUS } from '../http/errors.js';
import type { Logger } from '../log.js';
import { executeCommand, type Commands } from '../realtime/command.js';
import type { SessionRouter } from '../cluster/router.js';
import type { SessionService } from '../sessions/session-service.js';
import type { Principal } from '../sessions/principal.js';
import type { JoinLimits } from '../http/join-limits.js';
import type { CaptionText } from '../townhall/captions/plain-text.js';
import { authorize } from '../sessions/principal.js';
import { carriedToken, clearTokenCookie, CsrfTokens, liteSignIn, setTokenCookie, TOKEN_FIELD } from './auth.js';
import {
  LITE_JOIN_ROLES,
  askPage,
  cafeBody,
  captionsPage,
  consultationBody,
  contributePage,
  href,
  joinPage,
  messagePage,
  sessionPage,
  townhallBody,
  type Flash,
  type Signed,
} from './pages.js';
import { errorText, Versions, wordsFor, type Words } from './text.js';

export interface LiteDeps {
  service: SessionService;
  commands: Commands;
  /** Where a session's commands and state reads run (its owner in a cluster; here on one process). */
  router: SessionRouter;
  log: Logger;
  /** The same per-IP door as POST /api/join (LIMIT5): one budget for a venue, whichever way people join. */
  joinLimits: JoinLimits;
  /** The plain-text caption stream, served here too: the lite cookie's path is /lite, not /api. */
  captions: CaptionText;
  /** The cluster's shared secret, so every node accepts the CSRF tokens another rendered. */
  secret?: string;
  now?: () => number;
}

/** No script at all; inline style; forms only to ourselves (LITE5). */
export const LITE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
const MAX_FORM = '32kb';
const RECENT_CONTRIBUTIONS = 10;

/** One person on one page: who, where, and the words they read. */
interface Visit {
  principal: Principal;
  sender: { sessionId: string; participantId: string };
  signed: Signed;
}

function field(req: Request, name: string): string {
  const value = ((req.body ?? {}) as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : Array.isArray(value) && typeof value[0] === 'string' ? value[0] : '';
}

function fields(req: Request, name: string): string[] {
  const value = ((req.body ?? {}) as Record<string, unknown>)[name];
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** The language for someone not (yet) known: `?lang=`, the browser's, or the session's first. */
function guestLanguage(req: Request, sessionLanguages: readonly Language[] = LANGUAGES): Language {
  const asked = req.query.lang;
  if (typeof asked === 'string' && isLanguage(asked) && sessionLanguages.includes(asked)) return asked;
  const fallback = sessionLanguages === LANGUAGES ? 'en' : (sessionLanguages[0] ?? 'en');
  const header = req.get('accept-language')?.trim();
  if (!header || header === '*') return fallback;
  const accepted = req.acceptsLanguages(...sessionLanguages);
  return accepted && isLanguage(accepted) ? accepted : fallback;
}

/** An error as the reader's words: the specific reason when the catalog has it, else the code's. */
function describe(words: Words, error: ApiError): string {
  if (error.reason) {
    for (const key of [`lite.reasons.${error.reason}`, `reasons.${error.reason}`]) {
      const text = words.t(key, error.params);
      if (text !== key) return text;
    }
  }
  return errorText(words.t, error.code);
}

/** `?e=` and `?m=` from the address after a redirect; only known shapes, so nothing odd is echoed. */
function flashOf(req: Request, words: Words): Flash {
  const e = typeof req.query.e === 'string' && /^[a-z_]{1,30}$/.test(req.query.e) ? req.query.e : undefined;
  const r = typeof req.query.r === 'string' && /^[A-Za-z.]{1,60}$/.test(req.query.r) ? req.query.r : undefined;
  const m = typeof req.query.m === 'string' && /^[a-z]{1,20}$/.test(req.query.m) ? req.query.m : undefined;
  return {
    ...(e && { error: describe(words, { code: e as ApiError['code'], message: '', ...(r && { reason: r }) }) }),
    ...(m && { done: m }),
  };
}

/**
 * A form posted from another site. `Sec-Fetch-Site` decides when the browser sends it. Without it
 * (older browsers, the very phones lite is for), the `Origin`: our pages say `Referrer-Policy:
 * same-origin`, so our own form carries this host; `null` is what a page that hides its origin
 * (no-referrer, a sandboxed frame) sends, never ours, and is refused. No `Origin` at all (lynx,
 * browsers older still) is let through: nothing says where it came from.
 */
function crossSite(req: Request): boolean {
  const site = req.get('sec-fetch-site');
  if (site !== undefined) return site === 'cross-site' || site === 'same-site';
  const origin = req.get('origin');
  if (origin === undefined) return false;
  try {
    return new URL(origin).host !== req.get('host');
  } catch {
    return true; // "null" and anything unreadable
  }
}

function send(res: Response, status: number, html: string): void {
  res.status(status).type('html').send(html);
}

export function liteRoutes(deps: LiteDeps): Router {
  const { service, commands, router: sessions, log, joinLimits } = deps;
  const now = deps.now ?? Date.now;
  const csrf = new CsrfTokens(deps.secret);
  const context = { service, log, commands, router: sessions };
  const router = Router();
  const form = express.urlencoded({ extended: false, limit: MAX_FORM, parameterLimit: 60 });

  // Every answer: no script, never cached (the pages hold CSRF tokens and one person's state), no referrer to other sites.
  router.use((req, res, next) => {
    res.set({ 'Content-Security-Policy': LITE_CSP, 'Cache-Control': 'no-store', 'Referrer-Policy': 'same-origin' });
    // The shared per-IP limiters answer JSON: here it becomes a page in the reader's language (LITE17).
    res.json = (body: unknown) => {
      const error = (body as { error?: ApiError } | undefined)?.error;
      const words = wordsFor(guestLanguage(req));
      return res.type('html').send(messagePage(words, words.t('lite.errorTitle'), error ? describe(words, error) : words.t('errors.internal')));
    };
    next();
  });

  /** The join code from the path, or a 404 page. */
  function codeOf(req: Request, res: Response): string | null {
    const code = normalizeJoinCode(String(req.params.code ?? ''));
    if (code) return code;
    const words = wordsFor(guestLanguage(req));
    send(res, 404, messagePage(words, words.t('lite.errorTitle'), words.t('errors.not_found')));
    return null;
  }

  /** Who is asking, having paid one command from their budget; null (and a redirect to join) when nobody is. */
  async function visit(req: Request, res: Response, code: string): Promise<Visit | null> {
    const carried = carriedToken(req, code);
    const principal = carried && (await liteSignIn(service, req, code, carried.token));
    if (!carried || !principal?.participant) {
      res.redirect(303, `/lite/${code}`);
      return null;
    }
    const language = principal.participant.language;
    res.locals.liteLanguage = language;
    return {
      principal,
      sender: { sessionId: principal.session.id, participantId: principal.participant.id },
      signed: { code, words: wordsFor(language), csrf: csrf.for(carried.token), token: carried.inCookie ? null : carried.token, now: now() },
    };
  }

  async function stateOf(v: Visit): Promise<SessionState> {
    return sessions.state(v.sender, v.principal);
  }

  function versionsOf(state: SessionState, v: Visit): Versions {
    return new Versions(state.content, v.signed.words.language, state.session.languages[0] ?? 'en');
  }

  /** Back to a page after a POST, with what happened (POST → 303 → GET, LITE9). */
  function back(res: Response, v: Visit, path: string, outcome: { done: string } | { error: ApiError }): void {
    const url = href(v.signed, path);
    const sep = url.includes('?') ? '&' : '?';
    const query =
      'done' in outcome
        ? `m=${outcome.done}`
        : `e=${outcome.error.code}${outcome.error.reason && !outcome.error.params && /^[A-Za-z.]{1,60}$/.test(outcome.error.reason) ? `&r=${outcome.error.reason}` : ''}`;
    res.redirect(303, `${url}${sep}${query}`);
  }

  /** Runs one command for the visitor through the one path every transport takes. */
  function run(v: Visit, name: CommandName, payload: unknown) {
    return executeCommand(name, v.sender, payload, context);
  }

  /** A POST from a lite form: signed in, CSRF checked (403, nothing changed, otherwise). */
  async function posted(req: Request, res: Response): Promise<Visit | null> {
    const code = codeOf(req, res);
    if (!code) return null;
    const v = await visit(req, res, code);
    if (!v) return null;
    const carried = carriedToken(req, code)!;
    try {
      csrf.check(req, carried.token);
    } catch (error) {
      const { t } = v.signed.words;
      send(res, 403, messagePage(v.signed.words, t('lite.errorTitle'), `${t('lite.errors.csrf')} `));
      log.warn({ event: 'lite-csrf', sessionId: v.sender.sessionId }, (error as Error).message);
      return null;
    }
    return v;
  }

  // ── Pages ────────────────────────────────────────────────────────────────────────────────
  const signedInPage: RequestHandler = async (req, res, next) => {
    const code = codeOf(req, res);
    if (!code) return;
    const carried = carriedToken(req, code);
    const principal = carried && (await liteSignIn(service, req, code, carried.token));
    if (!carried || !principal?.participant) return next();
    res.locals.liteLanguage = principal.participant.language;
    const v: Visit = {
      principal,
      sender: { sessionId: principal.session.id, participantId: principal.participant.id },
      signed: { code, words: wordsFor(principal.participant.language), csrf: csrf.for(carried.token), token: carried.inCookie ? null : carried.token, now: now() },
    };
    const state = await stateOf(v);
    const versions = versionsOf(state, v);
    let body: string;
    if (state.cafe) body = cafeBody(v.signed, state, state.cafe, versions);
    else if (state.townhall) body = townhallBody(v.signed, state, state.townhall, versions);
    else if (state.consultation) {
      const listed = await run(v, 'consultation:list', { sort: 'newest', pageSize: RECENT_CONTRIBUTIONS });
      const recent = listed.ok ? (listed as unknown as { page: { items: ContributionView[] } }).page.items : [];
      body = consultationBody(v.signed, state, state.consultation, recent, versions);
    } else body = '';
    send(res, 200, sessionPage(v.signed, state, body, flashOf(req, v.signed.words)));
  };

  const joinForm: RequestHandler = async (req, res) => {
    const code = normalizeJoinCode(String(req.params.code))!;
    const preview = await service.preview(code).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'not_found') return null;
      throw error;
    });
    if (!preview) {
      const words = wordsFor(guestLanguage(req));
      return send(res, 404, messagePage(words, words.t('lite.errorTitle'), words.t('errors.not_found')));
    }
    const words = wordsFor(guestLanguage(req, preview.languages));
    send(res, 200, joinPage({ code, preview, words, noCookie: req.query.in === '1' }));
  };

  router.get('/:code', signedInPage, ...joinLimits.preview, joinForm);

  router.post('/:code/join', form, ...joinLimits.join, async (req, res) => {
    const code = codeOf(req, res);
    if (!code) return;
    // The join form carries no CSRF token (nobody is signed in yet): a join posted from another
    // site is refused by what the browser says of where it came from (LITE12).
    if (crossSite(req)) {
      const words = wordsFor(guestLanguage(req));
      log.warn({ event: 'lite-csrf', joinCode: code }, 'cross-site join refused');
      return send(res, 403, messagePage(words, words.t('lite.errorTitle'), words.t('lite.errors.csrf')));
    }
    const anonymous = field(req, 'anonymous') === '1';
    const name = field(req, 'displayName').trim();
    const role = field(req, 'role') || 'participant';
    const language = field(req, 'language');
    const invitation = field(req, 'invitationCode').trim();
    const body = {
      joinCode: code,
      displayName: anonymous || name === '' ? null : name,
      stakeholderGroup: field(req, 'stakeholderGroup'),
      mode: field(req, 'mode'),
      ...(language && { language }),
      ...((LITE_JOIN_ROLES as readonly string[]).includes(role) ? { role } : { role: 'participant' }),
      ...(invitation && { invitationCode: invitation }),
    };
    let joined;
    try {
      joined = await service.join(parseOrThrow(joinBody, body));
    } catch (error) {
      if (!(error instanceof AppError) || error.code === 'not_found') throw error;
      const preview = await service.preview(code);
      const words = wordsFor(isLanguage(language) ? language : guestLanguage(req, preview.languages));
      return send(res, HTTP_STATUS[error.code], joinPage({ code, preview, words, error: describe(words, toApiError(error)) }));
    }
    req.log.info({ sessionId: joined.session.id, participantId: joined.participant.id, via: 'lite' }, 'joined');
    if (field(req, 'nocookie') === '1') return res.redirect(303, `/lite/${code}?${TOKEN_FIELD}=${encodeURIComponent(joined.token)}`);
    setTokenCookie(req, res, code, joined.token, joined.session.format);
    res.redirect(303, `/lite/${code}?in=1`);
  });

  router.get('/:code/ask', async (req, res) => {
    const code = codeOf(req, res);
    const v = code && (await visit(req, res, code));
    if (!v) return;
    const state = await stateOf(v);
    if (!state.townhall) return res.redirect(303, href(v.signed));
    send(res, 200, askPage(v.signed, state.session.title, state.townhall, state.session.attribution === 'anonymous', flashOf(req, v.signed.words)));
  });

  router.post('/:code/ask', form, async (req, res) => {
    const v = await posted(req, res);
    if (!v) return;
    const text = field(req, 'text');
    const ack = await run(v, 'qa:ask', { text, anonymous: field(req, 'anonymous') === '1' });
    if (ack.ok) return back(res, v, '', { done: 'asked' });
    // The form keeps what was typed, with the reason beside it.
    const state = await stateOf(v);
    if (!state.townhall) return back(res, v, '', { error: ack.error });
    send(
      res,
      HTTP_STATUS[ack.error.code],
      askPage(v.signed, state.session.title, state.townhall, state.session.attribution === 'anonymous', { error: describe(v.signed.words, ack.error) }, text),
    );
  });

  router.post('/:code/upvote', form, async (req, res) => {
    const v = await posted(req, res);
    if (!v) return;
    const up = field(req, 'up') !== '0';
    const ack = await run(v, 'qa:vote', { questionId: field(req, 'questionId'), up });
    back(res, v, '', ack.ok ? { done: up ? 'upvoted' : 'unvoted' } : { error: ack.error });
  });

  router.post('/:code/vote', form, async (req, res) => {
    const v = await posted(req, res);
    if (!v) return;
    const kind = field(req, 'kind');
    const given = fields(req, 'choice')
      .map((c) => c.trim())
      .filter(Boolean);
    const choice = kind === 'multiple' || kind === 'text' ? given : kind === 'rating' ? Number(given[0]) : given[0];
    if (given.length === 0) return back(res, v, '', { error: { code: 'bad_request', message: 'No choice', reason: 'noChoice' } });
    const ack = await run(v, 'poll:vote', { pollId: field(req, 'pollId'), choice });
    back(res, v, '', ack.ok ? { done: 'voted' } : { error: ack.error });
  });

  router.post('/:code/hand', form, async (req, res) => {
    const v = await posted(req, res);
    if (!v) return;
    const raise = field(req, 'raise') === '1';
    const ack = await run(v, raise ? 'hand:raise' : 'hand:lower', {});
    back(res, v, '', ack.ok ? { done: raise ? 'raised' : 'lowered' } : { error: ack.error });
  });

  router.get('/:code/captions', async (req, res) => {
    const code = codeOf(req, res);
    const v = code && (await visit(req, res, code));
    if (!v) return;
    const state = await stateOf(v);
    if (!state.townhall) return res.redirect(303, href(v.signed));
    send(res, 200, captionsPage(v.signed, state, state.townhall));
  });

  // The captions as text/plain (CAPS30), with the lite sign-in: the cookie, or `t=` (LITE14).
  router.get('/:code/captions.txt', async (req, res) => {
    const code = codeOf(req, res);
    const v = code && (await visit(req, res, code));
    if (!v) return;
    authorize(v.principal, 'session:view');
    await deps.captions.serve(req, res, v.principal, carriedToken(req, v.signed.code)!.token);
  });

  router.get('/:code/contribute', async (req, res) => {
    const code = codeOf(req, res);
    const v = code && (await visit(req, res, code));
    if (!v) return;
    const state = await stateOf(v);
    if (!state.consultation) return res.redirect(303, href(v.signed));
    const questionId = typeof req.query.q === 'string' ? req.query.q : (state.consultation.consultation.questions[0]?.id ?? '');
    send(res, 200, contributePage(v.signed, state.session.title, state.consultation, versionsOf(state, v), flashOf(req, v.signed.words), { questionId, title: '', text: '' }));
  });

  router.post('/:code/contribute', form, async (req, res) => {
    const v = await posted(req, res);
    if (!v) return;
    const payload = { questionId: field(req, 'questionId'), title: field(req, 'title'), text: field(req, 'text') };
    const ack = await run(v, 'contribution:submit', payload);
    if (ack.ok) return back(res, v, '', { done: 'contributed' });
    const state = await stateOf(v);
    if (!state.consultation) return back(res, v, '', { error: ack.error });
    send(
      res,
      HTTP_STATUS[ack.error.code],
      contributePage(v.signed, state.session.title, state.consultation, versionsOf(state, v), { error: describe(v.signed.words, ack.error) }, payload),
    );
  });

  router.post('/:code/leave', form, async (req, res) => {
    const v = await posted(req, res);
    if (!v) return;
    clearTokenCookie(req, res, v.signed.code);
    res.redirect(303, `/lite/${v.signed.code}`);
  });

  // Errors as a page in the reader's language: refused for the rate, removed, a body too large… (LITE17).
  router.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const appError = error instanceof AppError ? error : fromParserError(error);
    const body = toApiError(appError ?? error);
    if (!appError) req.log.error({ err: error }, 'lite page failed');
    const language = isLanguage(res.locals.liteLanguage) ? res.locals.liteLanguage : guestLanguage(req);
    const words = wordsFor(language);
    send(res, HTTP_STATUS[body.code], messagePage(words, words.t('lite.errorTitle'), describe(words, body)));
  });
  return router;
}
