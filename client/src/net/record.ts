// The record over HTTP: exports as downloads, the publication, the public page's record.
import type { Language, RecordFormat, SessionRecordDocument } from '@open-talks/shared';
import type { ApiError, PublicationView } from '@open-talks/shared/protocol';
import { request, RequestError } from './api';

const sessionPath = (sessionId: string) => `/api/sessions/${encodeURIComponent(sessionId)}`;

/** The file name the server gave (RFC 6266 filename*, else filename), or a fallback. */
function fileNameOf(disposition: string | null, fallback: string): string {
  const utf8 = disposition && /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (utf8) return decodeURIComponent(utf8[1]!);
  const plain = disposition && /filename="([^"]+)"/i.exec(disposition);
  return plain ? plain[1]! : fallback;
}

/**
 * Downloads an export. The token lives in localStorage and goes only in the Authorization
 * header: a link with the token in its URL would land in history, logs and Referer headers.
 * So the file is fetched, kept as a Blob and saved through a short-lived object URL.
 */
export async function downloadRecord(sessionId: string, token: string, format: RecordFormat, lang: Language): Promise<void> {
  let response: Response;
  try {
    response = await fetch(`${sessionPath(sessionId)}/export?format=${format}&lang=${lang}`, { headers: { authorization: `Bearer ${token}` } });
  } catch {
    throw new RequestError('network', 'network error');
  }
  if (!response.ok) {
    const data = (await response.json().catch(() => null)) as { error?: ApiError } | null;
    throw new RequestError(data?.error?.code ?? 'internal', data?.error?.message ?? response.statusText, response.status);
  }
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameOf(response.headers.get('content-disposition'), `record.${format}`);
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click is handled; the URL is no longer needed.
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

export const recordApi = {
  publication: (sessionId: string, token: string) => request<{ publication: PublicationView | null }>('GET', `${sessionPath(sessionId)}/publication`, undefined, token),
  publish: (sessionId: string, token: string) => request<{ publication: PublicationView }>('POST', `${sessionPath(sessionId)}/publication`, {}, token),
  unpublish: (sessionId: string, token: string) => request<{ publication: PublicationView }>('DELETE', `${sessionPath(sessionId)}/publication`, undefined, token),
  publicRecord: (slug: string) => request<{ record: SessionRecordDocument }>('GET', `/api/public/${encodeURIComponent(slug)}`),
};
