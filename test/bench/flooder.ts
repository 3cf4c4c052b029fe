// One person flooding the server, for `npm run bench:flood`: in its own process, so its CPU does
// not slow the measuring clients. Started with fork(); on 'start' it opens more Socket.IO
// connections than a person may keep and floods through all of them — real commands, unknown
// events with long names, and HTTP PATCH /me switching between the room and remote — opening a
// new connection whenever one is closed, until 'stop' (or its cap on events), then reports
// what it sent and how it was answered. With `notepad` it floods notepads instead (see
// notepad-flooder.ts).
import { io, type Socket } from 'socket.io-client';
import { floodNotepads } from './notepad-flooder.js';
import { PROTOCOL_VERSION } from '../../shared/src/version.js';

interface Start {
  type: 'start';
  base: string;
  sessionId: string;
  token: string;
  sockets: number;
  maxEvents: number;
  /** Events (commands, unknown events, HTTP requests, connection attempts) offered per second. */
  rate: number;
  /** Flood this person's table notepad through that many connections instead. */
  notepad?: { token: string; room: string; connections: number };
}

export interface FloodReport {
  sent: number;
  answered: Record<string, number>; // 'ok', or the error code
  replacedSockets: number;
  /** This process's CPU time, ms: a flood answered at once keeps its sender busier. */
  cpuMs: number;
}

const IN_FLIGHT = 64; // per socket or HTTP lane: enough to keep the server busy, bounded
const HTTP_LANES = 16;
const LONG_NAME = 'flood:'.padEnd(2_000, 'x'); // an unknown event with a long name
const JUNK = { junk: 'j'.repeat(1_000) };

let running = false;
let sent = 0;
let rate = 1;
let started = 0;

/**
 * Paces the flood at `rate` events a second in all, the same offered load whatever the server
 * does with it: an attacker on another machine floods at its own speed, whereas here an
 * unpaced flooder would also compete with the server for this machine's CPU.
 */
async function permit(): Promise<void> {
  sent++;
  const due = started + (sent / rate) * 1000; // ms: when this event is due
  const wait = due - performance.now();
  if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait)); // pacing, not waiting for an event
}
let maxEvents = 0;
const answered: Record<string, number> = {};
let replacedSockets = 0;

const count = (key: string) => (answered[key] = (answered[key] ?? 0) + 1);

function emit(socket: Socket, event: string, payload: unknown): Promise<void> {
  return new Promise((resolve) => {
    (socket.emit as (...args: unknown[]) => void)(event, payload, (reply: { ok: boolean; error?: { code: string } }) => {
      count(reply.ok ? 'ok' : (reply.error?.code ?? 'error'));
      resolve();
    });
    // A closed (replaced) socket never answers: do not wait for it.
    if (!socket.connected) resolve();
  });
}

/** Opens a connection; null when the server refuses it (then we try again at once, as a flood would). */
async function open(base: string, token: string): Promise<Socket | null> {
  await permit();
  const socket = io(base, { auth: { token, version: PROTOCOL_VERSION }, transports: ['websocket'], reconnection: false, forceNew: true });
  socket.on('connection:replaced', () => replacedSockets++);
  socket.on('disconnect', (reason) => reason === 'io server disconnect' && count('closed by the server'));
  const opened = await new Promise<boolean>((resolve) => {
    socket.once('session:state', () => resolve(true));
    socket.once('connect_error', (error: Error & { data?: { code?: string } }) => {
      count(`connect refused: ${error.data?.code ?? error.message}`);
      resolve(false);
    });
  });
  if (opened) return socket;
  socket.close();
  return null;
}

/** One connection after another, each flooded until the server closes it. */
async function socketLane(base: string, token: string, lane: number): Promise<void> {
  while (running && sent < maxEvents) {
    const socket = await open(base, token);
    if (socket) await floodSocket(socket, lane);
    socket?.close();
  }
}

async function floodSocket(socket: Socket, lane: number): Promise<void> {
  // Acks still owed when the server closes the connection never come: stop waiting for them then.
  const closed = new Promise<void>((resolve) => socket.once('disconnect', () => resolve()));
  let i = 0;
  while (running && socket.connected && sent < maxEvents) {
    const batch: Promise<void>[] = [];
    for (let k = 0; k < IN_FLIGHT && sent < maxEvents; k++, i++) {
      await permit();
      const kind = (i + lane) % 3;
      if (kind === 0) batch.push(emit(socket, 'qa:ask', { text: `Flood ${i}` }));
      else if (kind === 1) batch.push(emit(socket, 'profile:update', { mode: i % 2 ? 'remote' : 'in-room' }));
      else batch.push(emit(socket, `${LONG_NAME}${i}`, JUNK));
    }
    await Promise.race([Promise.all(batch), closed]);
  }
}

async function httpLane(base: string, sessionId: string, token: string, lane: number): Promise<void> {
  let i = lane;
  while (running && sent < maxEvents) {
    await permit();
    i++;
    try {
      const response = await fetch(`${base}/api/sessions/${sessionId}/me`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ mode: i % 2 ? 'remote' : 'in-room' }),
      });
      await response.arrayBuffer();
      count(`http ${response.status}`);
    } catch {
      count('http failed');
    }
  }
}

async function flood(start: Start): Promise<void> {
  running = true;
  maxEvents = start.maxEvents;
  rate = start.rate;
  started = performance.now();
  if (start.notepad) {
    const more = async () => {
      if (!running || sent >= maxEvents) return false;
      await permit();
      return true;
    };
    return floodNotepads({ base: start.base, ...start.notepad, permit: more, count });
  }
  const lanes = [
    ...Array.from({ length: start.sockets }, (_, lane) => socketLane(start.base, start.token, lane)),
    ...Array.from({ length: HTTP_LANES }, (_, lane) => httpLane(start.base, start.sessionId, start.token, lane)),
  ];
  await Promise.all(lanes);
}

let done: Promise<void> | undefined;
process.on('message', (message: Start | { type: 'stop' }) => {
  if (message.type === 'start') done = flood(message);
  if (message.type === 'stop') {
    running = false;
    void (done ?? Promise.resolve()).then(() => {
      const cpu = process.cpuUsage();
      const report: FloodReport = { sent, answered, replacedSockets, cpuMs: (cpu.user + cpu.system) / 1000 };
      process.send?.({ type: 'report', report });
      process.exit(0);
    });
  }
});
process.on('disconnect', () => process.exit(0)); // the bench is gone: so are we
process.send?.({ type: 'ready' });
