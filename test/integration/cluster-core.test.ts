import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createClient } from 'redis';
import { afterEach, describe, expect, it } from 'vitest';
import { ownerRun, runFenced } from '../../server/src/cluster/fencing.js';
import { trimStream, type Redis } from '../../server/src/cluster/index.js';
import { RedisLeases } from '../../server/src/cluster/redis-lease.js';
import { createLogger } from '../../server/src/log.js';
import { AppError } from '../../server/src/errors.js';
import { createSession, http, join } from '../helpers/api.js';
import { checkPostgres, requireAll } from '../helpers/environment.js';
import { createTestDatabase, startTestServer, type TestDatabase, type TestServer } from '../helpers/server.js';
import { closeAllSockets, command, connect, nextEvent } from '../helpers/socket.js';
import { member, openTownHall, record } from '../helpers/townhall.js';
import { tcpRelay, type TcpRelay } from '../helpers/tcp-relay.js';
import { within } from '../helpers/wait.js';

// Two nodes of one cluster in this process, on one PostgreSQL schema and one Redis (keys under a
// prefix of this file's own): leases, clocks that follow them, fencing, shared limits
// (docs/cluster.md CLU1–CLU29).

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const PREFIX = `t${randomBytes(4).toString('hex')}:`;

async function checkRedis(): Promise<string | null> {
  const client = createClient({ url: REDIS_URL, socket: { connectTimeout: 2000, reconnectStrategy: false } });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
    return null;
  } catch (error) {
    return `Redis is not reachable at ${REDIS_URL} (${(error as Error).message}); set TEST_REDIS_URL`;
  } finally {
    if (client.isOpen) await client.close();
  }
}

const missing = (await checkPostgres()) ?? (await checkRedis());
const skip = missing !== null && !requireAll;
if (skip) console.warn(`cluster core skipped: ${missing}`);

let database: TestDatabase | undefined;
const nodes: TestServer[] = [];
const relays: TcpRelay[] = [];

afterEach(async () => {
  closeAllSockets();
  // A node waiting on a stalled or cut Redis could not give its leases back.
  for (const relay of relays) await relay.restore();
  for (const node of nodes.splice(0)) await node.close();
  for (const relay of relays.splice(0)) await relay.close();
  await database?.drop();
  database = undefined;
  const redis = createClient({ url: REDIS_URL });
  await redis.connect();
  const keys = await redis.keys(`${PREFIX}*`);
  if (keys.length > 0) await redis.del(keys);
  await redis.close();
});

/** Two nodes, `a` and `b`, sharing one database and Redis. */
async function twoNodes(env: Record<string, string> = {}): Promise<[TestServer, TestServer]> {
  database = await createTestDatabase('postgres');
  const start = async (nodeId: string) => {
    const node = await startTestServer({
      database,
      env: { REDIS_URL, REDIS_PREFIX: PREFIX, CLUSTER_SECRET: 'cluster-core-test-secret', NODE_ID: nodeId, LEASE_MS: '1000', ...env },
    });
    nodes.push(node);
    return node;
  };
  const a = await start('a');
  return [a, await start('b')];
}

/** One node, `a`, whose Redis connection goes through a relay the test can stall or cut. */
async function nodeBehindRelay(env: Record<string, string> = {}): Promise<{ a: TestServer; relay: TcpRelay }> {
  const target = new URL(REDIS_URL);
  const relay = await tcpRelay(target.hostname, Number(target.port || 6379));
  relays.push(relay);
  const relayed = new URL(REDIS_URL);
  relayed.hostname = '127.0.0.1';
  relayed.port = String(relay.port);
  database = await createTestDatabase('postgres');
  const a = await startTestServer({
    database,
    env: { REDIS_URL: relayed.toString(), REDIS_PREFIX: PREFIX, CLUSTER_SECRET: 'cluster-core-test-secret', NODE_ID: 'a', LEASE_MS: '1000', ...env },
  });
  nodes.push(a);
  return { a, relay };
}

