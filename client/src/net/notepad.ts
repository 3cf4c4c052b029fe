// The one place the client speaks y-websocket (STYLE.md §5): the upstream WebsocketProvider,
// unmodified, plus y-indexeddb so typing survives going offline or closing the tab.
// Loaded only with the notepad chunk.
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { OUTDATED_CLOSE_CODE, PROTOCOL_VERSION, VERSION_PARAM } from '@open-talks/shared';
import { api, RequestError } from './api';
import { connectWithTickets, notepadShouldReconnect } from './notepad-ticket';
import { markOutdated } from './outdated';

export type NotepadStatus = 'connecting' | 'connected' | 'offline' | 'closed';

/** Why the server closed for good (docs/notepads.md, NOTE7), by close code. */
export type NotepadCloseKind = 'outdated' | 'unauthenticated' | 'forbidden' | 'removed' | 'noSuchRoom' | 'tooLarge' | 'rateLimited' | 'tooManyConnections' | 'other';

export interface NotepadConnectionState {
  status: NotepadStatus;
  /** The server said this connection may only read (its edits would be dropped). */
  serverReadOnly: boolean;
  closed: NotepadCloseKind | null;
}

export interface NotepadConnection {
  doc: Y.Doc;
  provider: WebsocketProvider;
  state(): NotepadConnectionState;
  subscribe(listener: () => void): () => void;
  /** After a terminal close (e.g. the rate limit): try again. */
  reconnect(): void;
  destroy(): void;
}

const MESSAGE_AUTH = 2; // y-websocket's message type for y-protocols/auth
const READ_ONLY_REASON = 'read-only';

function closeKind(code: number, reason: string): NotepadCloseKind {
  switch (code) {
    case 4401:
      return 'unauthenticated';
    case 4403:
      return reason.startsWith('removed') ? 'removed' : 'forbidden';
    case 4404:
      return 'noSuchRoom';
    case 4413:
    case 1009: // a message over the frame limit: past the size limit too
      return 'tooLarge';
    case 4429:
      return 'rateLimited';
    case 4409:
      return 'tooManyConnections';
    case OUTDATED_CLOSE_CODE:
      return 'outdated';
    default:
      return 'other';
  }
}

export function notepadServerUrl(): string {
  return `${location.origin.replace(/^http/, 'ws')}/yjs`;
}

/** `fetchTicket` defaults to a session's tickets; a series draft's come from its own endpoint (SER41). */
export function openNotepadConnection(
  room: string,
  token: string,
  user: { name: string; color: string },
  fetchTicket: () => Promise<string> = async () => (await api.notepadTicket(token)).ticket,
): NotepadConnection {
  const doc = new Y.Doc();
  // Offline copy per room and per person: a shared computer must not mix two people's drafts.
  const local = new IndexeddbPersistence(`open-talks:${room}:${token.slice(-8)}`, doc);
  // NOTE16: no token in the WebSocket URL (proxies log URLs): a fresh single-use ticket per connection.
  const provider = new WebsocketProvider(notepadServerUrl(), room, doc, {
    connect: false,
    shouldReconnect: notepadShouldReconnect,
    params: { [VERSION_PARAM]: String(PROTOCOL_VERSION) },
  });
  let state: NotepadConnectionState = { status: 'connecting', serverReadOnly: false, closed: null };
  const listeners = new Set<() => void>();
  const set = (next: Partial<NotepadConnectionState>) => {
    state = { ...state, ...next };
    for (const listener of listeners) listener();
  };

  // Per-instance handler table (a public field of the provider): the server's read-only notice
  // arrives as a y-protocols auth "permission denied" message.
  provider.messageHandlers[MESSAGE_AUTH] = (_encoder, decoder) => {
    decoding.readVarUint(decoder);
    if (decoding.readVarString(decoder) === READ_ONLY_REASON) set({ serverReadOnly: true });
  };
  provider.on('status', ({ status }) => {
    if (status === 'connected') set({ status, serverReadOnly: false, closed: null });
    else if (status === 'disconnected') set({ status: state.closed ? 'closed' : 'offline' });
    else if (state.status !== 'offline') set({ status });
  });
  provider.on('closed', ({ code, reason }) => {
    if (code === OUTDATED_CLOSE_CODE) markOutdated(); // VERSION4: the page says to reload
    set({ status: 'closed', closed: closeKind(code, reason) });
  });
  const tickets = connectWithTickets(provider, fetchTicket, (error) => {
    // The token itself is refused: say so as the server would have; otherwise try again.
    const refused = error instanceof RequestError && (error.code === 'unauthenticated' || error.code === 'removed');
    if (refused) set({ status: 'closed', closed: error.code === 'removed' ? 'removed' : 'unauthenticated' });
    else if (state.status !== 'offline') set({ status: 'offline' });
    return !refused;
  });
  provider.awareness.setLocalStateField('user', { name: user.name, color: user.color, colorLight: `${user.color}33` });
  // The browser knows first when the network goes (an open WebSocket may take ~30 s to notice):
  // say "offline" at once and keep the typing here; connect again as soon as it is back.
  const wentOffline = () => tickets.disconnect();
  const cameOnline = () => state.closed === null && tickets.connect();
  window.addEventListener('offline', wentOffline);
  window.addEventListener('online', cameOnline);
  tickets.connect();

  return {
    doc,
    provider,
    state: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    reconnect() {
      set({ status: 'connecting', closed: null });
      tickets.connect();
    },
    destroy() {
      window.removeEventListener('offline', wentOffline);
      window.removeEventListener('online', cameOnline);
      listeners.clear();
      tickets.stop();
      provider.destroy();
      void local.destroy();
      doc.destroy();
    },
  };
}
