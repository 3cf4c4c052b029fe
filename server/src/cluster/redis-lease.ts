import { performance } from 'node:perf_hooks';
import type { createClient } from 'redis';
import { AppError } from '../errors.js';
import type { Logger } from '../log.js';
import { SESSION_MOVED_MESSAGE } from './fencing.js';
import type { SessionOwnership } from './ownership.js';

type Redis = ReturnType<typeof createClient>;

export interface RedisLeasesOptions {
  /** Before every key (REDIS_PREFIX): clusters and test runs sharing one Redis keep apart. */
  prefix?: string;
  /**
   * Stores a new owner's fence (in PostgreSQL's session_fences, CLU5) before the session is
   * used, and answers the fence stored before (at or past the new one when Redis lost its
   * counters: nothing written then); a failure gives the lease back.
   */
  recordFence?: (sessionId: string, fence: number) => Promise<number>;
  /** How long an unused session without a running clock keeps its lease (CLU23). */
  idleMs?: number;
}

const OWNER_CACHE_MS = 1_000; // how long a node trusts what it read about another node's lease

// Take the lease if nobody holds it: one round trip, and the fence grows with every new owner.
const ACQUIRE = `
local current = redis.call('GET', KEYS[1])
if current then return current end
local fence = redis.call('INCR', KEYS[2])
local value = ARGV[1] .. '|' .. fence
redis.call('SET', KEYS[1], value, 'PX', ARGV[2])
redis.call('SADD', KEYS[3], ARGV[3])
return value`;

// Renew the leases still ours; answer the indexes of those another node holds, and of those
// whose key is gone (Redis restarted empty, or flushed: CLU21), which the node takes again at once.
const RENEW = `
local lost, missing = {}, {}
for i, key in ipairs(KEYS) do
  local current = redis.call('GET', key)
  if current == ARGV[i + 1] then redis.call('PEXPIRE', key, ARGV[1])
  elseif current then table.insert(lost, i - 1)
  else table.insert(missing, i - 1) end
end
return {lost, missing}`;

// The lease is still ours: the fence counter goes past ARGV[2] (the fence PostgreSQL has), and the lease takes the new fence.
const RAISE = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return false end
if tonumber(redis.call('GET', KEYS[2]) or '0') < tonumber(ARGV[2]) then redis.call('SET', KEYS[2], ARGV[2]) end
local value = ARGV[3] .. '|' .. redis.call('INCR', KEYS[2])
redis.call('SET', KEYS[1], value, 'PX', ARGV[4])
return value`;

const RELEASE = `
for i, key in ipairs(KEYS) do
  if redis.call('GET', key) == ARGV[i] then redis.call('DEL', key) end
