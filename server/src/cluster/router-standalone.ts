// TEMPORARY (helper "routing", issue 17): the least of a cluster the router needs, until the
// helper "core"'s startCluster (Redis clients, adapter, leases, node directory) lands on main.
// Replace every use of it with startCluster's ownership, directory and ownerRun, then delete it.
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { createClient } from 'redis';
import type { ClusterConfig } from '../config.js';
import type { Logger } from '../log.js';
import type { IoServer } from '../realtime/types.js';
import type { SessionOwnership } from './ownership.js';
import { RedisLeases } from './redis-lease.js';
import type { NodeAddresses } from './router.js';

export interface StandaloneCluster {
  ownership: SessionOwnership;
  nodes: NodeAddresses;
  close(): Promise<void>;
}

export async function startStandaloneCluster(config: ClusterConfig, io: IoServer, log: Logger): Promise<StandaloneCluster> {
  const redis = createClient({ url: config.redisUrl });
  redis.on('error', (error: unknown) => log.warn({ err: error }, 'Redis connection error'));
  await redis.connect();
  io.adapter(
    createAdapter(redis, { streamName: `${config.redisPrefix}socket.io`, channelPrefix: `${config.redisPrefix}socket.io`, sessionKeyPrefix: `${config.redisPrefix}sio:session:` }),
  );
  const ownership = new RedisLeases(redis as never, config.nodeId, config.leaseMs, log);
  // main's RedisLeases has no key prefix yet: its sweeper would adopt the sessions of every other
  // cluster (or test run) sharing this Redis. Sessions are still taken over on their next use.
  clearInterval((ownership as unknown as { sweepTimer: NodeJS.Timeout }).sweepTimer);
  const key = `${config.redisPrefix}nodes`;
  await redis.hSet(key, config.nodeId, JSON.stringify({ url: config.nodeUrl, at: Date.now() }));
  const nodes: NodeAddresses = {
    async urlOf(nodeId) {
      if (nodeId === config.nodeId) return config.nodeUrl;
      const raw = await redis.hGet(key, nodeId);
      if (!raw) return undefined;
      return raw.startsWith('{') ? (JSON.parse(raw) as { url: string }).url : raw;
    },
  };
  return {
    ownership,
    nodes,
    async close() {
      await ownership.close();
      await redis.hDel(key, config.nodeId).catch(() => undefined);
      await redis.quit().catch(() => undefined);
    },
  };
}
