import type { CreateSessionBody, JoinBody, ParticipantView, SessionLinks, SessionView } from '../../shared/src/protocol/index.js';

export interface Created {
  session: SessionView;
  participant: ParticipantView;
  facilitatorToken: string;
  projectorKey: string;
  links: SessionLinks;
}

export interface Joined {
  session: SessionView;
  participant: ParticipantView;
  token: string;
}

export interface HttpResult<T = unknown> {
  status: number;
  body: T;
}

/** A plain HTTP call to the real server; returns status and parsed JSON (or null). */
export async function http<T = any>(baseUrl: string, method: string, path: string, options: { body?: unknown; token?: string; raw?: string } = {}): Promise<HttpResult<T>> {
  // A connection per call: after a restart on the same port, a pooled keep-alive connection
  // would still point at the old process and fail with "other side closed".
  const headers: Record<string, string> = { connection: 'close' };
  if (options.body !== undefined || options.raw !== undefined) headers['content-type'] = 'application/json';
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    body: options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
}

export async function createSession(baseUrl: string, body: Partial<CreateSessionBody> = {}): Promise<Created> {
  const result = await http<Created>(baseUrl, 'POST', '/api/sessions', { body: { title: 'Test café', format: 'cafe', ...body } });
  if (result.status !== 201) throw new Error(`create failed: ${result.status} ${JSON.stringify(result.body)}`);
  return result.body;
}

export async function join(baseUrl: string, joinCode: string, body: Partial<JoinBody> = {}): Promise<Joined> {
  const result = await http<Joined>(baseUrl, 'POST', '/api/join', {
    body: { joinCode, stakeholderGroup: 'academia', mode: 'in-room', ...body },
  });
  if (result.status !== 201) throw new Error(`join failed: ${result.status} ${JSON.stringify(result.body)}`);
  return result.body;
}

export interface CreatedSeries {
  series: { id: string; title: string; originalLanguage: string; languages: string[]; attribution: string };
  facilitatorToken: string;
  links: { console: string };
}

/** POST /api/series: a series with its organiser's token (docs/series.md). */
export async function createSeries(baseUrl: string, body: Record<string, unknown> = {}): Promise<CreatedSeries> {
  const res = await http<CreatedSeries>(baseUrl, 'POST', '/api/series', { body: { title: 'Open Talks on data governance', ...body } });
  if (res.status !== 201) throw new Error(`creating a series failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
