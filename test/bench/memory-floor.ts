// The floor for `npm run bench:memory`: a bare Socket.IO server (the app's version and options)
// doing what the app does for an idle participant and nothing more: check a token on connect,
// join the session's room and the person's own room, send a small state. Forked by memory.ts.
import { createServer } from 'node:http';
import { Server } from 'socket.io';
import { answerMemory } from './memory-measure.js';

const MAX_MESSAGE_BYTES = 64 * 1024; // as server/src/realtime/index.ts

const http = createServer((_req, res) => {
  res.statusCode = 404;
  res.end();
});
const io = new Server(http, { maxHttpBufferSize: MAX_MESSAGE_BYTES, transports: ['polling', 'websocket'], serveClient: false });

io.use((socket, next) => {
  const token: unknown = socket.handshake.auth?.token;
  if (typeof token !== 'string' || token.length === 0) return next(new Error('unauthenticated'));
  socket.data = { sessionId: 'floor', participantId: token };
  void Promise.resolve(socket.join(['session:floor', `participant:${token}`])).then(() => next());
});

io.on('connection', (socket) => {
  socket.emit('session:state', {
    session: { id: 'floor', title: 'Floor', format: 'townhall' },
    viewer: { kind: 'participant', participant: { id: String(socket.handshake.auth.token) } },
    attendance: { total: io.engine.clientsCount, inRoom: 0, remote: 0 },
  });
});

http.listen(0, '127.0.0.1', () => {
  const address = http.address();
  process.send?.({ type: 'ready', port: typeof address === 'object' && address ? address.port : 0 });
});
answerMemory(
  () =>
    new Promise<void>((resolve) => {
      void io.close(() => resolve());
    }),
);
