// The floor for `npm run bench:cluster`: a bare Socket.IO node with the same Redis Streams adapter
// Open Talks uses, doing only the fan-out. Every socket joins one room; `prompt` from anyone is
// emitted to that room (across nodes through Redis) and acked. /api/health answers HAProxy.
import { createServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { createClient } from 'redis';
import { Server } from 'socket.io';

const port = Number(process.env.PORT);
const redis = createClient({ url: process.env.REDIS_URL });
redis.on('error', () => undefined);
await redis.connect();

const http = createServer((req, res) => {
  if (req.url === '/api/health') return void res.end('{"status":"ok"}');
  res.statusCode = 404;
  res.end();
});
const io = new Server(http, {
  // As Open Talks configures it (server/src/cluster/index.ts).
  adapter: createAdapter(redis, {
    streamName: `${process.env.REDIS_PREFIX}socket.io`,
    channelPrefix: `${process.env.REDIS_PREFIX}socket.io`,
    sessionKeyPrefix: `${process.env.REDIS_PREFIX}sio:session:`,
  }),
  transports: ['websocket', 'polling'],
});
io.on('connection', (socket) => {
  void socket.join('all');
  socket.on('prompt', (prompt: unknown, ack: (answer: unknown) => void) => {
    io.to('all').emit('cafe:prompt', prompt);
    ack({ ok: true, prompt });
  });
});
http.listen(port, '127.0.0.1', () => process.send?.({ type: 'ready' }));
process.on('SIGTERM', () => {
  void io.close();
  process.exit(0);
});
