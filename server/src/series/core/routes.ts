// /api/series and /api/series/:id…: make a series, read and configure it, its sessions and its
// rapporteurs (docs/api.md, "Series — core"; docs/series.md SER20–SER39).
import { addSeriesMemberBody, addSeriesSessionBody, createSeriesBody, updateSeriesBody } from '@open-talks/shared/protocol';
import { Router, type RequestHandler } from 'express';
import { AppError, parseOrThrow } from '../../errors.js';
import { bearerToken } from '../../http/auth.js';
import { originOf, sessionLinks } from '../../http/links.js';
import { sameSecret } from '../../http/routes/sessions.js';
import { checkPathIds } from '../../http/path-ids.js';
import { seriesPrincipalFor } from '../auth.js';
import type { SeriesDeps } from '../deps.js';
import { activeMembers, addRapporteur, removeMember } from './series-members.js';
import { SeriesService } from './series-service.js';
import { addSeriesSession, removeSeriesSession } from './series-sessions.js';
import { seriesSessions } from './session-summary.js';

export function coreRoutes(deps: SeriesDeps): Router {
  const router = checkPathIds(Router());
  const service = new SeriesService(deps);
  const principal = (req: Parameters<typeof seriesPrincipalFor>[2], action: Parameters<typeof seriesPrincipalFor>[4]) =>
    seriesPrincipalFor(deps.store, deps.authenticate, req, String(req.params.id), action);
  const origin = (req: Parameters<typeof originOf>[0]) => originOf(req, deps.config.publicUrl, deps.allowedHosts);

  // Made like a session: the same operator key (when the server has one) and the same limit per network.
  router.post('/series', deps.createLimiter, async (req, res) => {
    if (deps.config.operatorKey && !sameSecret(bearerToken(req), deps.config.operatorKey)) {
      throw new AppError('unauthenticated', 'This server needs its operator key to create a series');
    }
    const created = await service.create(parseOrThrow(createSeriesBody, req.body ?? {}));
    req.log.info({ seriesId: created.series.id }, 'series created');
    res.status(201).json({
      series: created.series,
      member: created.member,
      facilitatorToken: created.token,
      links: { console: `${origin(req)}/series/${created.series.id}#token=${created.token}` },
    });
  });

  // SER22: the series, the caller, its sessions; the members only for the organiser.
  router.get('/series/:id', async (req, res) => {
    const { series, member } = await principal(req, 'series:view');
    const sessions = await seriesSessions(deps.store, series.id, deps.now());
    const members = member.role === 'facilitator' ? await activeMembers(deps.store, series.id) : undefined;
    res.set('Cache-Control', 'no-store').json({ series, member, sessions, ...(members && { members }) });
  });

  router.patch('/series/:id', async (req, res) => {
    const { series } = await principal(req, 'series:configure');
    const updated = await service.update(series, parseOrThrow(updateSeriesBody, req.body ?? {}));
    // SER41: a language dropped from the series closes its draft's open connections.
    await deps.notepads.revalidateSeries(series.id);
    res.json({ series: updated });
  });

  router.get('/series/:id/sessions', async (req, res) => {
    const { series } = await principal(req, 'series:view');
    res.set('Cache-Control', 'no-store').json({ sessions: await seriesSessions(deps.store, series.id, deps.now()) });
  });

  // Making a session here is limited per network like POST /api/sessions; adding one is not.
  const limitNew: RequestHandler = (req, res, next) => ((req.body as { kind?: unknown } | undefined)?.kind === 'new' ? deps.createLimiter(req, res, next) : next());
  router.post('/series/:id/sessions', limitNew, async (req, res) => {
    const { series } = await principal(req, 'series:configure');
    const added = await addSeriesSession(deps, series, parseOrThrow(addSeriesSessionBody, req.body ?? {}));
    if (!added.created) return void res.status(201).json({ session: added.session });
    const { session, facilitatorToken, projectorKey } = added.created;
    req.log.info({ seriesId: series.id, sessionId: session.id }, 'session created in a series');
    // SER26: the new session's facilitator credentials, once, for the organiser's browser to keep.
    res.status(201).json({
      session: added.session,
      created: { session, facilitatorToken, projectorKey, links: sessionLinks(origin(req), session, facilitatorToken, projectorKey) },
    });
  });

  router.delete('/series/:id/sessions/:sessionId', async (req, res) => {
    const { series } = await principal(req, 'series:configure');
    await removeSeriesSession(deps, series, req.params.sessionId);
    res.status(204).end();
  });

  router.get('/series/:id/members', async (req, res) => {
    const { series } = await principal(req, 'series:configure');
    res.set('Cache-Control', 'no-store').json({ members: await activeMembers(deps.store, series.id) });
  });

  router.post('/series/:id/members', async (req, res) => {
    const { series } = await principal(req, 'series:configure');
    const body = parseOrThrow(addSeriesMemberBody, req.body ?? {});
    const added = await addRapporteur(deps.store, series, body.displayName, deps.now());
    // The token travels in the fragment: browsers never send it, so no server log ever holds it.
    res.status(201).json({ ...added, link: `${origin(req)}/series/${series.id}#token=${added.token}` });
  });

  router.delete('/series/:id/members/:memberId', async (req, res) => {
    const caller = await principal(req, 'series:configure');
    await removeMember(deps.store, caller, req.params.memberId, deps.now());
    // SER41: their open draft connections close now, not at their next reconnect.
    await deps.notepads.revalidateSeries(caller.series.id);
    res.status(204).end();
  });

  return router;
}
