import { createConnection, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP relay in front of a real server (Redis), to take it away from a node under test: `stall`
 * keeps the connections open but stops carrying what the node sends (a Redis that does not
 * answer), `cut` drops them and refuses new ones (a Redis that is gone); `restore` undoes both,
 * on the same port. `sent` is everything the node sent so far.
 */
export interface TcpRelay {
  port: number;
  sent(): string;
  stall(): void;
  cut(): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function tcpRelay(targetHost: string, targetPort: number): Promise<TcpRelay> {
  const pairs = new Set<[Socket, Socket]>();
  let sent = '';
  let stalled = false;
  let server: Server;

  const listen = (port: number) =>
    new Promise<Server>((resolve, reject) => {
      const s = createServer((client) => {
        const upstream = createConnection({ host: targetHost, port: targetPort });
        const pair: [Socket, Socket] = [client, upstream];
        pairs.add(pair);
        client.on('data', (chunk: Buffer) => {
          sent += chunk.toString('latin1');
        });
        client.pipe(upstream);
        upstream.pipe(client);
        if (stalled) client.pause();
        const end = () => {
          pairs.delete(pair);
          client.destroy();
          upstream.destroy();
        };
        client.on('error', end).on('close', end);
        upstream.on('error', end).on('close', end);
      });
      s.once('error', reject);
      s.listen(port, '127.0.0.1', () => resolve(s));
    });

  server = await listen(0);
  const port = (server.address() as { port: number }).port;
  const closeServer = () => new Promise<void>((resolve) => server.close(() => resolve()));

  return {
    port,
    sent: () => sent,
    stall() {
      stalled = true;
      for (const [client] of pairs) client.pause();
    },
    async cut() {
      const closed = closeServer();
      for (const [client, upstream] of pairs) {
        client.destroy();
        upstream.destroy();
      }
      await closed;
    },
    async restore() {
      stalled = false;
      for (const [client] of pairs) client.resume();
      if (!server.listening) server = await listen(port);
    },
    async close() {
      const closed = server.listening ? closeServer() : Promise.resolve();
      for (const [client, upstream] of pairs) {
        client.destroy();
        upstream.destroy();
      }
      await closed;
    },
  };
}
