import { randomBytes } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { QuestionItem, TownhallLive } from '../../shared/src/protocol/index.js';
import { createSession, http, join } from '../helpers/api.js';
import { freePort, kill, spawnServer, untilHealthy } from '../helpers/child-server.js';
import { createTestDatabase, startTestServer, type TestDatabase, type TestServer } from '../helpers/server.js';
import { closeAllSockets, command, connect, nextEvent } from '../helpers/socket.js';
import { storageTargets } from '../helpers/storage-kinds.js';
import { member, openTownHall } from '../helpers/townhall.js';
import { within } from '../helpers/wait.js';

// Forwarding to the owner, the reviewer's findings (docs/cluster.md CLU46–CLU50): paths Express
// reads otherwise than a plain regex, one sender's commands in order, and a person who joined while
// the owner was gone. Two nodes on one PostgreSQL schema and one Redis, as in cluster-routing.test.ts.

const postgres = (await storageTargets()).find((t) => t.kind === 'postgres')!;
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const SECRET = randomBytes(24).toString('hex');
const RUN = randomBytes(4).toString('hex');
const PREFIX = `test:routing-fixes:${RUN}:`;
const LEASE_MS = 2_000;

function clusterEnv(nodeId: string, port: number): Record<string, string> {
  return { REDIS_URL, REDIS_PREFIX: PREFIX, CLUSTER_SECRET: SECRET, NODE_ID: nodeId, NODE_URL: `http://127.0.0.1:${port}`, LEASE_MS: String(LEASE_MS) };
}

describe.skipIf(Boolean(postgres.skip))('forwarding to the session owner: the fixes', () => {
  let database: TestDatabase;
  let a: TestServer; // owns the sessions below: the first to touch them
  let b: TestServer;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    for (const name of ['a', 'b']) {
      const port = await freePort();
      const node = await startTestServer({ database, port, env: clusterEnv(`fixes-${RUN}-${name}`, port) });
      if (name === 'a') a = node;
      else b = node;
    }
  });
  afterEach(() => closeAllSockets());
  afterAll(async () => {
    for (const child of children) await kill(child);
    await b?.close();
    await a?.close();
    await database?.drop();
  });

  it('CLU46 a session path in another case or percent-encoded, sent to the non-owner, runs on the owner', async () => {
    const th = await openTownHall(a.url, { title: 'Paths' });
    const id = th.created.session.id;
    const bea = await join(b.url, th.created.session.joinCode, { displayName: 'Bea' });
    const encoded = [...id].map((c, i) => (i === 0 ? `%${c.charCodeAt(0).toString(16).toUpperCase()}` : c)).join('');
    const asked: string[] = [];
    for (const path of [`/API/Sessions/${id}/Townhall/Questions`, `/api/sessions/${encoded}/townhall/questions`]) {
      const res = await http<{ question: QuestionItem }>(b.url, 'POST', path, { token: bea.token, body: { text: `Asked at ${path}` } });
      expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBe(201);
      asked.push(res.body.question.id);
      expect(b.townhallRooms(), path).not.toContain(id); // B never loaded its own Town Hall: one writer
    }
    // The owner's room holds both, as does what anyone reads, on either node.
    const live = await http<{ townhall: TownhallLive }>(a.url, 'GET', th.base, { token: th.created.facilitatorToken });
    expect(live.body.townhall.qa.questions.map((q) => q.id).sort()).toEqual([...asked].sort());
    const viaB = await http<{ townhall: TownhallLive }>(b.url, 'GET', `/API/SESSIONS/${encoded}/townhall`, { token: th.created.facilitatorToken });
    expect(viaB.status).toBe(200);
    expect(viaB.body.townhall.qa.questions).toHaveLength(2);
    expect(b.townhallRooms()).not.toContain(id);
  });

  it('CLU46 a path segment under /api/sessions that is no session id is refused with 400, on any node', async () => {
    for (const node of [a, b]) {
      for (const seg of ['ab%2Fcd', 'a%20b', '%ZZ', 'x'.repeat(65)]) {
        const res = await http(node.url, 'POST', `/api/sessions/${seg}/townhall/questions`, { body: { text: 'no' } });
        expect(res.status, seg).toBe(400);
        expect(res.body).toMatchObject({ error: { code: 'bad_request' } });
      }
    }
  });

  it('CLU48 a burst of raised and lowered hands from one socket on the non-owner ends as the last one says', async () => {
    const th = await openTownHall(a.url, { title: 'Hands' });
    for (let burst = 0; burst < 3; burst++) {
      const bea = await member({ ...th, url: b.url }, { displayName: `Bea ${burst}` });
      const sends = Array.from({ length: 21 }, (_, i) => (i % 2 === 0 ? command(bea.socket, 'hand:raise', {}) : command(bea.socket, 'hand:lower', {})));
      const acks = await Promise.all(sends);
      expect(
        acks.every((ack) => ack.ok),
        JSON.stringify(acks.find((ack) => !ack.ok)),
      ).toBe(true);
      // The last command raised the hand: it is up.
      const live = await http<{ townhall: TownhallLive }>(a.url, 'GET', th.base, { token: bea.joined.token });
      expect(live.body.townhall.you, `burst ${burst}`).toMatchObject({ raised: true });
    }
  });

  it('CLU50 someone who joins on B while the café owner is dead is seated once the session has a new owner', { timeout: 60_000 }, async () => {
    const port = await freePort();
    const child = spawnServer(port, database, clusterEnv(`fixes-${RUN}-c`, port));
    children.push(child);
    const c = `http://127.0.0.1:${port}`;
    await untilHealthy(c, child);
    const created = await createSession(c, { title: 'Café owned by C', attribution: 'named' });
    const { socket: facilitator } = await connect(c, created.facilitatorToken); // C takes the lease
    for (let i = 0; i < 4; i++) await join(c, created.session.joinCode, { displayName: `Person ${i}`, mode: 'in-room' });
    expect((await command(facilitator, 'cafe:set-tables', { tables: [1, 2].map((n) => ({ label: `Table ${n}`, kind: 'in-room' as const, capacity: 4 })) })).ok).toBe(true);
    expect((await command(facilitator, 'cafe:set-rounds', { rounds: [{ question: 'What works?', durationMinutes: 20 }] })).ok).toBe(true);
    expect((await command(facilitator, 'cafe:plan', { seed: 3 })).ok).toBe(true);
    expect(await command(facilitator, 'cafe:start-round', {})).toMatchObject({ ok: true, run: { round: 1 } });

    await kill(child);
    const late = await join(b.url, created.session.joinCode, { displayName: 'Late', mode: 'in-room' });
    // The first state waits for a new owner (CLU36); the seat may come with it or just after.
    const { socket, state } = await connect(b.url, late.token);
    if (!state.cafe?.seat) {
      const [seat] = await within(
        nextEvent(socket, 'cafe:seat', (s) => s.seat !== null),
        'a seat for the late arrival',
        LEASE_MS * 4,
      );
      expect(seat.seat).toMatchObject({ round: 1 });
    } else expect(state.cafe.seat).toMatchObject({ round: 1 });
  });
});
