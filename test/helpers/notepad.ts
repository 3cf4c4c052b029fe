// Real y-websocket clients for the notepad server: the upstream WebsocketProvider, unmodified,
// in Node with the `ws` package as its WebSocket.
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import * as decoding from 'lib0/decoding';
import { connectWithTickets, notepadShouldReconnect, type TicketedConnection } from '../../client/src/net/notepad-ticket.js';
import { createSession, http, join, type Created, type HttpResult, type Joined } from './api.js';
import { within } from './wait.js';
import { PROTOCOL_VERSION, VERSION_PARAM } from '../../shared/src/version.js';
import type { CreateSessionBody } from '../../shared/src/protocol/index.js';

export interface NotepadClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  text: Y.Text;
  /** Set when the server said this connection is read-only. */
  readOnly: { value: boolean; told: Promise<void> };
  /** Resolves with the close the server ended the connection with (a 44xx code stops the provider). */
  closed: Promise<{ code: number; reason: string }>;
  /** Connects with a fresh ticket each time (NOTE16); `connect()` after a terminal close. */
  tickets: TicketedConnection;
}

const open = new Set<NotepadClient>();

export function notepadUrl(baseUrl: string): string {
  return `${baseUrl.replace(/^http/, 'ws')}/yjs`;
}

/** A single-use ticket for one notepad connection (NOTE16), or the HTTP status that refused it. */
export async function notepadTicket(baseUrl: string, token: string, path = '/api/notepad-tickets'): Promise<{ ticket: string } | { status: number }> {
  const result = await http<{ ticket: string }>(baseUrl, 'POST', path, { token, body: {} });
  return result.status === 201 ? { ticket: result.body.ticket } : { status: result.status };
}

/** The protocol version a notepad connection must carry (VERSION3), as query parameters. */
export const VERSION_QUERY: Record<string, string> = { [VERSION_PARAM]: String(PROTOCOL_VERSION) };

/** The query parameters that let a notepad connection in (for hand-made upgrades): a fresh ticket and the version. */
export async function notepadCredentials(baseUrl: string, token: string): Promise<Record<string, string>> {
  const got = await notepadTicket(baseUrl, token);
  if (!('ticket' in got)) throw new Error(`no notepad ticket: ${got.status}`);
  return { ...VERSION_QUERY, ...got };
}

/**
 * A provider for a room; `synced` waits for the first sync (leave it false for refused connections); `params` go in its URL;
 * `ticketPath` is where tickets come from (a series draft's: `/api/series/<id>/notepad-tickets`).
 */
export async function openNotepad(
  baseUrl: string,
  room: string,
  token: string,
  options: { synced?: boolean; doc?: Y.Doc; params?: Record<string, string>; ticketPath?: string } = {},
): Promise<NotepadClient> {
  const doc = options.doc ?? new Y.Doc();
  const provider = new WebsocketProvider(notepadUrl(baseUrl), room, doc, {
    connect: false, // connected with a fresh ticket each time, as the browser does (NOTE16)
    shouldReconnect: notepadShouldReconnect,
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true, // a BroadcastChannel would sync clients in this process behind the server's back
    maxBackoffTime: 200,
    params: { ...VERSION_QUERY, ...options.params },
  });
  let tell!: () => void;
  const readOnly = { value: false, told: new Promise<void>((resolve) => (tell = resolve)) };
  // The server's read-only notice is a y-protocols auth "permission denied" message (type 2).
  provider.messageHandlers[2] = (_encoder, decoder) => {
    decoding.readVarUint(decoder); // permission denied
    if (decoding.readVarString(decoder) === 'read-only') {
      readOnly.value = true;
      tell();
    }
  };
  let refused!: (close: { code: number; reason: string }) => void;
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    provider.once('closed', (event) => resolve(event));
    refused = resolve;
  });
  const tickets = connectWithTickets(
    provider,
    async () => {
      const got = await notepadTicket(baseUrl, token, options.ticketPath);
      if ('ticket' in got) return got.ticket;
      throw Object.assign(new Error(`ticket refused: ${got.status}`), { status: got.status });
    },
    (error) => {
      // As the browser: a refused token ends it with the close the server gives a refused
      // connection (401 → 4401, 403 removed → 4403); anything else is tried again.
      const status = (error as { status?: number }).status;
      if (status === 401 || status === 403) refused({ code: status === 401 ? 4401 : 4403, reason: (error as Error).message });
      return status !== 401 && status !== 403;
    },
  );
  tickets.connect();
  const client: NotepadClient = { doc, provider, text: doc.getText('notes'), readOnly, closed, tickets };
  open.add(client);
  if (options.synced !== false) await within(new Promise<void>((resolve) => (provider.synced ? resolve() : provider.once('sync', () => resolve()))), `sync with ${room}`);
  return client;
}

export function closeNotepad(client: NotepadClient): void {
  client.tickets.stop();
  client.provider.destroy();
  client.doc.destroy();
  open.delete(client);
}

export function closeAllNotepads(): void {
  for (const client of open) closeNotepad(client);
}

/** Resolves once `predicate` holds for the document, re-checking on each of its updates. */
export function until(doc: Y.Doc, predicate: () => boolean, what: string, ms = 5000): Promise<void> {
  return within(
    new Promise<void>((resolve) => {
      if (predicate()) return resolve();
      const check = () => {
        if (!predicate()) return;
        doc.off('update', check);
        resolve();
      };
      doc.on('update', check);
    }),
    what,
    ms,
  );
}

