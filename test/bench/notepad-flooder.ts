// The notepad part of one person's flood, for `npm run bench:flood` (run inside flooder.ts):
// several notepad connections of the same person to their table's notepad, each its own Yjs
// client sending one-character updates at the flooder's pace, and a fresh ticket and a new
// connection whenever the server closes one (as a script would), through the same ticket path
// as the client and the tests (test/helpers/notepad.ts).
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { notepadTicket, notepadUrl, VERSION_QUERY } from '../helpers/notepad.js';
import { updateMessage } from '../helpers/raw-notepad.js';

export interface NotepadFlood {
  base: string;
  token: string;
  room: string;
  connections: number;
  /** Paces the whole flood; false once it should stop. */
  permit(): Promise<boolean>;
  count(key: string): void;
}

const OPEN_TIMEOUT = 5_000; // ms: a connection that neither opens nor closes by then is given up

async function lane(flood: NotepadFlood, clientId: number): Promise<void> {
  const source = new Y.Doc(); // one Yjs client per lane, kept across reconnects: its updates stay consistent
  source.clientID = clientId;
  while (await flood.permit()) {
    const got = await notepadTicket(flood.base, flood.token).catch(() => ({ status: 0 }));
    if (!('ticket' in got)) {
      flood.count(`notepad ticket ${got.status}`);
      continue;
    }
    const ws = new WebSocket(`${notepadUrl(flood.base)}/${flood.room}?${new URLSearchParams({ ...VERSION_QUERY, ticket: got.ticket })}`);
    ws.on('error', () => undefined); // the close says what happened
    const closed = new Promise<void>((resolve) =>
      ws.once('close', (code) => {
        flood.count(`notepad closed ${code}`);
        resolve();
      }),
    );
    const opened = await Promise.race([
      new Promise<boolean>((resolve) => ws.once('open', () => resolve(true))),
      closed.then(() => false),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), OPEN_TIMEOUT).unref()),
    ]);
    if (opened) flood.count('notepad opened');
    while (opened && ws.readyState === WebSocket.OPEN && (await flood.permit())) {
      const before = Y.encodeStateVector(source);
      source.getText('notes').insert(0, 'f');
      ws.send(updateMessage(Y.encodeStateAsUpdate(source, before)));
    }
    ws.terminate();
    await closed;
  }
  source.destroy();
}

export function floodNotepads(flood: NotepadFlood): Promise<void> {
  return Promise.all(Array.from({ length: flood.connections }, (_, i) => lane(flood, 90_000 + i))).then(() => undefined);
}
