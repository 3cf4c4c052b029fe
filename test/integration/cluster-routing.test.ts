import { randomBytes } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Ack, QuestionItem } from '../../shared/src/protocol/index.js';
import { createSession, http, join, type Created } from '../helpers/api.js';
import { freePort, kill, spawnServer, untilHealthy } from '../helpers/child-server.js';
import { createTestDatabase, startTestServer, type TestDatabase, type TestServer } from '../helpers/server.js';
import { closeAllSockets, command, connect, nextEvent, type ClientSocket } from '../helpers/socket.js';
import { storageTargets } from '../helpers/storage-kinds.js';
import { member, openTownHall, townhallAs, type TownHall } from '../helpers/townhall.js';
import { within } from '../helpers/wait.js';

// Forwarding to the owner (docs/cluster.md, CLU30–CLU44): two nodes on one PostgreSQL schema and
// one Redis; people of one session on both; whatever node a command, a first state, a join or an
// HTTP request arrives at, it runs on the session's owner, exactly once.

const postgres = (await storageTargets()).find((t) => t.kind === 'postgres')!;
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const SECRET = randomBytes(24).toString('hex');
const RUN = randomBytes(4).toString('hex');
const PREFIX = `test:routing:${RUN}:`; // this file's keys and streams in the shared Redis
const LEASE_MS = 2_000; // short, so a killed owner's sessions move within the test

function clusterEnv(nodeId: string, port: number): Record<string, string> {
  return {
    REDIS_URL,
    REDIS_PREFIX: PREFIX,
    CLUSTER_SECRET: SECRET,
    NODE_ID: nodeId,
    NODE_URL: `http://127.0.0.1:${port}`,
    LEASE_MS: String(LEASE_MS),
  };
}

async function startNode(database: TestDatabase, name: string): Promise<TestServer> {
  const port = await freePort();
  return startTestServer({ database, port, env: clusterEnv(`routing-${RUN}-${name}`, port) });
}

