// One client process of `npm run bench:cluster`: connects its share of the clients through the
// proxy (websocket transport), then records when each `cafe:prompt` reaches each of them.
//   parent → { type: 'connect', url, tokens } (a token per client; null for the bare floor)
//   child  → { type: 'connected', count }
//   parent → { type: 'arrivals' }  child → { type: 'arrivals', byPrompt: { [id]: epoch ms[] } }
import { io, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION } from '../../shared/src/version.js';

const now = () => performance.timeOrigin + performance.now();
const sockets: Socket[] = [];
const arrivals = new Map<string, number[]>();
const BATCH = 100;

function connectOne(url: string, token: string | null): Promise<void> {
  const socket = io(url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    ...(token && { auth: { token, version: PROTOCOL_VERSION } }),
  });
  sockets.push(socket);
  socket.on('cafe:prompt', (prompt: { id: string }) => {
    const at = now();
    let list = arrivals.get(prompt.id);
    if (!list) arrivals.set(prompt.id, (list = []));
    list.push(at);
  });
  // Open Talks answers a connection with its state; the bare server has nothing to send.
  return new Promise((resolve, reject) => {
    if (token) socket.once('session:state', () => resolve());
    else socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
}

process.on('message', (message: { type: string; url?: string; tokens?: (string | null)[] }) => {
  if (message.type === 'connect') {
    void (async () => {
      const tokens = message.tokens!;
      for (let i = 0; i < tokens.length; i += BATCH) await Promise.all(tokens.slice(i, i + BATCH).map((t) => connectOne(message.url!, t)));
      process.send!({ type: 'connected', count: sockets.length });
    })().catch((error: unknown) => {
      process.send!({ type: 'error', message: (error as Error).message });
    });
  } else if (message.type === 'arrivals') {
    process.send!({ type: 'arrivals', byPrompt: Object.fromEntries(arrivals) });
  } else if (message.type === 'close') {
    for (const socket of sockets) socket.close();
    process.exit(0);
  }
});
process.send!({ type: 'ready' });