end
return 0`;

// An idle session leaves: its lease is given back and it leaves the set the sweeper reads (CLU23).
const LET_GO = `
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
redis.call('SREM', KEYS[2], ARGV[2])
return 0`;

const fenceOf = (value: string) => Number(value.split('|')[1] ?? '0');

interface Held {
  value: string;
  fence: number;
  /** Monotonic ms (performance.now) until which the lease is surely this node's: sent time of its last take or renewal + leaseMs (CLU28). */
  until: number;
  /** Monotonic ms of the session's last use here (ownerOf): idle sessions are let go (CLU23). */
  usedAt: number;
}

const EXPIRY_MARGIN = 0.1; // of leaseMs: a lease counts as lost this long before its key can expire in Redis
const CLAIM_EVERY = 4; // sweeps: how often the sessions with a running clock are read from storage (CLU22)
const ADOPT_AT_ONCE = 8; // sessions taken in parallel by one sweep (CLU24)
const IDLE_MS = 10 * 60_000; // a session unused this long, with no running clock, gives its lease back (CLU23)

/** The sessions whose clocks run (read from storage): they must always have an owner. */
export type RunningSessions = () => Promise<Set<string>>;

/**
 * Session leases in Redis (SET NX PX with a fencing counter), renewed every third of their life.
 * A node that dies stops renewing; after `leaseMs` the sweeper of a live node (or the next
 * command) takes the session, with a larger fence, and resumes its clocks from storage.
 */
export class RedisLeases implements SessionOwnership {
  private readonly held = new Map<string, Held>();
  private readonly known = new Map<string, { owner: string; until: number }>();
  private readonly acquiring = new Map<string, Promise<string>>();
  /** Sessions taken whose onAcquired listeners still run: their owner paths wait for them (CLU25). */
  private readonly resuming = new Map<string, Promise<string>>();
  private running: RunningSessions | undefined;
  private runningIds: Set<string> | undefined;
  private sweeps = 0;
  private sweeping = false;
  private readonly acquired: ((sessionId: string) => Promise<void>)[] = [];
  private readonly lost: ((sessionId: string) => void)[] = [];
  private readonly renewTimer: NodeJS.Timeout;
  private readonly sweepTimer: NodeJS.Timeout;
  private closed = false;
  private readonly idleMs: number;
  private readonly prefix: string;
  private readonly recordFence: RedisLeasesOptions['recordFence'];
  /** Every session that ever had an owner: the sweeper adopts those whose owner died. */
  private readonly sessionsKey: string;

  constructor(
    private readonly redis: Redis,
    readonly nodeId: string,
    private readonly leaseMs: number,
    private readonly log: Logger,
    options: RedisLeasesOptions = {},
  ) {
    this.prefix = options.prefix ?? 'ot:';
    this.recordFence = options.recordFence;
    this.sessionsKey = `${this.prefix}sessions`;
    this.idleMs = options.idleMs ?? IDLE_MS;
    this.renewTimer = setInterval(() => void this.renew(), Math.floor(leaseMs / 3));
    this.sweepTimer = setInterval(() => void this.sweep(), Math.floor(leaseMs / 2));
    this.renewTimer.unref();
    this.sweepTimer.unref();
  }

  owns(sessionId: string): boolean {
    return this.valid(sessionId) !== undefined;
  }

  fence(sessionId: string): number | undefined {
    return this.valid(sessionId)?.fence;
  }

  forget(sessionId: string): void {
    this.known.delete(sessionId);
  }

  onAcquired(listener: (sessionId: string) => Promise<void>): void {
    this.acquired.push(listener);
  }

  onLost(listener: (sessionId: string) => void): void {
    this.lost.push(listener);
  }

  watchRunning(running: RunningSessions): void {
    this.running = running;
  }

  ownerOf(sessionId: string): Promise<string> {
    const resuming = this.resuming.get(sessionId);
    if (resuming) return resuming;
    const held = this.valid(sessionId);
    if (held) {
      held.usedAt = performance.now();
      return Promise.resolve(this.nodeId);
    }
    const known = this.known.get(sessionId);
    if (known && known.until > performance.now()) return Promise.resolve(known.owner);
    let pending = this.acquiring.get(sessionId);
    if (!pending) {
      pending = this.tryAcquire(sessionId).finally(() => this.acquiring.delete(sessionId));
      this.acquiring.set(sessionId, pending);
    }
    return pending;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.renewTimer);
    clearInterval(this.sweepTimer);
    const entries = [...this.held];
    this.held.clear();
    if (entries.length === 0 || !this.redis.isOpen) return;
    await this.redis.eval(RELEASE, { keys: entries.map(([id]) => this.lease(id)), arguments: entries.map(([, h]) => h.value) }).catch((error: unknown) => {
      this.log.warn({ err: error }, 'could not give the session leases back; they expire by themselves');
    });
  }

  /**
   * This node learned it is no longer the session's owner (a larger fence than `staleFence` is
   * stored, CLU6): it stops renewing and drops the session's state, like a lease lost on renewal.
   */
  lose(sessionId: string, staleFence: number): void {
    // Only the lease the refused transaction ran under: a newer one taken since stays (CLU27).
    const held = this.held.get(sessionId);
    if (held && held.fence <= staleFence) this.drop(sessionId);
  }

  /**
   * The lease while this node's own clock says it cannot have expired in Redis (CLU2): a node cut
   * off from Redis stops acting as the owner before another node can take the session, whether
   * or not its renewals fail (with Redis gone they wait in the client's queue, unanswered).
   */
  private valid(sessionId: string): Held | undefined {
    const held = this.held.get(sessionId);
    return held && held.until - this.leaseMs * EXPIRY_MARGIN > performance.now() ? held : undefined;
  }

  private lease(sessionId: string): string {
    return `${this.prefix}lease:${sessionId}`;
  }

  private async tryAcquire(sessionId: string): Promise<string> {
    // Given back (a planned stop): a command still arriving must not take a lease nobody would renew or release (CLU36).
    if (this.closed) throw new AppError('unavailable', SESSION_MOVED_MESSAGE);
    const lease = this.lease(sessionId);
    const fenceKey = `${this.prefix}fence:${sessionId}`;
    const sentAt = performance.now();
    let value = (await this.redis.eval(ACQUIRE, {
      keys: [lease, fenceKey, this.sessionsKey],
      arguments: [this.nodeId, String(this.leaseMs), sessionId],
    })) as string;
    const [owner = ''] = value.split('|');
    if (owner !== this.nodeId || this.owns(sessionId)) {
      this.known.set(sessionId, { owner, until: performance.now() + OWNER_CACHE_MS });
      return owner;
    }
    if (this.recordFence) {
      try {
        const previous = await this.recordFence(sessionId, fenceOf(value));
        if (previous >= fenceOf(value)) {
          // Redis lost its counters (restarted without persistence): go on past the fence stored.
          const raised = (await this.redis.eval(RAISE, { keys: [lease, fenceKey], arguments: [value, String(previous), this.nodeId, String(this.leaseMs)] })) as string | null;
          if (raised === null) throw new Error('the lease expired while its fence was raised');
          value = raised;
          if ((await this.recordFence(sessionId, fenceOf(value))) >= fenceOf(value)) throw new Error('a larger fence was stored meanwhile');
        }
      } catch (error) {
        this.log.error({ err: error, sessionId }, 'could not store the fence of a session taken; the lease is given back');
        await this.redis.eval(RELEASE, { keys: [lease], arguments: [value] }).catch(() => undefined);
        throw new AppError('unavailable', SESSION_MOVED_MESSAGE);
      }
    }
    const fence = fenceOf(value);
    const held: Held = { value, fence, until: sentAt + this.leaseMs, usedAt: performance.now() };
    this.held.set(sessionId, held);
    this.known.delete(sessionId);
    this.log.info({ sessionId, fence, node: this.nodeId }, 'session lease taken');
    const resumed = this.resume(sessionId, held);
    this.resuming.set(sessionId, resumed);
    return resumed.finally(() => {
      if (this.resuming.get(sessionId) === resumed) this.resuming.delete(sessionId);
    });
  }

  /**
   * Runs the onAcquired listeners. One that fails (a PostgreSQL blip) would leave the session's
   * timers unarmed under a lease renewed for ever: the lease is given back instead, so the next
   * command or sweep takes the session again and resumes it then (CLU26).
   */
  private async resume(sessionId: string, held: Held): Promise<string> {
    try {
      for (const listener of this.acquired) await listener(sessionId);
      return this.nodeId;
    } catch (error) {
      this.log.error({ err: error, sessionId }, 'could not resume a session taken over; the lease is given back');
      if (this.held.get(sessionId) === held) {
        this.drop(sessionId);
        await this.redis.eval(RELEASE, { keys: [this.lease(sessionId)], arguments: [held.value] }).catch(() => undefined);
      }
      throw new AppError('unavailable', SESSION_MOVED_MESSAGE);
    }
  }

  private async renew(): Promise<void> {
    if (this.closed) return;
    this.dropExpired();
    const entries = [...this.held];
    if (entries.length === 0) return;
    const sentAt = performance.now();
    try {
      const [lostAt, missingAt] = (await this.redis.eval(RENEW, {
        keys: entries.map(([id]) => this.lease(id)),
        arguments: [String(this.leaseMs), ...entries.map(([, h]) => h.value)],
      })) as [number[], number[]];
      const lost = new Set(lostAt);
      const missing = new Set(missingAt);
      for (const [index, [sessionId, renewed]] of entries.entries()) {
        // Only the lease this renewal was sent for: one taken again meanwhile stays (CLU27).
        if (this.held.get(sessionId) !== renewed) continue;
        if (lost.has(index)) this.drop(sessionId);
        else if (missing.has(index)) this.takeAgain(sessionId);
        else renewed.until = sentAt + this.leaseMs;
      }
    } catch (error) {
      this.log.warn({ err: error }, 'could not renew the session leases');
    }
  }

  /** Leases not renewed in time (Redis unreachable, or this process stalled) are let go. */
  private dropExpired(): void {
    for (const [sessionId, held] of [...this.held]) {
      if (this.valid(sessionId)) continue;
      this.drop(sessionId);
      void this.redis.eval(RELEASE, { keys: [this.lease(sessionId)], arguments: [held.value] }).catch(() => undefined);
    }
  }

  /**
   * The lease's key is gone while this node held it (Redis restarted empty, or was flushed): no
   * other node holds it, so it is taken again now, with a fence past the stored one (CLU18), and
   * the session's clocks resume from storage, without waiting for a command (CLU21).
   */
  private takeAgain(sessionId: string): void {
    this.drop(sessionId);
    this.ownerOf(sessionId).catch((error: unknown) => this.log.warn({ err: error, sessionId }, 'could not take again a session whose lease vanished'));
  }

  private drop(sessionId: string, why: 'lost' | 'idle' = 'lost'): void {
    if (!this.held.delete(sessionId)) return;
    if (why === 'idle') this.log.info({ sessionId, node: this.nodeId }, 'idle session lease given back');
    else this.log.warn({ sessionId, node: this.nodeId }, 'session lease lost');
    for (const listener of this.lost) listener(sessionId);
  }

  /**
   * Adopts the sessions whose owner stopped renewing, so their timers fire without waiting for a
   * command (CLU22–CLU24). Every few sweeps the sessions with a running clock are read from
   * storage and each gets an owner (this covers a Redis that came back empty, whose set of
   * sessions is gone too); in between, the set of sessions says which lost their owner. Only
   * sessions with a running clock are adopted, a few at a time; the others leave the set and get
   * an owner on their next use. Idle sessions held here are let go. One sweep at a time.
   */
  private async sweep(): Promise<void> {
    if (this.closed || this.sweeping) return;
    this.sweeping = true;
    try {
      const claim = this.running !== undefined && (this.runningIds === undefined || this.sweeps % CLAIM_EVERY === 0);
      this.sweeps++;
      if (claim) this.runningIds = await this.running!();
      const running = this.runningIds;
      const adopt = new Set<string>();
      if (claim && running) for (const id of running) if (!this.held.has(id)) adopt.add(id);
      const sessions = await this.redis.sMembers(this.sessionsKey);
      const gone: string[] = [];
      for (let i = 0; i < sessions.length; i += 500) {
        const chunk = sessions.slice(i, i + 500);
        const owners = await this.redis.mGet(chunk.map((id) => this.lease(id)));
        for (const [index, owner] of owners.entries()) {
          const id = chunk[index]!;
          if (owner !== null) continue;
          if (!running || running.has(id)) adopt.add(id);
          else gone.push(id);
        }
      }
      if (gone.length > 0) await this.redis.sRem(this.sessionsKey, gone);
      if (running) await this.letIdleGo(running);
      const queue = [...adopt];
      const worker = async () => {
        for (let id = queue.shift(); id !== undefined && !this.closed; id = queue.shift()) {
          await this.ownerOf(id).catch((error: unknown) => this.log.warn({ err: error, sessionId: id }, 'could not adopt a session'));
        }
      };
      await Promise.all(Array.from({ length: Math.min(ADOPT_AT_ONCE, queue.length) }, worker));
    } catch (error) {
      this.log.warn({ err: error }, 'could not look for sessions without an owner');
    } finally {
      this.sweeping = false;
    }
  }

  /** Sessions unused here for idleMs, with no running clock, give their lease back (CLU23). */
  private async letIdleGo(running: Set<string>): Promise<void> {
    const now = performance.now();
    for (const [sessionId, held] of [...this.held]) {
      if (running.has(sessionId) || now - held.usedAt < this.idleMs || this.resuming.has(sessionId)) continue;
      this.drop(sessionId, 'idle');
      await this.redis.eval(LET_GO, { keys: [this.lease(sessionId), this.sessionsKey], arguments: [held.value, sessionId] });
    }
  }
}
