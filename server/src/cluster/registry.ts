import type { createClient } from 'redis';
import type { Logger } from '../log.js';
import type { NodeDirectory } from './ownership.js';

type Redis = ReturnType<typeof createClient>;

const URL_CACHE_MS = 5_000; // ms a node trusts what it read of another's address; addresses rarely change

/** What a node writes of itself in `<prefix>nodes` (field: its id). */
interface NodeEntry {
  url: string;
  /** Epoch ms of its last heartbeat, for operators (`HGETALL <prefix>nodes`) and a later sweep. */
  at: number;
}

/**
 * The nodes' addresses in one Redis hash (CLU3): each node writes its NODE_URL at start and again
 * on every heartbeat, and takes it out when it stops. Readers cache an address briefly: a
 * forwarded command must not cost a Redis round trip more.
 */
export class RedisNodeDirectory implements NodeDirectory {
  private readonly key: string;
  private readonly cache = new Map<string, { url: string; until: number }>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly redis: Redis,
    prefix: string,
    private readonly nodeId: string,
    private readonly nodeUrl: string,
    private readonly log: Logger,
  ) {
    this.key = `${prefix}nodes`;
  }

  /** Announces this node, then again every `heartbeatMs`. */
  async start(heartbeatMs: number): Promise<void> {
    await this.announce();
    this.timer = setInterval(() => {
      this.announce().catch((error: unknown) => this.log.warn({ err: error }, 'could not announce this node in Redis'));
    }, heartbeatMs);
    this.timer.unref();
  }

  async urlOf(nodeId: string): Promise<string | undefined> {
    if (nodeId === this.nodeId) return this.nodeUrl;
    const cached = this.cache.get(nodeId);
    if (cached && cached.until > Date.now()) return cached.url;
    const raw = await this.redis.hGet(this.key, nodeId);
    if (!raw) {
      this.cache.delete(nodeId);
      return undefined;
    }
    const { url } = JSON.parse(raw) as NodeEntry;
    this.cache.set(nodeId, { url, until: Date.now() + URL_CACHE_MS });
    return url;
  }

  /** Stops the heartbeat and takes this node out of the directory (a planned stop). */
  async close(): Promise<void> {
    clearInterval(this.timer);
    if (!this.redis.isOpen) return;
    await this.redis.hDel(this.key, this.nodeId).catch((error: unknown) => this.log.warn({ err: error }, 'could not take this node out of the directory'));
  }

  private async announce(): Promise<void> {
    const entry: NodeEntry = { url: this.nodeUrl, at: Date.now() };
    await this.redis.hSet(this.key, this.nodeId, JSON.stringify(entry));
  }
}