/** Sends a command again until it is applied, while its session finds a new owner (`unavailable` only). */
async function untilApplied<T extends object>(send: () => Promise<Ack<T>>, what: string, ms = 15_000): Promise<Ack<T>> {
  const deadline = Date.now() + ms;
  for (;;) {
    const ack = await send();
    if (ack.ok || ack.error.code !== 'unavailable') return ack;
    if (Date.now() > deadline) throw new Error(`${what}: still unavailable after ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe.skipIf(Boolean(postgres.skip))('forwarding to the session owner, two nodes', () => {
  let database: TestDatabase;
  let a: TestServer; // owns the sessions below: the first to touch them
  let b: TestServer;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    a = await startNode(database, 'a');
    b = await startNode(database, 'b');
  });
  afterEach(() => closeAllSockets());
  afterAll(async () => {
    for (const child of children) await kill(child);
    await b?.close();
    await a?.close();
    await database?.drop();
  });

  /** A Town Hall whose owner is A: its facilitator connected there first. */
  async function townHallOnA(): Promise<TownHall> {
    return openTownHall(a.url, { title: 'Routing Town Hall' });
  }

  it('CLU30 CLU37 a question asked on B is acked once and seen on both nodes; the first state on B comes from the owner', async () => {
    const th = await townHallOnA();
    const onB = await member({ ...th, url: b.url }, { displayName: 'Bea' });
    const watcherOnA = await member(th, { displayName: 'Ana' });
    const watcherOnB = await member({ ...th, url: b.url }, { displayName: 'Bob' });
    expect(onB.state.townhall).toBeDefined();

    const seenOnA = within(nextEvent(watcherOnA.socket, 'qa:question'), 'the question on node A');
    const seenOnB = within(nextEvent(watcherOnB.socket, 'qa:question'), 'the question on node B');
    const asked = await command(onB.socket, 'qa:ask', { text: 'Who runs the remote hubs?' });
    expect(asked).toMatchObject({ ok: true, question: { text: 'Who runs the remote hubs?', mine: true } });
    const id = asked.ok ? asked.question.id : '';
    expect((await seenOnA)[0]).toMatchObject({ id, mine: false });
    expect((await seenOnB)[0]).toMatchObject({ id, mine: false });
    // Exactly one question, whichever node is asked.
    expect((await townhallAs(th, th.created.facilitatorToken, b.url)).qa.questions.map((q) => q.id)).toEqual([id]);
    expect((await townhallAs(th, th.created.facilitatorToken, a.url)).qa.questions.map((q) => q.id)).toEqual([id]);
    // Only A holds the Town Hall in memory: B forwarded everything.
    expect(a.townhallRooms()).toContain(th.created.session.id);
    expect(b.townhallRooms()).not.toContain(th.created.session.id);
  });

  it('CLU30 CLU34 votes from both nodes add up exactly', async () => {
    const th = await townHallOnA();
    const asker = await member(th, { displayName: 'Asker' });
    const asked = await command(asker.socket, 'qa:ask', { text: 'Shall we publish the notes?' });
    if (!asked.ok) throw new Error('ask failed');
    const voters = await Promise.all(Array.from({ length: 12 }, (_, i) => member({ ...th, url: i % 2 ? b.url : a.url }, { displayName: `Voter ${i}` })));
    const onA = voters[0]!;
    const onB = voters[1]!;
    const finalOnA = within(
      nextEvent(onA.socket, 'qa:votes', (counts) => counts[asked.question.id] === 12),
      'the count of 12 on A',
      10_000,
    );
    const finalOnB = within(
      nextEvent(onB.socket, 'qa:votes', (counts) => counts[asked.question.id] === 12),
      'the count of 12 on B',
      10_000,
    );
    const acks = await Promise.all(voters.map((v) => command(v.socket, 'qa:vote', { questionId: asked.question.id, up: true })));
    expect(acks.every((ack) => ack.ok)).toBe(true);
    expect(acks.map((ack) => (ack.ok ? ack.votes : 0)).sort((x, y) => x - y)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    await finalOnA;
    await finalOnB;
    expect((await townhallAs(th, asker.joined.token, b.url)).qa.questions[0]).toMatchObject({ id: asked.question.id, votes: 12 });
  });

  it('CLU40 CLU41 an HTTP command and an HTTP read sent to the non-owner run on the owner', async () => {
    const th = await townHallOnA();
    const bea = await join(b.url, th.created.session.joinCode, { displayName: 'Bea' });
    const watcher = await member(th, { displayName: 'Ana' });
    const seen = within(nextEvent(watcher.socket, 'qa:question'), 'the question asked over HTTP on B');
    const asked = await http<{ question: QuestionItem }>(b.url, 'POST', `${th.base}/questions`, { token: bea.token, body: { text: 'Asked over HTTP, on B' } });
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);
    expect((await seen)[0]).toMatchObject({ id: asked.body.question.id });
    // A role given through B, and the roster read through B.
    const promoted = await http(b.url, 'PATCH', `/api/sessions/${th.created.session.id}/participants/${bea.participant.id}`, {
      token: th.created.facilitatorToken,
      body: { role: 'moderator' },
    });
    expect(promoted.status, JSON.stringify(promoted.body)).toBe(200);
    const roster = await http<{ participants: { id: string; role: string }[] }>(b.url, 'GET', `/api/sessions/${th.created.session.id}/participants`, {
      token: th.created.facilitatorToken,
    });
    expect(roster.body.participants.find((p) => p.id === bea.participant.id)?.role).toBe('moderator');
    // Errors come back as the owner gave them; a made-up session is answered where it arrived.
    expect((await http(b.url, 'GET', th.base, {})).status).toBe(401);
    expect((await http(b.url, 'GET', `/api/sessions/nosuchsession/townhall`, { token: bea.token })).status).toBe(403);
    expect(b.townhallRooms()).not.toContain(th.created.session.id);
  });

  it('CLU30 CLU38 a café facilitator on B starts a round: people on A and B get their seats, a late arrival joining on B too', async () => {
    const created: Created = await createSession(a.url, { title: 'Routing café', attribution: 'named' });
    const people: { socket: ClientSocket; id: string }[] = [];
    for (let i = 0; i < 8; i++) {
      const url = i % 2 ? b.url : a.url;
      const joined = await join(url, created.session.joinCode, { displayName: `Person ${i}`, mode: 'in-room' });
      // The first connection, on A, makes A the owner.
      people.push({ socket: (await connect(url, joined.token)).socket, id: joined.participant.id });
    }
    const { socket: facilitator } = await connect(b.url, created.facilitatorToken);
    expect((await command(facilitator, 'cafe:set-tables', { tables: [1, 2, 3].map((n) => ({ label: `Table ${n}`, kind: 'in-room' as const, capacity: 4 })) })).ok).toBe(true);
    expect((await command(facilitator, 'cafe:set-rounds', { rounds: [{ question: 'What works?', durationMinutes: 20 }] })).ok).toBe(true);
    expect((await command(facilitator, 'cafe:plan', { seed: 7 })).ok).toBe(true);
    const seats = within(Promise.all(people.map(async (p) => (await nextEvent(p.socket, 'cafe:seat'))[0].seat)), 'a seat for everyone', 10_000);
    expect(await command(facilitator, 'cafe:start-round', {})).toMatchObject({ ok: true, run: { round: 1 } });
    const got = await seats;
    expect(got.every((seat) => seat?.round === 1)).toBe(true);
    expect(new Set(got.map((seat) => seat?.table.id)).size).toBeGreaterThan(1);
    expect(got.every((seat) => (seat?.tablemates.length ?? 0) >= 1)).toBe(true); // named: everyone sees who sits with them
    // Someone joining late through B is seated by the owner before the join returns (CLU38).
    const late = await join(b.url, created.session.joinCode, { displayName: 'Late', mode: 'in-room' });
    const { state } = await connect(b.url, late.token);
    expect(state.cafe?.seat).toMatchObject({ round: 1 });
  });

  it('CLU31 CLU35 a request posing as a node without the secret is refused and changes nothing', async () => {
    const th = await townHallOnA();
    const someone = await member({ ...th, url: b.url }, { displayName: 'Eve' });
    const sender = { sessionId: th.created.session.id, participantId: someone.id };
    const forged = async (headers: Record<string, string>) =>
      fetch(`${a.url}/internal/cluster/command`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', connection: 'close', ...headers },
        body: JSON.stringify({ name: 'qa:ask', sender, payload: { text: 'Forged' } }),
      });
    expect((await forged({})).status).toBe(403);
    expect((await forged({ 'x-open-talks-cluster-secret': `${SECRET.slice(0, -1)}x` })).status).toBe(403);
    // A request claiming to be forwarded, with a made-up client address, is refused the same way.
    const posing = await fetch(`${a.url}${th.base}/questions`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${someone.joined.token}`,
        'x-open-talks-forwarded-by': 'b',
        'x-open-talks-client-ip': '10.9.8.7',
        connection: 'close',
      },
      body: JSON.stringify({ text: 'Forged too' }),
    });
    expect(posing.status).toBe(403);
    expect((await townhallAs(th, th.created.facilitatorToken)).qa.questions).toEqual([]);
  });

  it('CLU36 when the owner is killed, another node takes its sessions and commands work again', { timeout: 60_000 }, async () => {
    const port = await freePort();
    const child = spawnServer(port, database, clusterEnv(`routing-${RUN}-c`, port));
    children.push(child);
    const c = `http://127.0.0.1:${port}`;
    await untilHealthy(c, child);
    const th = await openTownHall(c, { title: 'Owned by C' }); // C takes the lease with the facilitator's connection
    const onB = await member({ ...th, url: b.url }, { displayName: 'Bea' });
    const before = await command(onB.socket, 'qa:ask', { text: 'Asked while C owned it' });
    expect(before).toMatchObject({ ok: true });

    await kill(child);
    const after = await untilApplied(() => command(onB.socket, 'qa:ask', { text: 'Asked after C died' }), 'a question after the owner died');
    expect(after).toMatchObject({ ok: true });
    // Nothing acknowledged was lost, and the question asked twice is there once.
    const texts = (await townhallAs(th, th.created.facilitatorToken, b.url)).qa.questions.map((q) => q.text).sort();
    expect(texts).toEqual(['Asked after C died', 'Asked while C owned it']);
    // B's own command or A's lease sweeper may have taken it: one of them, and only one, holds the room.
    expect([a, b].filter((n) => n.townhallRooms().includes(th.created.session.id))).toHaveLength(1);
  });

  it('CLU36 a node that gave its leases back never takes a session again on its way out', async () => {
    const d = await startNode(database, 'd');
    try {
      const th = await openTownHall(d.url, { title: 'Owned by D' });
      const id = th.created.session.id;
      expect(d.cluster.ownership.owns(id)).toBe(true);
      await d.cluster.release(); // what a stopping node does first; its sockets and connections close after
      // A command still arriving meanwhile (a socket not closed yet, a forwarded request on a kept-alive connection).
      expect(await command(th.facilitator.socket, 'townhall:configure', { interventionSeconds: 90 })).toMatchObject({ ok: false, error: { code: 'unavailable' } });
      expect(d.cluster.ownership.owns(id)).toBe(false);
      expect(await b.cluster.ownership.ownerOf(id)).toBe(b.cluster.nodeId); // at once, not a lease later
    } finally {
      await d.close();
    }
  });

  it('CLU36 when the owner stops, the other node takes over at once', { timeout: 30_000 }, async () => {
    const th = await townHallOnA();
    const onB = await member({ ...th, url: b.url }, { displayName: 'Bea' });
    expect(await command(onB.socket, 'qa:ask', { text: 'Before A stopped' })).toMatchObject({ ok: true });
    await a.close();
    const after = await untilApplied(() => command(onB.socket, 'qa:ask', { text: 'After A stopped' }), 'a question after A stopped', LEASE_MS - 500); // before A's lease could have run out
    expect(after).toMatchObject({ ok: true });
    expect((await townhallAs(th, th.created.facilitatorToken, b.url)).qa.questions).toHaveLength(2);
  });
});
