// The captions as a plain-text stream (issue 18, CAPS30–CAPS39): GET /api/sessions/:id/captions.txt
// answers text/plain, one caption a line: the recent lines, then each new one as it is written,
// for a screen reader, a braille display or the lite mode. `?follow=0`: the transcript so far.
//
// Any node serves it (CAPS34): the lines come from the database and, live, from a CaptionFeed:
// this process's bus on one node; in a cluster the owner also hands each new line to the other
// nodes (Socket.IO's serverSideEmit over the Redis adapter), so a response open for an hour
// never holds the owner's fenced run or the HTTP forwarder (cluster/forward-http.ts skips it).
import { pickCaptionStream, type Language } from '@open-talks/shared';
import { CAPTIONS_IN_STATE, languageSchema, type CaptionView } from '@open-talks/shared/protocol';
import { Router, type Request, type Response } from 'express';
import { AppError } from '../../errors.js';
import { hashToken } from '../../auth/tokens.js';
import type { EventBus } from '../../events/bus.js';
import { personKey } from '../../limits/person-budget.js';
import { ConnectionCap } from '../../realtime/connection-cap.js';
import type { IoServer } from '../../realtime/types.js';
import type { SessionService } from '../../sessions/session-service.js';
import type { Principal } from '../../sessions/principal.js';
import type { Store } from '../../store/index.js';
import { principalFor } from '../../http/auth.js';
import { checkPathIds } from '../../http/path-ids.js';

export const CAPTION_TEXT = {
  /** A followed stream closes after this long; the device loads the address again (CAPS33). */
  maxOpenMs: 60 * 60_000,
  /** After this long without a line, a blank line keeps proxies and NAT from closing it (CAPS33). */
  heartbeatMs: 30_000,
} as const;

/** Where a node hears of new caption lines, whichever node wrote them. */
export interface CaptionFeed {
  /** Returns the unsubscribe. */
  subscribe(sessionId: string, listener: (lines: CaptionView[]) => void): () => void;
  close(): void;
}

/**
 * The feed from this process's bus; with `io` in a cluster, also from the other nodes, and this
 * node's lines are handed to them (CAPS34). Solo, `io` is left out (the in-memory adapter has no
 * serverSideEmit).
 */
export function captionFeed(bus: EventBus, cluster?: IoServer): CaptionFeed {
  const listeners = new Map<string, Set<(lines: CaptionView[]) => void>>();
  const tell = (sessionId: string, lines: CaptionView[]) => {
    for (const listener of listeners.get(sessionId) ?? []) listener(lines);
  };
  const unsubscribe = bus.subscribe('townhall:captions', ({ sessionId, captions }) => {
    tell(sessionId, captions);
    cluster?.serverSideEmit('caption:lines', sessionId, captions);
  });
  const fromOthers = (sessionId: string, captions: CaptionView[]) => tell(sessionId, captions);
  cluster?.on('caption:lines', fromOthers);
  return {
    subscribe(sessionId, listener) {
      const set = listeners.get(sessionId) ?? new Set();
      set.add(listener);
      listeners.set(sessionId, set);
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(sessionId);
      };
    },
    close() {
      unsubscribe();
      cluster?.off('caption:lines', fromOthers);
      listeners.clear();
    },
  };
}

export interface CaptionTextDeps {
  service: SessionService;
  store: Store;
  feed: CaptionFeed;
  /** Open streams per person on this node (the newest wins, as with sockets: LIMIT2). */
  perPerson: number;
  options?: Partial<typeof CAPTION_TEXT>;
}

/** Serves the stream to someone already signed in: the API route below, and the lite pages' /lite/<code>/captions.txt. */
export interface CaptionText {
  /** `token`: the one the request carried; a display (no participant) is told apart by it. */
  serve(req: Request, res: Response, principal: Principal, token: string): Promise<void>;
}