/** As when another node took the session meanwhile: the stored fence moves past every lease this node holds. */
async function fenceMovesOn(sessionId: string): Promise<void> {
  const client = new pg.Client({ connectionString: database!.url });
  await client.connect();
  try {
    const { rowCount } = await client.query(`UPDATE "${database!.schema}".session_fences SET fence = fence + 100 WHERE session_id = $1`, [sessionId]);
    expect(rowCount).toBe(1);
  } finally {
    await client.end();
  }
}

async function until(condition: () => boolean, what: string, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.skipIf(skip)('cluster core', () => {
  it('CLU1 CLU3 CLU14 a session has one owner; each node is in the directory and says so in its health', async () => {
    const [a, b] = await twoNodes();
    const created = await createSession(a.url, { title: 'Owned' });
    const id = created.session.id;
    expect(await a.cluster.ownership.ownerOf(id)).toBe('a');
    expect(await b.cluster.ownership.ownerOf(id)).toBe('a');
    expect(a.cluster.ownership.owns(id)).toBe(true);
    expect(b.cluster.ownership.owns(id)).toBe(false);
    expect(await b.cluster.directory.urlOf('a')).toBe(a.config.cluster!.nodeUrl);
    expect(await a.cluster.directory.urlOf('b')).toBe(b.config.cluster!.nodeUrl);
    expect(await a.cluster.directory.urlOf('nobody')).toBeUndefined();
    const health = await http(b.url, 'GET', '/api/health');
    expect(health.body).toMatchObject({ status: 'ok', node: 'b', redis: 'ok' });
  });

  it('CLU12 CLU13 after the owner stops, the other node takes the session; a café round and a floor timer fire once, at their deadlines', { timeout: 30_000 }, async () => {
    const [a, b] = await twoNodes();

    // A café whose first round (9 s) runs out after the owner has gone.
    const cafe = await createSession(a.url, { title: 'Café moving' });
    expect(await a.cluster.ownership.ownerOf(cafe.session.id)).toBe('a');
    const f = { token: cafe.facilitatorToken };
    const base = `/api/sessions/${cafe.session.id}/cafe`;
    const guest = await join(a.url, cafe.session.joinCode, { displayName: 'Guest', mode: 'remote' });
    await http(a.url, 'PUT', `${base}/tables`, { ...f, body: { tables: [{ label: 'Online', kind: 'remote', capacity: 4 }] } });
    await http(a.url, 'PUT', `${base}/rounds`, {
      ...f,
      body: {
        rounds: [
          { question: 'Quick?', durationMinutes: 0.15 },
          { question: 'Next?', durationMinutes: 10 },
        ],
      },
    });
    expect((await http(a.url, 'POST', `${base}/plan`, { ...f, body: {} })).status).toBe(201);
    const started = await http(a.url, 'POST', `${base}/run/start`, { ...f, body: {} });
    const roundDeadline: number = started.body.run.timer.deadline;

    // A Town Hall whose speaker's 8 s run out after the owner has gone.
    const th = await openTownHall(a.url);
    expect(await a.cluster.ownership.ownerOf(th.created.session.id)).toBe('a');
    await command(th.facilitator.socket, 'townhall:configure', { interventionSeconds: 8 });
    // Watchers on b, the node that stays: b reads both sessions now, before the floor is given.
    const { socket: guestOnB } = await connect(b.url, guest.token);
    const ended = record<{ phase: string }>(guestOnB, 'cafe:live');
    const watcher = await join(b.url, th.created.session.joinCode, { displayName: 'Watcher' });
    const { socket: watcherOnB } = await connect(b.url, watcher.token);
    const timeUps = record<{ timer: string; at: number }>(watcherOnB, 'townhall:time-up');
    const speaker = await member(th, { displayName: 'Speaker', mode: 'remote' });
    await command(speaker.socket, 'hand:raise', {});
    // CLU15: what a changes reaches the sockets on b.
    const floorOnB = within(
      nextEvent(watcherOnB, 'floor:changed', (floor) => floor !== null),
      'the floor, on b',
    );
    const given = await command(th.facilitator.socket, 'hand:give-floor', {});
    if (!given.ok) throw new Error('give-floor failed');
    const floorDeadline = given.queue.floor!.timer.deadline;
    await floorOnB;
    const fenceOnA = a.cluster.ownership.fence(cafe.session.id)!;

    await a.close();
    nodes.splice(nodes.indexOf(a), 1);
    await until(() => b.cluster.ownership.owns(cafe.session.id) && b.cluster.ownership.owns(th.created.session.id), 'b to take both sessions');
    expect(b.cluster.ownership.fence(cafe.session.id)).toBeGreaterThan(fenceOnA);
    expect(Date.now()).toBeLessThan(Math.min(roundDeadline, floorDeadline!)); // taken over before either timer was due

    const [timeUp] = await within(nextEvent(watcherOnB, 'townhall:time-up'), 'the floor timer on b', 10_000);
    expect(timeUp).toEqual({ timer: 'floor', at: floorDeadline });
    await within(
      nextEvent(guestOnB, 'cafe:live', (live) => live.phase === 'between-rounds'),
      'the round to end on b',
      10_000,
    );
    expect(Date.now()).toBeGreaterThanOrEqual(roundDeadline);
    const run = (await http(b.url, 'GET', `${base}`, f)).body.cafe.run;
    expect(run).toMatchObject({ round: 1, timer: { status: 'ended' } });
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // a second firing would come now
    expect(timeUps).toHaveLength(1);
    expect(ended.filter((live) => live.phase === 'between-rounds')).toHaveLength(1);
  });

  it('CLU2 a node cut off from Redis stops acting as the owner before its lease can expire, and another node takes over', async () => {
    const [a, b] = await twoNodes();
    const created = await createSession(a.url, { title: 'Cut off' });
    const id = created.session.id;
    expect(await a.cluster.ownership.ownerOf(id)).toBe('a');
    await a.cluster.redis!.disconnect(); // renewals fail from now on
    // a's own clock says when its lease could expire in Redis (LEASE_MS after its last renewal): it lets go before.
    await until(() => !a.cluster.ownership.owns(id), 'a to let the session go', 3_000);
    await expect(ownerRun(a.cluster.ownership, id, () => Promise.resolve('ran'))).rejects.toMatchObject({ code: 'unavailable' });
    let owner = await b.cluster.ownership.ownerOf(id);
    while (owner !== 'b') {
      await new Promise((resolve) => setTimeout(resolve, 100));
      b.cluster.ownership.forget(id);
      owner = await b.cluster.ownership.ownerOf(id);
    }
    expect(b.cluster.ownership.owns(id)).toBe(true);
  });

  it('CLU5 CLU6 the fence refuses a write from a node whose lease passed to another, and that node lets the session go', async () => {
    const [a, b] = await twoNodes();
    const created = await createSession(a.url, { title: 'Fenced' });
    const id = created.session.id;
    expect(await a.cluster.ownership.ownerOf(id)).toBe('a');
    const fenceOfA = a.cluster.ownership.fence(id)!;
    // An operation on a, started while it owned the session (it carries a's fence all along).
    const writeOnA = (round: number) => runFenced(id, fenceOfA, () => a.store.transaction((repos) => repos.cafe.saveRun(id, { round, timer: null }, Date.now())));
    await writeOnA(1);

    // a stalls: its lease lapses, and b takes the session with a larger fence.
    // Again if a's renewal found the key missing and took it back in between (CLU21).
    await expect
      .poll(async () => {
        await a.cluster.redis!.del(`${PREFIX}lease:${id}`);
        b.cluster.ownership.forget(id);
        return b.cluster.ownership.ownerOf(id);
      })
      .toBe('b');
    expect(b.cluster.ownership.fence(id)).toBeGreaterThan(fenceOfA);

    const refused = await writeOnA(7).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe('unavailable');
    expect(a.cluster.ownership.owns(id)).toBe(false);
    expect((await b.store.cafe.run(id)).round).toBe(1);
    await ownerRun(b.cluster.ownership, id, () => b.store.transaction((repos) => repos.cafe.saveRun(id, { round: 2, timer: null }, Date.now())));
    expect((await a.store.cafe.run(id)).round).toBe(2);
  });

  it('CLU5 CLU18 after Redis lost its counters, a new owner still gets a fence past the one stored, and can write', async () => {
    const [a, b] = await twoNodes();
    const created = await createSession(a.url, { title: 'Redis forgot' });
    const id = created.session.id;
    expect(await a.cluster.ownership.ownerOf(id)).toBe('a');
    const before = a.cluster.ownership.fence(id)!;
    // As after a Redis restart without persistence: the lease and the fence counter are gone.
    await expect
      .poll(async () => {
        await a.cluster.redis!.del([`${PREFIX}lease:${id}`, `${PREFIX}fence:${id}`]);
        b.cluster.ownership.forget(id);
        return b.cluster.ownership.ownerOf(id);
      })
      .toBe('b');
    expect(b.cluster.ownership.fence(id)).toBeGreaterThan(before);
    await ownerRun(b.cluster.ownership, id, () => b.store.transaction((repos) => repos.cafe.saveRun(id, { round: 3, timer: null }, Date.now())));
    expect((await a.store.cafe.run(id)).round).toBe(3);
  });

  it('CLU21 CLU22 after Redis came back empty, a café round nobody touches still ends at its deadline', { timeout: 30_000 }, async () => {
    const [a, b] = await twoNodes();
    const cafe = await createSession(a.url, { title: 'Redis flushed' });
    const id = cafe.session.id;
    expect(await a.cluster.ownership.ownerOf(id)).toBe('a');
    const f = { token: cafe.facilitatorToken };
    const base = `/api/sessions/${id}/cafe`;
    await join(a.url, cafe.session.joinCode, { displayName: 'Guest', mode: 'remote' });
    await http(a.url, 'PUT', `${base}/tables`, { ...f, body: { tables: [{ label: 'Online', kind: 'remote', capacity: 4 }] } });
    await http(a.url, 'PUT', `${base}/rounds`, {
      ...f,
      body: {
        rounds: [
          { question: 'Six seconds?', durationMinutes: 0.1 },
          { question: 'Next?', durationMinutes: 10 },
        ],
      },
    });
    expect((await http(a.url, 'POST', `${base}/plan`, { ...f, body: {} })).status).toBe(201);
    const started = await http(a.url, 'POST', `${base}/run/start`, { ...f, body: {} });
    const deadline: number = started.body.run.timer.deadline;

    // As after a Redis restart without persistence: every key of the cluster is gone.
    const keys = await a.cluster.redis!.keys(`${PREFIX}*`);
    await a.cluster.redis!.del(keys);
    const fenceBefore = a.cluster.ownership.fence(id)!;

    // No command from now on: the round must still end, on whichever node took the session again.
    let timer = (await b.store.cafe.run(id)).timer;
    while (timer?.status === 'running' && Date.now() < deadline + 3_000) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      timer = (await b.store.cafe.run(id)).timer;
    }
    expect(timer?.status).toBe('ended');
    const owner = a.cluster.ownership.owns(id) ? a : b;
    expect(owner.cluster.ownership.fence(id)).toBeGreaterThan(fenceBefore);
  });

  it('CLU22 CLU23 the sweeper adopts only sessions with a running clock; the others leave its set', async () => {
    const [a, b] = await twoNodes();
    const created = await createSession(a.url, { title: 'Nothing running' });
    const id = created.session.id;
    expect(await a.cluster.ownership.ownerOf(id)).toBe('a');
    expect(await b.cluster.redis!.sIsMember(`${PREFIX}sessions`, id)).toBeTruthy();
    await a.close(); // gives its leases back
    nodes.splice(nodes.indexOf(a), 1);
    const redis = b.cluster.redis!;
    const deadline = Date.now() + 5_000;
    while ((await redis.sIsMember(`${PREFIX}sessions`, id)) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await redis.sIsMember(`${PREFIX}sessions`, id)).toBeFalsy();
    expect(b.cluster.ownership.owns(id)).toBe(false);
    // Its next use takes it.
    expect(await b.cluster.ownership.ownerOf(id)).toBe('b');
  });

  it('CLU23 a session unused for idleMs, with no running clock, gives its lease back; one with a running clock keeps it', async () => {
    const redis = createClient({ url: REDIS_URL });
    await redis.connect();
    // The test's `redis` package is the root one; the server's client type is the same client.
    const leases = new RedisLeases(redis as unknown as Redis, 'idle-node', 600, createLogger('silent'), { prefix: PREFIX, idleMs: 500 });
    try {
      leases.watchRunning(() => Promise.resolve(new Set(['running-session'])));
      const dropped: string[] = [];
      leases.onLost((sessionId) => dropped.push(sessionId));
      expect(await leases.ownerOf('idle-session')).toBe('idle-node');
      expect(await leases.ownerOf('running-session')).toBe('idle-node');
      await until(() => !leases.owns('idle-session'), 'the idle session to be let go', 3_000);
      expect(dropped).toEqual(['idle-session']);
      expect(await redis.get(`${PREFIX}lease:idle-session`)).toBeNull();
      expect(await redis.sIsMember(`${PREFIX}sessions`, 'idle-session')).toBeFalsy();
      expect(leases.owns('running-session')).toBe(true);
    } finally {
      await leases.close();
      await redis.close();
    }
  });

  it('CLU25 CLU26 commands wait for a session taken to resume; a resume that fails gives the lease back', async () => {
    const [a] = await twoNodes();
    const slow = await createSession(a.url, { title: 'Slow resume' });
    const failing = await createSession(a.url, { title: 'Failing resume' });
    let resumed = false;
    let failOnce = true;
    a.cluster.ownership.onAcquired(async (sessionId) => {
      if (sessionId === slow.session.id) {
        await new Promise((resolve) => setTimeout(resolve, 300));
        resumed = true;
      }
      if (sessionId === failing.session.id && failOnce) {
        failOnce = false;
        throw new Error('PostgreSQL blip');
      }
    });
    // Both sessions were taken when they were created: a lets them go, so that it takes them again.
    const leases = a.cluster.ownership as RedisLeases;
    for (const id of [slow.session.id, failing.session.id]) {
      leases.lose(id, leases.fence(id)!);
      await a.cluster.redis!.del(`${PREFIX}lease:${id}`);
    }
    expect(leases.owns(slow.session.id) || leases.owns(failing.session.id)).toBe(false);

    const first = a.cluster.ownership.ownerOf(slow.session.id);
    await until(() => a.cluster.ownership.owns(slow.session.id), 'a to hold the lease');
    expect(resumed).toBe(false);
    expect(await a.cluster.ownership.ownerOf(slow.session.id)).toBe('a'); // a command arriving now
    expect(resumed).toBe(true);
    expect(await first).toBe('a');

    await expect(a.cluster.ownership.ownerOf(failing.session.id)).rejects.toMatchObject({ code: 'unavailable' });
    expect(a.cluster.ownership.owns(failing.session.id)).toBe(false);
    expect(await a.cluster.redis!.get(`${PREFIX}lease:${failing.session.id}`)).toBeNull();
    expect(await a.cluster.ownership.ownerOf(failing.session.id)).toBe('a');
  });

  it('CLU27 a refused transaction of an older lease does not drop the newer lease of the same node', async () => {
    const [a] = await twoNodes();
    const created = await createSession(a.url, { title: 'Older fence' });
    const id = created.session.id;
    expect(await a.cluster.ownership.ownerOf(id)).toBe('a');
    const fence = a.cluster.ownership.fence(id)!;
    // Left over from a's previous lease on the session (fence - 1), refused: a keeps its lease.
    const refused = await runFenced(id, fence - 1, () => a.store.transaction((repos) => repos.cafe.saveRun(id, { round: 5, timer: null }, Date.now()))).then(
      () => null,
      (error: unknown) => error,
    );
    expect((refused as AppError).code).toBe('unavailable');
    expect(a.cluster.ownership.owns(id)).toBe(true);
    expect(a.cluster.ownership.fence(id)).toBe(fence);
  });

  it('CLU10 one command budget per person across the nodes: commands from sockets on both nodes spend one budget', async () => {
    const LIMIT = 10;
    const [a, b] = await twoNodes({ RATE_COMMANDS_PER_10S: String(LIMIT) });
    const th = await openTownHall(a.url);
    // The budget is spent where the socket is (before forwarding), so each node alone sees half of it.
    const onA = th.facilitator.socket;
    const { socket: onB } = await connect(b.url, th.created.facilitatorToken);
    // Twice the budget, alternating: with a budget per node each node would let its own LIMIT through.
    const acks: { ok: boolean; error?: { code: string } }[] = [];
    for (let i = 0; i < 2 * LIMIT; i++) acks.push(await command(i % 2 ? onA : onB, 'townhall:configure', { interventionSeconds: 60 + i }));
    const passed = acks.filter((ack) => ack.ok).length;
    expect(passed).toBeLessThanOrEqual(LIMIT); // connecting spent a little of it too
    expect(passed).toBeGreaterThan(LIMIT / 2);
    expect(acks.filter((ack) => !ack.ok).every((ack) => ack.error?.code === 'rate_limited')).toBe(true);
    // Spent, on either node.
    expect(acks.slice(-2)).toEqual([expect.objectContaining({ ok: false }), expect.objectContaining({ ok: false })]);
    // Someone else's budget is their own.
    const other = await member(th, { displayName: 'Calm' });
    const { socket: otherOnB } = await connect(b.url, other.joined.token);
    expect(await command(otherOnB, 'hand:raise', {})).toMatchObject({ ok: true });
  });

  it('CLU100 /api/health answers from a background PING: a check sends Redis nothing, and says down while Redis does not answer', { timeout: 20_000 }, async () => {
    const { a, relay } = await nodeBehindRelay();
    const pings = () => relay.sent().split('$4\r\nPING\r\n').length - 1;
    const before = pings();
    for (let i = 0; i < 20; i++) expect((await http(a.url, 'GET', '/api/health')).body).toMatchObject({ status: 'ok', node: 'a', redis: 'ok' });
    // A PING a second in the background, not one per check (HAProxy checks each node every second).
    expect(pings() - before).toBeLessThan(10);

    relay.stall(); // connected, but Redis answers nothing
    let health = await http(a.url, 'GET', '/api/health');
    const deadline = Date.now() + 10_000;
    while (health.body.redis !== 'down') {
      expect(health.status).toBe(200); // every check is answered meanwhile
      if (Date.now() > deadline) throw new Error('health never said Redis was down');
      await new Promise((resolve) => setTimeout(resolve, 100));
      health = await http(a.url, 'GET', '/api/health');
    }
    expect(health.body).toMatchObject({ status: 'ok', node: 'a', redis: 'down' });

    await relay.restore();
    health = await http(a.url, 'GET', '/api/health');
    while (health.body.redis !== 'ok') {
      if (Date.now() > deadline + 5_000) throw new Error('health never said Redis was back');
      await new Promise((resolve) => setTimeout(resolve, 100));
      health = await http(a.url, 'GET', '/api/health');
    }
  });

  it('CLU11 CLU102 while Redis is gone, commands are answered at once from the memory limits, which still refuse past the budget', { timeout: 20_000 }, async () => {
    const LIMIT = 3;
    // A long lease: the node keeps owning the session while Redis is away.
    const { a, relay } = await nodeBehindRelay({ RATE_COMMANDS_PER_10S: String(LIMIT), LEASE_MS: '30000' });
    const th = await openTownHall(a.url);
    await relay.cut();
    await until(() => !a.cluster.redis!.isReady, 'the Redis client to notice');
    const acks: unknown[] = [];
    for (let i = 0; i <= LIMIT; i++) acks.push(await within(command(th.facilitator.socket, 'townhall:configure', { interventionSeconds: 60 + i }), `ack ${i + 1}`));
    expect(acks.slice(0, LIMIT)).toEqual(Array<unknown>(LIMIT).fill(expect.objectContaining({ ok: true })));
    expect(acks[LIMIT]).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
  });

  it('CLU103 a notepad ticket in Redis does not hold the bearer token', async () => {
    const [a, b] = await twoNodes();
    const created = await createSession(a.url, { title: 'Tickets' });
    const person = await join(a.url, created.session.joinCode, { displayName: 'Writer' });
    const issued = await http<{ ticket: string }>(a.url, 'POST', '/api/notepad-tickets', { token: person.token, body: {} });
    expect(issued.status).toBe(201);
    const redis = createClient({ url: REDIS_URL });
    await redis.connect();
    try {
      const values: string[] = [];
      for (const key of await redis.keys(`${PREFIX}notepad-ticket*`)) {
        const type = await redis.type(key);
        if (type === 'string') values.push((await redis.get(key))!);
        else if (type === 'list') values.push(...(await redis.lRange(key, 0, -1)));
        else throw new Error(`unexpected ${type} at ${key}`);
      }
      expect(values.length).toBeGreaterThanOrEqual(2); // the ticket and the token's list
      for (const value of values) {
        expect(value).not.toContain(person.token);
        expect(value).not.toContain(issued.body.ticket);
      }
    } finally {
      await redis.close();
    }
    // The other node redeems it, once.
    expect(await b.notepads.tickets.redeem(issued.body.ticket)).toBe(person.token);
    expect(await b.notepads.tickets.redeem(issued.body.ticket)).toBeUndefined();
  });

  it('CLU6 CLU104 writes outside a command transaction are fenced too: a café timer change and a Town Hall setting from a stale owner change nothing', async () => {
    const { a } = await nodeBehindRelay({ LEASE_MS: '30000' });
    // A café round running on a.
    const cafe = await createSession(a.url, { title: 'Stale café' });
    const id = cafe.session.id;
    const f = { token: cafe.facilitatorToken };
    const base = `/api/sessions/${id}/cafe`;
    await join(a.url, cafe.session.joinCode, { displayName: 'Guest', mode: 'remote' });
    await http(a.url, 'PUT', `${base}/tables`, { ...f, body: { tables: [{ label: 'Online', kind: 'remote', capacity: 4 }] } });
    await http(a.url, 'PUT', `${base}/rounds`, { ...f, body: { rounds: [{ question: 'Long?', durationMinutes: 10 }] } });
    expect((await http(a.url, 'POST', `${base}/plan`, { ...f, body: {} })).status).toBe(201);
    expect((await http(a.url, 'POST', `${base}/run/start`, { ...f, body: {} })).status).toBe(200);
    const runBefore = await a.store.cafe.run(id);

    // A Town Hall on a.
    const th = await openTownHall(a.url);
    expect(await command(th.facilitator.socket, 'townhall:configure', { interventionSeconds: 45 })).toMatchObject({ ok: true });
    const stateBefore = await a.store.townhall.state(th.created.session.id);

    // a stalled; another node took both sessions with larger fences; a's late writes arrive now.
    await fenceMovesOn(id);
    await fenceMovesOn(th.created.session.id);
    const extended = await http(a.url, 'POST', `${base}/run/extend`, { ...f, body: { minutes: 5 } });
    expect(extended.status).toBe(503);
    expect(extended.body.error.code).toBe('unavailable');
    expect(await a.store.cafe.run(id)).toEqual(runBefore);
    expect(await command(th.facilitator.socket, 'townhall:configure', { interventionSeconds: 90 })).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(await a.store.townhall.state(th.created.session.id)).toEqual(stateBefore);
  });

  it('CLU105 broadcasts older than the retention leave the stream; recent ones stay', async () => {
    const redis = createClient({ url: REDIS_URL });
    await redis.connect();
    try {
      const stream = `${PREFIX}trim-test`;
      const now = Date.now();
      await redis.xAdd(stream, `${now - 20 * 60_000}-0`, { payload: 'old' });
      await redis.xAdd(stream, `${now - 11 * 60_000}-0`, { payload: 'old too' });
      await redis.xAdd(stream, '*', { payload: 'recent' });
      expect(await trimStream(redis, stream, 10 * 60_000)).toBe(2);
      const left = await redis.xRange(stream, '-', '+');
      expect((left ?? []).map((entry) => entry.message.payload)).toEqual(['recent']);
    } finally {
      await redis.close();
    }
  });
});
