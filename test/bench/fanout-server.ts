// The servers for `npm run bench:fanout`, each in its own process so its CPU is measured apart
// from the clients': `app` starts Open Talks (SQLite in a temporary directory), `floor` a bare
// Socket.IO server of the same version that sends the same messages. Started by fanout.ts with
// fork(); reports its port, then answers 'stats' with its CPU time and memory.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Server } from 'socket.io';
import { loadConfig, startServer } from '../../server/src/app.js';

export interface ServerStats {
  cpuMs: number;
  rssMb: number;
  /** Time the event loop was busy since start, ms. */
  loopActiveMs: number;
}

const kind = process.argv[2] === 'floor' ? 'floor' : 'app';
const MAX_MESSAGE_BYTES = 64 * 1024; // as server/src/realtime/index.ts

async function startApp(): Promise<{ port: number; close: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'open-talks-fanout-'));
  const server = await startServer(
    loadConfig({
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: `sqlite:${join(dir, 'bench.sqlite')}`,
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'silent',
      // One machine plays thousands of people behind one address: lift the per-IP limits.
      RATE_JOIN_PER_MIN: '1000000',
      RATE_CREATE_PER_10MIN: '1000',
    }),
  );
  return {
    port: server.port,
    close: async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The floor: what any Socket.IO server must do for the same fan-out. `floor:prime` hands it the
 * messages the app sent (so sizes match); `floor:prompt` broadcasts the prompt to everyone;
 * `floor:start` broadcasts the public view and sends each connection its own seat message.
 */
async function startFloor(): Promise<{ port: number; close: () => Promise<void> }> {
  const http = createServer((_req, res) => {
    res.statusCode = 404;
    res.end();
  });
  const io = new Server(http, { maxHttpBufferSize: MAX_MESSAGE_BYTES, transports: ['polling', 'websocket'], serveClient: false });
  let sample: { prompt: unknown; live: unknown; seat: unknown } = { prompt: null, live: null, seat: null };
  io.on('connection', (socket) => {
    const controller = socket.handshake.auth?.controller === true;
    socket.emit('session:state', { ok: true });
    if (!controller) return;
    socket.on('floor:prime', (payload: typeof sample, ack: () => void) => {
      sample = payload;
      ack();
    });
    socket.on('floor:prompt', (_payload: unknown, ack: () => void) => {
      io.except(socket.id).emit('cafe:prompt', sample.prompt);
      ack();
    });
    socket.on('floor:start', (_payload: unknown, ack: () => void) => {
      io.except(socket.id).emit('cafe:live', sample.live);
      for (const other of io.sockets.sockets.values()) if (other !== socket) other.emit('cafe:seat', sample.seat);
      ack();
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const address = http.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    close: () => new Promise<void>((resolve) => void io.close(() => resolve())),
  };
}

const server = kind === 'app' ? await startApp() : await startFloor();
process.send?.({ type: 'ready', port: server.port });
process.on('message', (message: { type: string }) => {
  if (message.type === 'stats') {
    const cpu = process.cpuUsage();
    const stats: ServerStats = {
      cpuMs: (cpu.user + cpu.system) / 1000,
      rssMb: process.memoryUsage().rss / 2 ** 20,
      loopActiveMs: performance.eventLoopUtilization().active,
    };
    process.send?.({ type: 'stats', stats });
  }
  if (message.type === 'stop') void server.close().then(() => process.exit(0));
});
