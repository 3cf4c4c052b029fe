import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession, http, join } from '../helpers/api.js';
import { nextEvent } from '../helpers/socket.js';
import { within } from '../helpers/wait.js';
import { client, closeAllClients, send, type Client } from './clients.js';
import { startCluster, type Cluster } from './cluster.js';
import { clusterSkipReason, redisUrl } from './environment.js';

// Redis holds nothing that must survive (docs/cluster.md, "When Redis restarts"). A Redis that
// comes back empty is this cluster's keys gone (leases, fence counters, the adapter's stream):
// sessions must work again, even one whose stored fence is past 1 after a failover (CLU90).

const skip = await clusterSkipReason();

describe.skipIf(Boolean(skip))('a Town Hall across three nodes when Redis loses its keys', () => {
  let cluster: Cluster;
  beforeAll(async () => {
    cluster = await startCluster({ leaseMs: 2000 });
  });
  afterAll(async () => {
    closeAllClients();
    await cluster?.close();
  });

  async function forgetEverything(): Promise<void> {
    const redis = createClient({ url: redisUrl });
    await redis.connect();
    for await (const keys of redis.scanIterator({ MATCH: `${cluster.redisPrefix}*`, COUNT: 500 })) if (keys.length > 0) await redis.del(keys);
    await redis.close();
  }

  it('CLU90 after a failover and an empty Redis, the session takes commands again and everyone sees them', async () => {
    const url = cluster.url;
    const created = await createSession(url, { title: 'Redis forgets', format: 'townhall', attribution: 'group' });
    const sessionId = created.session.id;
    const facilitator = await client(url, created.facilitatorToken);
    expect(await send(facilitator.socket, 'townhall:configure', { moderation: 'post' })).toMatchObject({ ok: true });
    const people: Client[] = [];
    for (let i = 0; i < 4; i++) people.push(await client(url, (await join(url, created.session.joinCode, { displayName: `P${i}` })).token));
    expect(await send(people[0]!.socket, 'qa:ask', { text: 'Before anything' })).toMatchObject({ ok: true });

    // A failover first, so the fence stored in PostgreSQL is past the first one.
    const owner = await cluster.ownerOf(sessionId);
    expect(owner).toBeDefined();
    await cluster.kill(cluster.nodes.indexOf(owner!));
    await expect.poll(async () => (await send(people[1]!.socket, 'qa:ask', { text: 'After the failover' }, 2_000))?.ok, { timeout: 20_000 }).toBe(true);

    await forgetEverything();
    let asked: { ok: boolean; question?: { id: string } } | undefined;
    await expect
      .poll(
        async () => {
          asked = await send(people[2]!.socket, 'qa:ask', { text: 'After Redis forgot' }, 2_000);
          return asked?.ok;
        },
        { timeout: 20_000 },
      )
      .toBe(true);
    const id = asked!.question!.id;
    const counts = (await http(url, 'GET', `/api/sessions/${sessionId}/townhall`, { token: created.facilitatorToken })).body.townhall.qa.questions.map(
      (q: { text: string }) => q.text,
    );
    expect(counts).toEqual(expect.arrayContaining(['Before anything', 'After the failover', 'After Redis forgot']));
    // A vote from someone on whatever node reaches everyone again, through the adapter's new stream.
    const seen = people.slice(0, 3).map((p) =>
      within(
        nextEvent(p.socket, 'qa:votes', (counts) => counts[id] === 1),
        'the vote at another client',
        10_000,
      ),
    );
    expect(await send(people[3]!.socket, 'qa:vote', { questionId: id, up: true })).toMatchObject({ ok: true, votes: 1 });
    await Promise.all(seen);
  });
});
