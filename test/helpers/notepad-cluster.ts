// Notepads on several nodes in one process (docs/cluster.md, CLU60–CLU79): Redis reachable or
// not, nodes on one PostgreSQL schema and a Redis key prefix of their own, and a TCP forwarder
// that does what the proxy does for a room (all its connections to the node it names now).
import { randomBytes } from 'node:crypto';
import { createServer, connect as tcpConnect, type AddressInfo, type Server, type Socket } from 'node:net';
import { createClient } from 'redis';
import { startTestServer, type TestDatabase, type TestServer } from './server.js';

export const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export async function checkRedis(): Promise<string | null> {
  const redis = createClient({ url: redisUrl, socket: { connectTimeout: 2000, reconnectStrategy: false } });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
    return null;
  } catch (error) {
    return `Redis is not reachable at ${redisUrl} (${(error as Error).message}); set TEST_REDIS_URL`;
  } finally {
    if (redis.isOpen) await redis.close();
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** A cluster's nodes share `database` and `prefix`; each is a real server on its own port. */
export function clusterNodes(database: TestDatabase, env: Record<string, string> = {}) {
  const prefix = `t${randomBytes(4).toString('hex')}:`;
  return {
    prefix,
    async start(id: string): Promise<TestServer> {
      const port = await freePort();
      return startTestServer({
        database,
        port,
        env: { REDIS_URL: redisUrl, REDIS_PREFIX: prefix, CLUSTER_SECRET: 'cluster-notepad-test-secret', NODE_ID: id, NODE_URL: `http://127.0.0.1:${port}`, ...env },
      });
    },
    /** Removes this cluster's keys from Redis. */
    async clean(): Promise<void> {
      const redis = createClient({ url: redisUrl });
      await redis.connect();
      for await (const keys of redis.scanIterator({ MATCH: `${prefix}*`, COUNT: 1000 })) if (keys.length > 0) await redis.del(keys);
      await redis.close();
    },
  };
}

/** Forwards every TCP connection to the port `target()` names when it opens. */
export async function forwarder(target: () => number): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = tcpConnect(target(), '127.0.0.1');
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
    upstream.on('close', () => client.destroy());
    client.on('close', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
