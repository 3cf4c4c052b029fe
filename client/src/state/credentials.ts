import type { SessionFormat } from '@open-talks/shared';
/**
 * Who this browser is in each session: the token from joining (or creating), kept in
 * localStorage so closing the tab or losing the network never makes anyone join twice.
 */
export interface Credential {
  sessionId: string;
  joinCode: string;
  title: string;
  /** Bearer token of the participant this browser is, if any. */
  token?: string;
  /** The facilitator's projector key, or the key a projector screen was opened with. */
  projectorKey?: string;
  facilitator?: boolean;
  /** Known once joined: lets a café participant's view fetch the notepad code early. */
  format?: SessionFormat;
}

const KEY = 'openTalks.credentials';

function readAll(): Record<string, Credential> {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(KEY) ?? '{}');
    return value && typeof value === 'object' ? (value as Record<string, Credential>) : {};
  } catch {
    return {};
  }
}

function writeAll(all: Record<string, Credential>): void {
  localStorage.setItem(KEY, JSON.stringify(all));
}

export function getCredential(sessionId: string): Credential | undefined {
  return readAll()[sessionId];
}

export function findByJoinCode(joinCode: string): Credential | undefined {
  return Object.values(readAll()).find((c) => c.joinCode === joinCode && c.token);
}

export function saveCredential(credential: Credential): void {
  const all = readAll();
  all[credential.sessionId] = { ...all[credential.sessionId], ...credential };
  writeAll(all);
}

export function forgetToken(sessionId: string): void {
  const all = readAll();
  const entry = all[sessionId];
  if (!entry) return;
  delete entry.token;
  writeAll(all);
}

export function listCredentials(): Credential[] {
  return Object.values(readAll()).filter((c) => c.token);
}

/** Takes `#token=…` or `#key=…` off the address bar once read, so it is not shared by accident. */
export function takeFromFragment(name: 'token' | 'key'): string | undefined {
  const params = new URLSearchParams(location.hash.slice(1));
  const value = params.get(name) ?? undefined;
  if (value) history.replaceState(history.state, '', location.pathname + location.search);
  return value;
}