export function captionText(deps: CaptionTextDeps): CaptionText {
  const { maxOpenMs, heartbeatMs } = { ...CAPTION_TEXT, ...deps.options };
  const cap = new ConnectionCap<Response>(deps.perPerson);

  async function serve(req: Request, res: Response, principal: Principal, token: string): Promise<void> {
    // Listen for the client leaving before anything is awaited: one who drops while the stream's
    // language or the recent lines are read must leave no subscription, timer or response behind.
    let gone = closed(req, res);
    if (gone) return;
    const cleanups: (() => void)[] = [];
    const cleanup = () => {
      gone = true;
      for (const undo of cleanups.splice(0)) undo();
    };
    res.once('close', cleanup);
    const language = await streamLanguage(deps.store, req, principal.session.id, principal.participant?.language ?? principal.session.languages[0] ?? null);
    if (gone || closed(req, res)) return cleanup();
    const follow = req.query.follow !== '0' && req.query.follow !== 'false';
    res.status(200).set({
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Language': language,
      // no-transform: compression would hold lines back until its buffer fills.
      'Cache-Control': 'no-store, no-transform',
      'X-Accel-Buffering': 'no',
    });
    if (!follow) {
      const lines = await deps.store.townhall.streamCaptions(principal.session.id, language);
      if (!res.writableEnded && !res.destroyed) res.end(lines.map(line).join(''));
      return;
    }

    // Listen first, so a line written while the recent ones are read is not missed; then send
    // the recent lines and whatever arrived meanwhile, each once.
    const sent = new Set<string>();
    let pending: CaptionView[] | null = [];
    let lastWrite = Date.now();
    const write = (lines: readonly CaptionView[]) => {
      if (gone) return;
      const fresh = lines.filter((c) => c.language === language && !sent.has(c.id));
      if (fresh.length === 0) return;
      for (const c of fresh) sent.add(c.id);
      if (sent.size > 4 * CAPTIONS_IN_STATE) sent.clear(); // ids only guard the start; keep it small
      res.write(fresh.map(line).join(''));
      lastWrite = Date.now();
    };
    cleanups.push(deps.feed.subscribe(principal.session.id, (lines) => (pending ? pending.push(...lines) : write(lines))));
    // A display has no participant: each display's token is its own key, so two displays do not
    // end each other's stream; a participant's streams share their person's cap (LIMIT2).
    const key = principal.participant ? personKey(principal.session.id, principal.participant.id) : `display:${principal.session.id}:${hashToken(token)}`;
    for (const older of cap.admit(key, res)) older.end();
    cleanups.push(() => cap.release(key, res));
    const heartbeat = setInterval(
      () => {
        if (Date.now() - lastWrite < heartbeatMs) return;
        res.write('\n');
        lastWrite = Date.now();
      },
      Math.max(1_000, Math.floor(heartbeatMs / 3)),
    );
    cleanups.push(() => clearInterval(heartbeat));
    const limit = setTimeout(() => res.end(), maxOpenMs);
    cleanups.push(() => clearTimeout(limit));
    res.flushHeaders();
    try {
      write(await deps.store.townhall.streamCaptions(principal.session.id, language, CAPTIONS_IN_STATE));
      const arrived = pending;
      pending = null;
      write(arrived);
    } catch (error) {
      req.log.warn({ err: error, sessionId: principal.session.id }, 'could not read the recent captions');
      res.destroy();
    }
  }
  return { serve };
}

/**
 * The route. The token: `Authorization: Bearer …`, or `?token=` for a device that cannot set a
 * header (CAPS31). The query string never reaches a log line (http/app.ts logs paths only), the
 * answer is `no-store`, and pages send no Referer (helmet), so the address does not leak the token
 * further than the device that holds it.
 */
export function captionTextRoutes(service: SessionService, stream: CaptionText): Router {
  const router = checkPathIds(Router());
  router.get('/sessions/:id/captions.txt', async (req, res) => {
    const queryToken = typeof req.query.token === 'string' ? req.query.token : undefined;
    if (queryToken && !req.get('authorization')) req.headers.authorization = `Bearer ${queryToken}`;
    const principal = await principalFor(service, req, req.params.id, 'session:view');
    const token = /^Bearer\s+(.+)$/i.exec(req.get('authorization') ?? '')?.[1] ?? '';
    await stream.serve(req, res, principal, token);
  });
  return router;
}

/** The client is gone (or the answer is over): an await let it leave before the close listener was there. */
function closed(req: Request, res: Response): boolean {
  return req.destroyed || res.destroyed || res.writableEnded || !res.socket || res.socket.destroyed;
}

/** One caption, one line: the text only, so a screen reader or a braille line reads just the words. */
function line(caption: CaptionView): string {
  return `${caption.text}\n`;
}

/**
 * `?lang=`: that stream (it may have no lines yet; they come when it starts). Without it, the
 * viewer's language if there is such a stream, else the busiest, else the viewer's (CAPS32).
 */
async function streamLanguage(store: Store, req: Request, sessionId: string, own: Language | null): Promise<Language> {
  const asked = req.query.lang;
  if (asked !== undefined) {
    const parsed = languageSchema.safeParse(asked);
    if (!parsed.success) throw new AppError('bad_request', `lang: one of ${languageSchema.options.join(', ')}`);
    return parsed.data;
  }
  const picked = pickCaptionStream(await store.townhall.captionStreams(sessionId), { language: own });
  return (picked as Language | null) ?? own ?? 'en';
}
