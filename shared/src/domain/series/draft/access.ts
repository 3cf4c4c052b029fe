// SER41: who may open a draft room. A series' draft is written by its members (its organiser and
// its rapporteurs) and nobody else, and only in one of the series' languages. Pure, so the
// notepad server's door and its re-checks decide alike.
import { can } from '../../permissions.js';
import type { Language } from '../../words.js';
import type { SeriesRole } from '../words.js';

export type DraftRefusal = 'removed' | 'forbidden' | 'no-such-room';
export type DraftAccess = { access: 'write' } | { access: 'none'; refusal: DraftRefusal };

export interface DraftViewer {
  seriesId: string;
  role: SeriesRole;
  removed: boolean;
}

export function draftAccess(viewer: DraftViewer, series: { id: string; languages: readonly Language[] }, room: { seriesId: string; language: Language }): DraftAccess {
  if (viewer.removed) return { access: 'none', refusal: 'removed' };
  if (viewer.seriesId !== room.seriesId || series.id !== room.seriesId) return { access: 'none', refusal: 'forbidden' };
  if (!can(viewer.role, 'series:draft')) return { access: 'none', refusal: 'forbidden' };
  if (!series.languages.includes(room.language)) return { access: 'none', refusal: 'no-such-room' };
  return { access: 'write' };
}
