// A y-websocket connection spoken by hand (the `ws` client, messages built with y-protocols), for
// fault tests that send what the upstream provider never would: forged awareness, updates with
// missing dependencies, floods.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { WebSocket } from 'ws';
import { notepadCredentials, notepadUrl } from './notepad.js';
import { within } from './wait.js';

export interface RawNotepad {
  ws: WebSocket;
  /** The close the server ended the connection with. */
  closed: Promise<{ code: number; reason: string }>;
  /** Every message the server sent, in order. */
  received: Uint8Array[];
  send(message: Uint8Array): void;
  /**
   * Resolves true once the server has handled everything sent before (it answers an awareness
   * query), false if it closed the connection first.
   */
  roundTrip(): Promise<boolean>;
}

export async function openRawNotepad(baseUrl: string, room: string, token: string): Promise<RawNotepad> {
  const query = new URLSearchParams(await notepadCredentials(baseUrl, token));
  const ws = new WebSocket(`${notepadUrl(baseUrl)}/${room}?${query}`);
  const received: Uint8Array[] = [];
  const waiting = new Set<() => void>();
  ws.on('message', (data: Buffer) => {
    received.push(new Uint8Array(data));
    for (const wake of waiting) wake();
  });
  ws.on('error', () => undefined); // the close below says what happened
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  await within(
    new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('close', () => reject(new Error('closed before open')));
    }),
    `opening ${room}`,
  );
  const send = (message: Uint8Array) => ws.send(message);
  return {
    ws,
    closed,
    received,
    send,
    async roundTrip() {
      const before = received.length;
      const answered = new Promise<boolean>((resolve) => {
        const wake = () => {
          const awareness = received.slice(before).some((m) => decoding.readVarUint(decoding.createDecoder(m)) === 1);
          if (!awareness) return;
          waiting.delete(wake);
          resolve(true);
        };
        waiting.add(wake);
      });
      const query = encoding.createEncoder();
      encoding.writeVarUint(query, 3); // queryAwareness
      send(encoding.toUint8Array(query));
      return within(Promise.race([answered, closed.then(() => false)]), 'a round trip');
    },
  };
}

/** A y-websocket sync message carrying one update. */
export function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0); // sync
  encoding.writeVarUint(encoder, 2); // update
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** A y-websocket awareness message carrying one awareness update. */
export function awarenessMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}
