import type {
  ApiError,
  CreateSessionBody,
  JoinBody,
  NotepadTicketResponse,
  ParticipantView,
  SessionLinks,
  SessionPreview,
  SessionState,
  SessionView,
} from '@open-talks/shared/protocol';

/** An error with a code the UI can translate; `network` when the server could not be reached. */
export class RequestError extends Error {
  constructor(
    readonly code: ApiError['code'] | 'network',
    message: string,
    readonly status = 0,
    /** A refusal's reason key (`reasons.*`), when the server gave one. */
    readonly reason?: string,
  ) {
    super(message);
  }
}

export async function request<T>(method: string, path: string, body?: unknown, token?: string): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new RequestError('network', 'network error');
  }
  if (response.status === 204) return undefined as T;
  const data = (await response.json().catch(() => null)) as { error?: ApiError } | null;
  if (!response.ok) {
    throw new RequestError(data?.error?.code ?? 'internal', data?.error?.message ?? response.statusText, response.status, data?.error?.reason);
  }
  return data as T;
}

export interface CreatedSession {
  session: SessionView;
  participant: ParticipantView;
  facilitatorToken: string;
  projectorKey: string;
  links: SessionLinks;
}

export const api = {
  health: () => request<{ status: string; version: string; createRequiresKey: boolean }>('GET', '/api/health'),
  createSession: (body: CreateSessionBody, operatorKey?: string) => request<CreatedSession>('POST', '/api/sessions', body, operatorKey),
  preview: (joinCode: string) => request<{ session: SessionPreview }>('GET', `/api/join/${encodeURIComponent(joinCode)}`),
  join: (body: JoinBody) => request<{ session: SessionView; participant: ParticipantView; token: string }>('POST', '/api/join', body),
  notepadTicket: (token: string) => request<NotepadTicketResponse>('POST', '/api/notepad-tickets', {}, token),
  session: (sessionId: string, token: string) => request<SessionState>('GET', `/api/sessions/${encodeURIComponent(sessionId)}`, undefined, token),
};
