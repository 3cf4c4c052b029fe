import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QuestionItem, TownhallLive, VoteCounts } from '../../shared/src/protocol/index.js';
import { createSession, http, join, type Joined } from '../helpers/api.js';
import { client, closeAllClients, send, type Client } from './clients.js';
import { startCluster, type Cluster } from './cluster.js';
import { clusterSkipReason } from './environment.js';

// A Town Hall with people on every node, through HAProxy; the node owning the session is killed
// with SIGKILL in the middle of a burst of questions and votes (CLU85, CLU86, CLU87).

const skip = await clusterSkipReason();
const PEOPLE = 12;
const RECONNECT_MS = 5_000; // "within a few seconds"

interface Person {
  joined: Joined;
  client: Client;
  /** What this client has been told: question id → votes, from session:state and the live events. */
  seen: Map<string, number>;
}

/** Keeps a client's picture of the questions the way the web client does: a state, then deltas. */
function follow(c: Client): Map<string, number> {
  const seen = new Map<string, number>();
  const reset = (live: TownhallLive | undefined) => {
    seen.clear();
    for (const q of live?.qa.questions ?? []) seen.set(q.id, q.votes);
  };
  reset(c.state.townhall);
  c.socket.on('session:state', (state) => reset(state.townhall));
  c.socket.on('qa:question', (q: QuestionItem) => seen.set(q.id, q.votes));
  c.socket.on('qa:votes', (counts: VoteCounts) => {
    for (const [id, votes] of Object.entries(counts)) seen.set(id, votes);
  });
  return seen;
}

describe.skipIf(Boolean(skip))('a Town Hall across three nodes when its owner dies', () => {
  let cluster: Cluster;
  beforeAll(async () => {
    cluster = await startCluster({ leaseMs: 2000 });
  });
  afterAll(async () => {
    closeAllClients();
    await cluster?.close();
  });

  it('CLU85 CLU86 CLU87 nothing acknowledged is lost, everyone converges and reconnects within seconds', async () => {
    const url = cluster.url;
    const created = await createSession(url, { title: 'Town Hall on three nodes', format: 'townhall', attribution: 'group' });
    const sessionId = created.session.id;
    const facilitator = await client(url, created.facilitatorToken);
    expect(await send(facilitator.socket, 'townhall:configure', { moderation: 'post' })).toMatchObject({ ok: true });
    const people: Person[] = [];
    for (let i = 0; i < PEOPLE; i++) {
      const joined = await join(url, created.session.joinCode, { displayName: `Voter ${i}`, mode: i % 2 ? 'remote' : 'in-room' });
      // One of them long-polls: pinned to a node by HAProxy's cookie, which must let go when it dies.
      const c = await client(url, joined.token, i === 0 ? { transports: ['polling'] } : {});
      people.push({ joined, client: c, seen: follow(c) });
    }

    const askedOk = new Set<string>(); // question ids whose ask was acknowledged
    const votedOk: [string, string][] = []; // [participant id, question id] acknowledged
    const tried = new Map<string, number>(); // question id → votes sent for it (acked or not)

    async function ask(p: Person, text: string): Promise<string | undefined> {
      const ack = await send(p.client.socket, 'qa:ask', { text });
      if (!ack?.ok) return undefined;
      askedOk.add(ack.question.id);
      return ack.question.id as string;
    }
    async function vote(p: Person, questionId: string): Promise<void> {
      tried.set(questionId, (tried.get(questionId) ?? 0) + 1);
      const ack = await send(p.client.socket, 'qa:vote', { questionId, up: true });
      if (ack?.ok) votedOk.push([p.joined.participant.id, ack.questionId]);
    }

    // Before: everyone asks once, then votes for the next two people's questions.
    const firstIds = await Promise.all(people.map((p, i) => ask(p, `Before the failure, question ${i}`))); // person i's question
    expect(askedOk.size).toBe(PEOPLE);
    await Promise.all(people.map((p, i) => Promise.all([1, 2].map((d) => vote(p, firstIds[(i + d) % PEOPLE]!)))));
    expect(votedOk).toHaveLength(PEOPLE * 2);

    // During: a burst from everyone, and the owner killed while it is in flight.
    const owner = await cluster.ownerOf(sessionId);
    expect(owner, 'a node holds the session lease').toBeDefined();
    const ownerIndex = cluster.nodes.indexOf(owner!);
    const burst = Promise.all(
      people.map((p, i) => Promise.all([ask(p, `During the failure, question ${i}`), vote(p, firstIds[(i + 3) % PEOPLE]!), vote(p, firstIds[(i + 4) % PEOPLE]!)])),
    );
    await new Promise((resolve) => setTimeout(resolve, 30));
    const killedAt = Date.now();
    await cluster.kill(ownerIndex);
    await burst;

    // Everyone is connected again within a few seconds (those on the dead node through the proxy).
    await expect.poll(() => people.every((p) => !p.client.down() && p.client.socket.connected), { timeout: 15_000 }).toBe(true);
    for (const p of people) for (const ms of p.client.reconnects) expect(ms).toBeLessThan(RECONNECT_MS);
    const newOwner = await cluster.ownerOf(sessionId);
    expect(newOwner?.id).not.toBe(owner!.id);

    // After: the session works again from every node; commands that found it moving are retried.
    await expect.poll(async () => (await send(people[0]!.client.socket, 'qa:ask', { text: 'After the failure' }))?.ok, { timeout: 15_000 }).toBe(true);
    await Promise.all(people.map((p, i) => vote(p, firstIds[(i + 5) % PEOPLE]!)));
    expect(Date.now() - killedAt).toBeLessThan(30_000);

    // Nothing acknowledged is lost: every acked question is there, every acked vote counted.
    const truth = (await http(url, 'GET', `/api/sessions/${sessionId}/townhall`, { token: created.facilitatorToken })).body.townhall as TownhallLive;
    const counts = new Map(truth.qa.questions.map((q) => [q.id, q.votes]));
    for (const id of askedOk) expect(counts.has(id), `acked question ${id}`).toBe(true);
    const ackedPer = new Map<string, number>();
    for (const [, q] of votedOk) ackedPer.set(q, (ackedPer.get(q) ?? 0) + 1);
    for (const [q, n] of ackedPer) {
      expect(counts.get(q)!, `votes on ${q}`).toBeGreaterThanOrEqual(n);
      expect(counts.get(q)!, `votes on ${q}`).toBeLessThanOrEqual(tried.get(q)!);
    }
    for (const p of people) {
      const mine = (await http(url, 'GET', `/api/sessions/${sessionId}/townhall`, { token: p.joined.token })).body.townhall as TownhallLive;
      for (const [voter, q] of votedOk) if (voter === p.joined.participant.id) expect(mine.qa.myVotes, `${p.joined.participant.displayName}'s vote`).toContain(q);
    }

    // Everyone converges on the same questions and counts, on whatever node they ended up.
    const expected = Object.fromEntries(counts);
    await expect.poll(() => people.map((p) => Object.fromEntries(p.seen)), { timeout: 15_000 }).toEqual(people.map(() => expected));
  });
});
