// The publish part's calls (docs/api.md, "Series — versions and exports"). Refusals keep their
// reason and parameters: an unresolved reference is shown with its label.
import type { Language } from '@open-talks/shared';
import type { ApiError } from '@open-talks/shared/protocol';
import type { DocumentExportFormat, VersionSummary } from '@open-talks/shared/series';

export class PublishError extends Error {
  constructor(
    readonly code: ApiError['code'] | 'network',
    message: string,
    readonly reason?: string,
    readonly params?: Record<string, string | number>,
  ) {
    super(message);
  }
}

const seriesPath = (seriesId: string) => `/api/series/${encodeURIComponent(seriesId)}`;

async function call(method: string, url: string, token: string, body?: unknown): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: { authorization: `Bearer ${token}`, accept: 'application/json', ...(body !== undefined && { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new PublishError('network', 'network error');
  }
  if (!response.ok) {
    const data = (await response.json().catch(() => null)) as { error?: ApiError } | null;
    throw new PublishError(data?.error?.code ?? 'internal', data?.error?.message ?? response.statusText, data?.error?.reason, data?.error?.params);
  }
  return response;
}

export const publishApi = {
  versions: async (seriesId: string, token: string) => (await (await call('GET', `${seriesPath(seriesId)}/versions`, token)).json()) as { versions: VersionSummary[] },
  finalise: async (seriesId: string, token: string, changes: string) =>
    (await (await call('POST', `${seriesPath(seriesId)}/versions`, token, { changes })).json()) as { version: VersionSummary },
  attach: async (seriesId: string, token: string, version: number, language: Language) =>
    (await (await call('POST', `${seriesPath(seriesId)}/versions/${version}/translations`, token, { language })).json()) as { version: VersionSummary },
};

function fileNameOf(disposition: string | null, fallback: string): string {
  const utf8 = disposition && /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (utf8) return decodeURIComponent(utf8[1]!);
  const plain = disposition && /filename="([^"]+)"/i.exec(disposition);
  return plain ? plain[1]! : fallback;
}

/**
 * Downloads an export: fetched with the token in the Authorization header (never in a URL, where
 * it would land in history and logs), kept as a Blob and saved through a short-lived object URL.
 */
export async function downloadVersion(seriesId: string, token: string, version: number, format: DocumentExportFormat, lang: Language): Promise<void> {
  const response = await call('GET', `${seriesPath(seriesId)}/versions/${version}/export?format=${format}&lang=${lang}`, token);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameOf(response.headers.get('content-disposition'), `document-v${version}-${lang}.${format}`);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1_000); // ms: the browser has taken the file by then
}
