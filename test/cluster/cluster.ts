// Three real nodes (child processes, so one can be killed with SIGKILL), HAProxy running the
// shipped configuration in front of them, one Redis and one PostgreSQL schema (docs/cluster.md).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createClient } from 'redis';
import { freePort, untilHealthy } from '../helpers/child-server.js';
import { postgresUrl } from '../helpers/environment.js';
import { redisUrl } from './environment.js';
import { startProxy, testConfig, type Proxy } from './haproxy.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const NODES = 3; // as many as the shipped file's backends list

export interface ClusterNode {
  id: string;
  port: number;
  url: string;
  process: ChildProcess | undefined;
  stderr: string;
}

export interface Cluster {
  /** Through HAProxy: what clients use. */
  url: string;
  nodes: ClusterNode[];
  proxy: Proxy;
  /** The PostgreSQL schema all nodes share, dropped by close(). */
  schema: string;
  redisPrefix: string;
  leaseMs: number;
  /** SIGKILL: no goodbye, no lease given back, sockets cut by the kernel. */
  kill(index: number): Promise<void>;
  /** Starts a killed node again on its port. */
  restart(index: number): Promise<void>;
  /** The node holding the session's lease now (from Redis), or undefined. */
  ownerOf(sessionId: string): Promise<ClusterNode | undefined>;
  close(): Promise<void>;
}

export interface ClusterOptions {
  leaseMs?: number;
  env?: Record<string, string>;
}

export async function startCluster(options: ClusterOptions = {}): Promise<Cluster> {
  const leaseMs = options.leaseMs ?? 2000;
  // A schema of its own (the nodes create it); no vitest here, so the benchmark can use this too.
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const redisPrefix = `ot-test-${randomBytes(4).toString('hex')}:`;
  const secret = randomBytes(24).toString('hex');
  const ports = await distinctPorts(NODES + 1);
  const proxyPort = ports.pop()!;
  const nodes: ClusterNode[] = ports.map((port, i) => ({ id: `node${i + 1}`, port, url: `http://127.0.0.1:${port}`, process: undefined, stderr: '' }));

  function spawnNode(node: ClusterNode): void {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(node.port),
      HOST: '127.0.0.1',
      DATABASE_URL: postgresUrl,
      DATABASE_SCHEMA: schema,
      REDIS_URL: redisUrl,
      REDIS_PREFIX: redisPrefix,
      CLUSTER_SECRET: secret,
      NODE_ID: node.id,
      NODE_URL: node.url,
      LEASE_MS: String(leaseMs),
      TRUST_PROXY: '1',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      RATE_JOIN_PER_MIN: '100000',
      RATE_CREATE_PER_10MIN: '100000',
      RATE_COMMANDS_PER_10S: '100000',
      RATE_QUESTIONS_PER_MIN: '100000',
      RATE_VOTES_PER_10S: '100000',
      RATE_HANDS_PER_MIN: '100000',
      RATE_CONTRIBUTIONS_PER_MIN: '100000',
      ...options.env,
    };
    delete env.OPERATOR_KEY;
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
    node.stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      node.stderr = (node.stderr + chunk.toString()).slice(-20_000);
    });
    node.process = child;
  }

  // The first node makes the schema (migrations); the others start once it has.
  spawnNode(nodes[0]!);
  await untilHealthy(nodes[0]!.url, nodes[0]!.process!, 60_000).catch(fail(nodes[0]!));
  for (const node of nodes.slice(1)) spawnNode(node);
  await Promise.all(nodes.slice(1).map((node) => untilHealthy(node.url, node.process!, 60_000).catch(fail(node))));

  const proxy = await startProxy(
    testConfig(
      proxyPort,
      nodes.map((n) => n.port),
    ),
    proxyPort,
  );
  const redis = createClient({ url: redisUrl });
  redis.on('error', () => undefined);
  await redis.connect();

  async function killNode(node: ClusterNode): Promise<void> {
    const child = node.process;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGKILL');
    await exited;
  }

  return {
    url: proxy.url,
    nodes,
    proxy,
    schema,
    redisPrefix,
    leaseMs,
    kill: (index) => killNode(nodes[index]!),
    async restart(index) {
      const node = nodes[index]!;
      spawnNode(node);
      await untilHealthy(node.url, node.process!, 60_000).catch(fail(node));
    },
    async ownerOf(sessionId) {
      // The lease's value is "<nodeId>|<fence>" (redis-lease.ts), under this cluster's prefix.
      const keys = await redis.keys(`*lease:${sessionId}`);
      for (const key of keys) {
        const value = await redis.get(key);
        const owner = value?.split('|')[0];
        const node = nodes.find((n) => n.id === owner);
        if (node) return node;
      }
      return undefined;
    },
    async close() {
      await proxy.close();
      await Promise.all(nodes.map(killNode));
      for await (const keys of redis.scanIterator({ MATCH: `${redisPrefix}*`, COUNT: 500 })) if (keys.length > 0) await redis.del(keys);
      await redis.close();
      const client = new pg.Client({ connectionString: postgresUrl });
      await client.connect();
      await client.query(`drop schema if exists ${schema} cascade`);
      await client.end();
    },
  };
}

function fail(node: ClusterNode): (error: Error) => never {
  return (error) => {
    throw new Error(`${node.id}: ${error.message}\n${node.stderr}`);
  };
}

async function distinctPorts(count: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < count) ports.add(await freePort());
  return [...ports];
}
