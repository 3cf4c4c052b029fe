// Which series this browser is a member of, with the member's token (docs/series.md, SER1).
// Kept apart from the sessions' credentials: a series token opens no session and the reverse.
import type { SeriesRole } from '@open-talks/shared/series';

export interface SeriesCredential {
  seriesId: string;
  title: string;
  token: string;
  role: SeriesRole;
}

const KEY = 'openTalks.series';

function readAll(): Record<string, SeriesCredential> {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(KEY) ?? '{}');
    return value && typeof value === 'object' ? (value as Record<string, SeriesCredential>) : {};
  } catch {
    return {};
  }
}

export function getSeriesCredential(seriesId: string): SeriesCredential | undefined {
  return readAll()[seriesId];
}

export function saveSeriesCredential(credential: SeriesCredential): void {
  const all = readAll();
  all[credential.seriesId] = { ...all[credential.seriesId], ...credential };
  localStorage.setItem(KEY, JSON.stringify(all));
}

export function forgetSeries(seriesId: string): void {
  const all = readAll();
  delete all[seriesId];
  localStorage.setItem(KEY, JSON.stringify(all));
}

export function listSeriesCredentials(): SeriesCredential[] {
  return Object.values(readAll());
}