/**
 * Resolves once `observer` sees `client`'s awareness state with this marker: everything `client`
 * sent before it has been handled by the server (one connection's messages are handled in order).
 */
export function handled(client: NotepadClient, observer: NotepadClient, marker: string): Promise<void> {
  // In `cursor`: the server passes on only a caret's `user` and `cursor` (NOTE15).
  const seen = () => [...observer.provider.awareness.getStates().values()].some((s) => (s as { cursor?: { marker?: string } }).cursor?.marker === marker);
  const done = new Promise<void>((resolve) => {
    if (seen()) return resolve();
    const check = () => {
      if (!seen()) return;
      observer.provider.awareness.off('change', check);
      resolve();
    };
    observer.provider.awareness.on('change', check);
  });
  client.provider.awareness.setLocalStateField('cursor', { marker });
  return within(done, `the server to handle ${marker}`);
}

export interface CafeWorld {
  created: Created;
  sessionId: string;
  /** ann and bob at table A in round 1; cem at table B; dan not seated; olga an observer. */
  ann: Joined;
  bob: Joined;
  cem: Joined;
  dan: Joined;
  olga: Joined;
  tableA: string;
  tableB: string;
  room: (tableId: string, round: number) => string;
}

/**
 * A café of two tables and two rounds with a plan written into storage, round 1 started.
 * `annHostsA` makes Ann table A's host; `attribution` defaults to named.
 */
export async function cafeWorld(
  baseUrl: string,
  store: { cafe: { plan(id: string): Promise<any>; savePlan(id: string, plan: any): Promise<void> } },
  options: { attribution?: 'named' | 'group' | 'anonymous'; annHostsA?: boolean; languages?: CreateSessionBody['languages'] } = {},
): Promise<CafeWorld> {
  const created = await createSession(baseUrl, { title: 'Notepad café', attribution: options.attribution ?? 'named', ...(options.languages && { languages: options.languages }) });
  const sessionId = created.session.id;
  const people = await Promise.all(['Ann', 'Bob', 'Cem', 'Dan'].map((displayName) => join(baseUrl, created.session.joinCode, { displayName })));
  const [ann, bob, cem, dan] = people as [Joined, Joined, Joined, Joined];
  const olga = await join(baseUrl, created.session.joinCode, { displayName: 'Olga', role: 'observer' });
  const token = created.facilitatorToken;
  const tables = await http(baseUrl, 'PUT', `/api/sessions/${sessionId}/cafe/tables`, {
    token,
    body: {
      tables: [
        { label: 'A', kind: 'in-room', capacity: 6, ...(options.annHostsA && { hostParticipantId: ann.participant.id }) },
        { label: 'B', kind: 'in-room', capacity: 6 },
      ],
    },
  });
  if (tables.status !== 200) throw new Error(`tables: ${tables.status} ${JSON.stringify(tables.body)}`);
  const [tableA, tableB] = (tables.body.cafe.tables as { id: string }[]).map((t) => t.id) as [string, string];
  const rounds = await http(baseUrl, 'PUT', `/api/sessions/${sessionId}/cafe/rounds`, {
    token,
    body: {
      rounds: [
        { question: 'What matters?', durationMinutes: 20 },
        { question: 'What next?', durationMinutes: 20 },
      ],
    },
  });
  if (rounds.status !== 200) throw new Error(`rounds: ${rounds.status}`);
  const planned = await http(baseUrl, 'POST', `/api/sessions/${sessionId}/cafe/plan`, { token, body: { seed: 1 } });
  if (planned.status !== 201) throw new Error(`plan: ${planned.status} ${JSON.stringify(planned.body)}`);
  // Then the seating this test wants, written as another node (or the planner) would.
  const plan = await store.cafe.plan(sessionId);
  plan.plan.rounds = [
    { [tableA]: [ann.participant.id, bob.participant.id], [tableB]: [cem.participant.id] },
    { [tableA]: [cem.participant.id], [tableB]: [ann.participant.id, bob.participant.id] },
  ];
  await store.cafe.savePlan(sessionId, plan);
  const started = await http(baseUrl, 'POST', `/api/sessions/${sessionId}/cafe/run/start`, { token, body: {} });
  if (started.status !== 200) throw new Error(`start: ${started.status} ${JSON.stringify(started.body)}`);
  return {
    created,
    sessionId,
    ann,
    bob,
    cem,
    dan,
    olga,
    tableA,
    tableB,
    room: (tableId, round) => `session/${sessionId}/table/${tableId}/round/${round}`,
  };
}

/** A table notepad's key ideas changed the way the app changes them (IDEA1–IDEA4): the server's commands, over HTTP. */
export function ideasAt(baseUrl: string, world: CafeWorld, tableId: string, round: number) {
  const path = `/api/sessions/${world.sessionId}/cafe/tables/${tableId}/rounds/${round}/ideas`;
  const ok = async (request: Promise<HttpResult>, what: string) => {
    const result = await request;
    if (result.status >= 300) throw new Error(`${what}: ${result.status} ${JSON.stringify(result.body)}`);
    return result.body;
  };
  return {
    add: (token: string, id: string, text: string) => ok(http(baseUrl, 'POST', path, { token, body: { id, text } }), 'add idea'),
    mark: (token: string, id: string, marked: boolean) => ok(http(baseUrl, 'PUT', `${path}/${id}/marked`, { token, body: { marked } }), 'mark idea'),
    drop: (token: string, id: string) => ok(http(baseUrl, 'DELETE', `${path}/${id}`, { token }), 'drop idea'),
  };
}
