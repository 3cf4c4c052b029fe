// Sessions joining and leaving a series (SER24–SER27). Adding an existing session needs proof that
// the caller facilitates it (its facilitator token); a session belongs to one series at most.
import { createSessionBody, type AddSeriesSessionBody } from '@open-talks/shared/protocol';
import type { SeriesSessionSummary } from '@open-talks/shared/series';
import { AppError } from '../../errors.js';
import type { CreatedSession } from '../../sessions/session-service.js';
import type { SeriesRecord } from '../../store/index.js';
import type { SeriesDeps } from '../deps.js';
import { sessionSummary } from './session-summary.js';

export interface AddedSession {
  session: SeriesSessionSummary;
  /** Only for a session made here: its facilitator's credentials, shown once. */
  created?: CreatedSession;
}

type Deps = Pick<SeriesDeps, 'store' | 'sessions' | 'now'>;

/** SER25: the facilitator token must open this very session as its facilitator. */
async function provenFacilitator(deps: Deps, sessionId: string, token: string): Promise<void> {
  const principal = await deps.sessions.authenticate(token).catch((error: unknown) => {
    // The series token was fine; it is the session's token that does not prove anything.
    if (error instanceof AppError) throw new AppError('forbidden', `The facilitator token was refused: ${error.message}`, { reason: 'notFacilitatorToken' });
    throw error;
  });
  if (principal.session.id !== sessionId || principal.participant?.role !== 'facilitator') {
    throw new AppError('forbidden', 'This token is not the facilitator token of that session', { reason: 'notFacilitatorToken' });
  }
}

async function attach(deps: Deps, series: SeriesRecord, sessionId: string): Promise<void> {
  if (await deps.store.series.addSession(series.id, sessionId, deps.now())) return;
  const owner = await deps.store.series.seriesOfSession(sessionId);
  if (owner === series.id) throw new AppError('conflict', 'This session is already in this series', { reason: 'sessionInThisSeries' });
  throw new AppError('conflict', 'This session already belongs to another series; remove it there first', { reason: 'sessionInOtherSeries' });
}

export async function addSeriesSession(deps: Deps, series: SeriesRecord, body: AddSeriesSessionBody): Promise<AddedSession> {
  if (body.kind === 'existing') {
    await provenFacilitator(deps, body.sessionId, body.facilitatorToken);
    const session = await deps.store.sessions.byId(body.sessionId);
    if (!session) throw new AppError('not_found', 'No such session');
    await attach(deps, series, session.id);
    return { session: await sessionSummary(deps.store, session, deps.now()) };
  }
  // SER26: made like any session, with the series' languages and attribution unless the body says otherwise.
  const created = await deps.sessions.createSession(
    createSessionBody.parse({ title: body.title, format: body.format, languages: body.languages ?? series.languages, attribution: body.attribution ?? series.attribution }),
  );
  await attach(deps, series, created.session.id);
  const session = await deps.store.sessions.byId(created.session.id);
  return { session: await sessionSummary(deps.store, session!, deps.now()), created };
}

/** SER27: the session leaves the series and stays as it is. */
export async function removeSeriesSession(deps: Deps, series: SeriesRecord, sessionId: string): Promise<void> {
  if (!(await deps.store.series.removeSession(series.id, sessionId))) throw new AppError('not_found', 'This session is not in this series');
}
