// Calls to /api/series/… with the member's token; errors are the app's RequestError.
import { request } from '../net/api';

export function seriesRequest<T>(method: string, seriesId: string, path: string, token: string, body?: unknown): Promise<T> {
  return request<T>(method, `/api/series/${encodeURIComponent(seriesId)}${path}`, body, token);
}
