// The core part's calls (docs/api.md, "Series — core"), typed with the shared words.
import type { Attribution, Language, SessionFormat } from '@open-talks/shared';
import type { SessionLinks, SessionView } from '@open-talks/shared/protocol';
import type { Series, SeriesMemberView, SeriesRole, SeriesSessionSummary } from '@open-talks/shared/series';
import { request } from '../../net/api';
import { seriesRequest } from '../request';

export interface SeriesMemberSelf {
  id: string;
  role: SeriesRole;
  displayName: string | null;
}

export interface SeriesState {
  series: Series;
  member: SeriesMemberSelf;
  sessions: SeriesSessionSummary[];
  /** The organiser only. */
  members?: SeriesMemberView[];
}

export interface SeriesSettings {
  title: string;
  topic: string;
  languages: Language[];
  attribution: Attribution;
  originalLanguage: Language;
}

export interface CreatedInSeries {
  session: SessionView;
  facilitatorToken: string;
  projectorKey: string;
  links: SessionLinks;
}

export const seriesApi = {
  create: (body: SeriesSettings, operatorKey?: string) => request<{ series: Series; facilitatorToken: string }>('POST', '/api/series', body, operatorKey),
  read: (id: string, token: string) => seriesRequest<SeriesState>('GET', id, '', token),
  update: (id: string, token: string, changes: Partial<SeriesSettings>) => seriesRequest<{ series: Series }>('PATCH', id, '', token, changes),
  addExisting: (id: string, token: string, sessionId: string, facilitatorToken: string) =>
    seriesRequest<{ session: SeriesSessionSummary }>('POST', id, '/sessions', token, { kind: 'existing', sessionId, facilitatorToken }),
  addNew: (id: string, token: string, title: string, format: SessionFormat) =>
    seriesRequest<{ session: SeriesSessionSummary; created: CreatedInSeries }>('POST', id, '/sessions', token, { kind: 'new', title, format }),
  removeSession: (id: string, token: string, sessionId: string) => seriesRequest<void>('DELETE', id, `/sessions/${encodeURIComponent(sessionId)}`, token),
  addRapporteur: (id: string, token: string, displayName: string) =>
    seriesRequest<{ member: SeriesMemberView; token: string; link: string }>('POST', id, '/members', token, { role: 'rapporteur', ...(displayName && { displayName }) }),
  removeMember: (id: string, token: string, memberId: string) => seriesRequest<void>('DELETE', id, `/members/${encodeURIComponent(memberId)}`, token),
};
