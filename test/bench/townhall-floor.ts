// The floor for `npm run bench:townhall`: a bare Socket.IO server (the app's version) doing the
// Town Hall's vote work and nothing else: it receives each vote, keeps the count, acks it with
// the new count, and broadcasts the counts to the session coalesced as the app does (the same
// Coalescer and TOWNHALL_FLUSH_MS). No storage, no permissions, no people: what is left of the
// app's time above this is what Open Talks adds. Speaks the townhall-server.ts IPC ('ready',
// 'stats', 'stop') and just enough HTTP (create, join) for townhall.ts to drive it unchanged.
import { randomUUID } from 'node:crypto';
import { appendFileSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { monitorEventLoopDelay, performance, PerformanceObserver } from 'node:perf_hooks';
import { Server } from 'socket.io';
import { Coalescer } from '../../server/src/util/coalescer.js';
import type { ServerStats } from './townhall-server.js';

const MAX_MESSAGE_BYTES = 64 * 1024; // as server/src/realtime/index.ts
const TOWNHALL_FLUSH_MS = 250; // as server/src/app.ts

type Ack = (reply: object) => void;

const tokens = new Map<string, string>(); // token → participant id
const questions = new Map<string, { authorId: string; voters: Set<string> }>();
let pendingCounts = new Map<string, number>();
const coalescer = new Coalescer(TOWNHALL_FLUSH_MS, (error) => console.error(error));

function body(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => resolve(text ? JSON.parse(text) : {}));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, value: unknown): void {
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(value));
}

function person(): { id: string; token: string } {
  const id = randomUUID();
  const token = randomUUID();
  tokens.set(token, id);
  return { id, token };
}

const http = createServer((req, res) => {
  void body(req).then((payload) => {
    if (req.method === 'POST' && req.url === '/api/sessions') {
      const facilitator = person();
      return send(res, { session: { id: 'floor', joinCode: 'FLOOR' }, facilitatorToken: facilitator.token });
    }
    if (req.method === 'POST' && req.url === '/api/join') {
      const { id, token } = person();
      return send(res, { participant: { id, displayName: (payload as { displayName?: string }).displayName }, token });
    }
    res.statusCode = 404;
    res.end();
  });
});
const io = new Server(http, { maxHttpBufferSize: MAX_MESSAGE_BYTES, transports: ['polling', 'websocket'], serveClient: false });

io.use((socket, next) => {
  const id = tokens.get(String(socket.handshake.auth?.token));
  if (!id) return next(new Error('unauthenticated'));
  socket.data.id = id;
  next();
});

io.on('connection', (socket) => {
  const me = socket.data.id as string;
  void socket.join('session');
  socket.emit('session:state', { session: { id: 'floor', format: 'townhall' }, viewer: { participant: { id: me } } });
  socket.on('qa:ask', (payload: { text: string }, ack: Ack) => {
    const id = randomUUID();
    questions.set(id, { authorId: me, voters: new Set() });
    ack({ ok: true, question: { id, text: payload.text, votes: 0 } });
  });
  socket.on('qa:vote', ({ questionId, up }: { questionId: string; up: boolean }, ack: Ack) => {
    const question = questions.get(questionId);
    if (!question || question.authorId === me) return ack({ ok: false, error: { code: 'conflict', message: 'no' } });
    if (up) question.voters.add(me);
    else question.voters.delete(me);
    const votes = question.voters.size;
    ack({ ok: true, questionId, votes });
    socket.emit('qa:voted', { questionId, voted: up }); // the app tells the voter's tabs
    pendingCounts.set(questionId, votes);
    coalescer.schedule('votes', () => {
      const counts = pendingCounts;
      pendingCounts = new Map();
      if (counts.size > 0) io.to('session').emit('qa:votes', Object.fromEntries(counts));
    });
  });
  socket.on('hand:raise', (_payload: unknown, ack: Ack) => ack({ ok: true }));
  socket.on('hand:give-floor', (_payload: unknown, ack: Ack) => ack({ ok: true }));
});

const gcs: Record<string, [number, number]> = {};
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    const kind = String((entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind);
    const seen = (gcs[kind] ??= [0, 0]);
    seen[0]++;
    seen[1] += entry.duration;
  }
}).observe({ entryTypes: ['gc'] });
const loopDelay = monitorEventLoopDelay({ resolution: 1 });
loopDelay.enable();

http.listen(0, '127.0.0.1', () => {
  const address = http.address();
  process.send?.({ type: 'ready', port: typeof address === 'object' && address ? address.port : 0 });
});
process.on('message', (message: { type: string }) => {
  if (message.type === 'stats') {
    const marks = process.env.BENCH_MARKS ?? process.env.BENCH_PROFILE;
    if (marks) {
      const threads = readdirSync('/proc/self/task').map((tid) => {
        const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
        const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        return `${name}:${Number(fields[11]) + Number(fields[12])}`;
      });
      appendFileSync(`${marks}/marks-${process.pid}.txt`, `${process.hrtime.bigint() / 1000n} ${threads.join(' ')} ${JSON.stringify(gcs)}\n`);
    }
    const cpu = process.cpuUsage();
    const memory = process.memoryUsage();
    const stats: ServerStats = {
      cpuUserMs: cpu.user / 1000,
      cpuSystemMs: cpu.system / 1000,
      rssMb: memory.rss / 2 ** 20,
      heapUsedMb: memory.heapUsed / 2 ** 20,
      loopActiveMs: performance.eventLoopUtilization().active,
      loopDelayP99Ms: loopDelay.percentile(99) / 1e6,
      loopDelayMaxMs: loopDelay.max / 1e6,
    };
    loopDelay.reset();
    process.send?.({ type: 'stats', stats });
  }
  if (message.type === 'stop') {
    coalescer.close();
    void io.close(() => process.exit(0));
  }
});
