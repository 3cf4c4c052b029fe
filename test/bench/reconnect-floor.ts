// The floor for `npm run bench:reconnect`: a bare Socket.IO server (the app's version and
// options) that answers every connection with a small state message and nothing else. The
// benchmark kills and restarts it exactly as it does the app. PORT and HOST from the environment.
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const port = Number(process.env.PORT ?? 0);
const host = process.env.HOST ?? '127.0.0.1';
const MAX_MESSAGE_BYTES = 64 * 1024; // as server/src/realtime/index.ts

const http = createServer((req, res) => {
  if (req.url === '/api/health') {
    res.setHeader('content-type', 'application/json');
    res.end('{"ok":true}');
    return;
  }
  res.statusCode = 404;
  res.end();
});
const io = new Server(http, { maxHttpBufferSize: MAX_MESSAGE_BYTES, transports: ['polling', 'websocket'], serveClient: false });

io.use((socket, next) => {
  const token: unknown = socket.handshake.auth?.token;
  if (typeof token === 'string' && token.length > 0) next();
  else next(new Error('unauthenticated'));
});

let served = 0;
io.on('connection', (socket) => {
  served++;
  socket.emit('session:state', {
    session: { id: 'floor', title: 'Floor', format: 'townhall', served },
    viewer: { kind: 'participant', participant: { id: String(socket.handshake.auth.token) } },
    attendance: { total: io.engine.clientsCount, inRoom: 0, remote: 0 },
  });
  // The web client measures its clock offset on every (re)connect.
  socket.on('clock:ping', (_payload: unknown, ack: unknown) => {
    if (typeof ack === 'function') ack({ ok: true, serverTime: Date.now() });
  });
});

http.listen(port, host);
// BENCH_PROFILE: a CPU profile is written when the process exits, which SIGINT alone skips.
process.on('SIGINT', () => process.exit(0));
