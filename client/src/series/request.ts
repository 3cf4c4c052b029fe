// Calls to /api/series/… with the member's token; errors are the app's RequestError.
import { request } from '../net/api';

export function seriesRequest<T>(method: string, seriesId: string, path: string, token: string, body?: unknown): Promise<T> {
  return request<T>(method, `/api/series/${encodeURIComponent(seriesId)}${path}`, body, token);
}

/** Sent on `window` (detail: the series id) when a version was finalised or attached: panels that show versions read again. */
export const SERIES_VERSIONS_CHANGED = 'open-talks:series-versions-changed';

export function announceVersionsChanged(seriesId: string): void {
  window.dispatchEvent(new CustomEvent(SERIES_VERSIONS_CHANGED, { detail: seriesId }));
}
