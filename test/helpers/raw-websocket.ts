// A WebSocket client by hand, over a raw TCP socket: a valid upgrade handshake, then frames
// written byte by byte, so tests can send what no well-behaved library would (fault tests).
import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import { within } from './wait.js';

export interface RawWebSocket {
  socket: Socket;
  /** Resolves with the first data frame's payload the server sends (after the handshake). */
  firstMessage: Promise<Buffer>;
  /** Resolves with the code of the server's close frame, or null if the TCP connection ended without one. */
  closed: Promise<number | null>;
  send(frame: Buffer): void;
}

/** Opens a TCP connection to `baseUrl` and upgrades `path` (with its query) to a WebSocket. */
export async function rawUpgrade(baseUrl: string, path: string): Promise<RawWebSocket> {
  const { hostname, port } = new URL(baseUrl);
  const socket = connect(Number(port), hostname);
  const key = randomBytes(16).toString('base64');
  socket.write(
    `GET ${path} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` + `Sec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
  );
  let buffered = Buffer.alloc(0);
  let upgraded = false;
  let tellMessage!: (payload: Buffer) => void;
  let tellClosed!: (code: number | null) => void;
  let tellUpgraded!: () => void;
  let failUpgrade!: (error: Error) => void;
  const firstMessage = new Promise<Buffer>((resolve) => (tellMessage = resolve));
  const closed = new Promise<number | null>((resolve) => (tellClosed = resolve));
  const ready = new Promise<void>((resolve, reject) => {
    tellUpgraded = resolve;
    failUpgrade = reject;
  });
  socket.on('data', (chunk: Buffer) => {
    buffered = Buffer.concat([buffered, chunk]);
    if (!upgraded) {
      const end = buffered.indexOf('\r\n\r\n');
      if (end < 0) return;
      const head = buffered.subarray(0, end).toString('latin1');
      if (!head.startsWith('HTTP/1.1 101')) return failUpgrade(new Error(`no upgrade: ${head.split('\r\n')[0]}`));
      upgraded = true;
      buffered = buffered.subarray(end + 4);
      tellUpgraded();
    }
    for (;;) {
      const frame = readServerFrame(buffered);
      if (!frame) return;
      buffered = buffered.subarray(frame.length);
      if (frame.opcode === 0x8) tellClosed(frame.payload.length >= 2 ? frame.payload.readUInt16BE(0) : null);
      else if (frame.opcode === 0x1 || frame.opcode === 0x2) tellMessage(frame.payload);
    }
  });
  socket.on('error', () => tellClosed(null)); // a reset after the server gave up on us
  socket.on('close', () => {
    tellClosed(null);
    failUpgrade(new Error('closed before the upgrade'));
  });
  await within(ready, `the upgrade of ${path.split('?')[0]}`);
  return { socket, firstMessage, closed, send: (frame) => socket.write(frame) };
}

/** A server frame (never masked) at the start of `data`, or undefined while incomplete. */
function readServerFrame(data: Buffer): { opcode: number; payload: Buffer; length: number } | undefined {
  if (data.length < 2) return undefined;
  const opcode = data[0]! & 0x0f;
  let size = data[1]! & 0x7f;
  let offset = 2;
  if (size === 126) {
    if (data.length < 4) return undefined;
    size = data.readUInt16BE(2);
    offset = 4;
  } else if (size === 127) {
    if (data.length < 10) return undefined;
    size = Number(data.readBigUInt64BE(2));
    offset = 10;
  }
  if (data.length < offset + size) return undefined;
  return { opcode, payload: data.subarray(offset, offset + size), length: offset + size };
}

/** A client frame: FIN set, the given first byte's other bits, masked unless told otherwise. */
export function clientFrame(firstByte: number, payload: Buffer, options: { masked?: boolean } = {}): Buffer {
  const masked = options.masked ?? true;
  const length = payload.length;
  const header = length < 126 ? Buffer.from([firstByte, (masked ? 0x80 : 0) | length]) : Buffer.from([firstByte, (masked ? 0x80 : 0) | 126, length >> 8, length & 0xff]);
  if (!masked) return Buffer.concat([header, payload]);
  const mask = randomBytes(4);
  const body = Buffer.from(payload.map((byte, i) => byte ^ mask[i % 4]!));
  return Buffer.concat([header, mask, body]);
}

/** The malformed frames of the hardening issue, each with the close code RFC 6455 gives it. */
export const BAD_FRAMES: { name: string; frame: () => Buffer; code: number }[] = [
  {
    name: 'a header announcing a huge payload',
    // Binary, masked, 64-bit length of 2^40 bytes (far past any maxPayload), then a mask.
    frame: () => Buffer.concat([Buffer.from([0x82, 0xff]), Buffer.from([0, 0, 1, 0, 0, 0, 0, 0]), randomBytes(4)]),
    code: 1009,
  },
  { name: 'an unmasked frame', frame: () => clientFrame(0x82, Buffer.from('hello'), { masked: false }), code: 1002 },
  { name: 'reserved bits set', frame: () => clientFrame(0x82 | 0x40 | 0x20, Buffer.from('hello')), code: 1002 },
  { name: 'an unknown opcode', frame: () => clientFrame(0x83, Buffer.from('hello')), code: 1002 },
  { name: 'bad UTF-8 in a text frame', frame: () => clientFrame(0x81, Buffer.from([0xff, 0xfe, 0xfd])), code: 1007 },
];
