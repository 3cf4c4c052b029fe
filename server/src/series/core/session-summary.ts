// The series' sessions as its console lists them (SER24): counts only, never a name (SER2).
import { MODES, type Mode } from '@open-talks/shared';
import type { SeriesSessionSummary } from '@open-talks/shared/series';
import type { SessionRecord, Store } from '../../store/index.js';
import { sessionState } from './session-state.js';

/** The session's public record, when published: `/c/<slug>` for a consultation (CONS67), else `/p/<slug>`. */
async function publicPath(store: Store, session: SessionRecord): Promise<string | null> {
  const publication = await store.records.publication(session.id);
  if (!publication || publication.publishedAt === null) return null;
  return session.format === 'consultation' ? `/c/${publication.slug}` : `/p/${publication.slug}`;
}

/**
 * Everyone who joined, removed people included (they attended), the facilitator too; the projector
 * is a display, not a participant row, so it never counts.
 */
async function attendance(store: Store, sessionId: string): Promise<SeriesSessionSummary['attendance']> {
  const people = await store.participants.listAll(sessionId);
  const byMode = Object.fromEntries(MODES.map((m) => [m, 0])) as Record<Mode, number>;
  for (const person of people) byMode[person.mode]++;
  return { total: people.length, byMode };
}

export async function sessionSummary(store: Store, session: SessionRecord, now: number): Promise<SeriesSessionSummary> {
  const [people, state, path] = await Promise.all([attendance(store, session.id), sessionState(store, session, now), publicPath(store, session)]);
  return {
    sessionId: session.id,
    title: session.title,
    format: session.format,
    attribution: session.attribution,
    languages: session.languages,
    createdAt: session.createdAt,
    endedAt: session.endedAt,
    attendance: people,
    state,
    publicPath: path,
  };
}

/** The series' sessions in the order they were added; a session deleted since is left out. */
export async function seriesSessions(store: Store, seriesId: string, now: number): Promise<SeriesSessionSummary[]> {
  const ids = await store.series.sessionIds(seriesId);
  const sessions = await Promise.all(ids.map((id) => store.sessions.byId(id)));
  return Promise.all(sessions.filter((s): s is SessionRecord => s !== undefined).map((s) => sessionSummary(store, s, now)));
}
