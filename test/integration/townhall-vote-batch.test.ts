import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { QaChange, Question } from '../../shared/src/index.js';
import { openDatabase } from '../../server/src/store/db.js';
import { createStore, type Store } from '../../server/src/store/index.js';
import { DEFAULT_PROJECTOR_CHOICE } from '../../shared/src/domain/projector.js';
import { createTestDatabase, type TestDatabase } from '../helpers/server.js';
import { storageTargets } from '../helpers/storage-kinds.js';
import { EventBus } from '../../server/src/events/bus.js';
import type { Principal } from '../../server/src/sessions/principal.js';
import { TownhallContext } from '../../server/src/townhall/context.js';
import { PeopleCache } from '../../server/src/townhall/people.js';
import { QaService } from '../../server/src/townhall/qa/qa-service.js';
import { Coalescer } from '../../server/src/util/coalescer.js';
import { KeyedMutex } from '../../server/src/util/keyed-mutex.js';

const targets = await storageTargets();

type Vote = Extract<QaChange, { type: 'vote' }>;

function question(id: string, votes: number): Question {
  return {
    id,
    authorId: 'author',
    text: `Question ${id}`,
    language: 'en',
    anonymous: false,
    createdAt: 1,
    status: 'visible',
    hiddenReason: null,
    pinned: false,
    mergedInto: null,
    votes,
    editedAt: null,
    answeredAt: null,
  };
}

// TH-PERF3: a batch of votes is a few statements whatever its size; what it stores must not change.
describe.each(targets)('a stored batch of votes on $kind', ({ kind, skip }) => {
  let database: TestDatabase;
  let store: Store;

  beforeEach(async () => {
    if (skip) return;
    database = await createTestDatabase(kind);
    store = createStore(await openDatabase({ url: database.url, ...(database.schema && { pgSchema: database.schema }) }));
    await store.sessions.insert(
      {
        id: 's1',
        title: 'T',
        format: 'townhall',
        attribution: 'named',
        languages: ['en'],
        joinCode: 'BATCH1',
        createdAt: 1,
        endedAt: null,
        observerNotes: true,
        projector: DEFAULT_PROJECTOR_CHOICE,
        machineTranslation: true,
      },
      'h'.repeat(64),
    );
    await store.transaction((repos) =>
      repos.qa.apply(
        's1',
        ['q1', 'q2', 'q3', 'q4'].map((id) => ({ type: 'question' as const, question: question(id, 0) })),
      ),
    );
  });

  afterEach(async () => {
    if (skip) return;
    await store.close();
    await database.drop();
  });

  it.skipIf(Boolean(skip))('TH-PERF3 rows in and out and every question’s last count, in one transaction', async () => {
    const vote = (questionId: string, participantId: string, up: boolean, votes: number): Vote => ({ type: 'vote', questionId, participantId, up, votes });
    await store.transaction((repos) =>
      repos.qa.applyVotes('s1', [vote('q1', 'a', true, 1), vote('q1', 'b', true, 2), vote('q2', 'a', true, 1), vote('q3', 'c', true, 1), vote('q4', 'd', true, 1)]),
    );
    // A second batch: some take their vote back, one votes again after taking it back, a new one joins.
    await store.transaction((repos) =>
      repos.qa.applyVotes('s1', [vote('q1', 'a', false, 1), vote('q2', 'a', false, 0), vote('q3', 'c', false, 0), vote('q3', 'c', true, 1), vote('q3', 'e', true, 2)]),
    );
    const votes = (await store.qa.votes('s1')).map((v) => `${v.questionId} ${v.participantId}`).sort();
    expect(votes).toEqual(['q1 b', 'q3 c', 'q3 e', 'q4 d']);
    const counts = Object.fromEntries((await store.qa.questions('s1')).map((q) => [q.id, q.votes]));
    expect(counts).toEqual({ q1: 1, q2: 0, q3: 2, q4: 1 });
  });

  it.skipIf(Boolean(skip))('TH-PERF3 a failed batch stores none of its votes', async () => {
    const batch: Vote[] = [{ type: 'vote', questionId: 'q1', participantId: 'a', up: true, votes: 1 }];
    await expect(
      store.transaction(async (repos) => {
        await repos.qa.applyVotes('s1', batch);
        throw new Error('the disk is full');
      }),
    ).rejects.toThrow('the disk is full');
    expect(await store.qa.votes('s1')).toEqual([]);
    expect((await store.qa.questions('s1')).find((q) => q.id === 'q1')?.votes).toBe(0);
  });

  it.skipIf(Boolean(skip))('TH-PERF4 the participant every command checks is read once, and a role change or removal is in force at once', async () => {
    const person = {
      id: 'p1',
      sessionId: 's1',
      displayName: 'Amina',
      role: 'participant' as const,
      mode: 'remote' as const,
      stakeholderGroup: 'civil-society' as const,
      language: 'en' as const,
      joinedAt: 1,
      removedAt: null,
    };
    await store.participants.insert(person, 'p'.repeat(64));
    const first = await store.shared.participant('s1', 'p1');
    expect(first).toMatchObject({ id: 'p1', role: 'participant', removedAt: null });
    expect(await store.shared.participant('s1', 'p1')).toBe(first); // the same record: no second read
    await store.participants.update('p1', { role: 'moderator' });
    expect(await store.shared.participant('s1', 'p1')).toMatchObject({ role: 'moderator' });
    await store.transaction((repos) => repos.participants.markRemoved('p1', 5));
    expect(await store.shared.participant('s1', 'p1')).toMatchObject({ removedAt: 5 });
    expect(await store.shared.participant('s1', 'nobody')).toBeUndefined();
  });

  it.skipIf(Boolean(skip))('TH-PERF2 votes read in separate callbacks of one loop turn are stored in one transaction, each acked with its count', async () => {
    const voters = Array.from({ length: 20 }, (_, i) => ({
      id: `v${i}`,
      sessionId: 's1',
      displayName: `V${i}`,
      role: 'participant' as const,
      mode: 'remote' as const,
      stakeholderGroup: 'academia' as const,
      language: 'en' as const,
      joinedAt: 1,
      removedAt: null,
    }));
    for (const v of voters) await store.participants.insert(v, `${v.id}`.padEnd(64, 'x'));
    let transactions = 0;
    const counting = { ...store, transaction: <T>(work: Parameters<Store['transaction']>[0]) => (transactions++, store.transaction(work)) as Promise<T> };
    const coalescer = new Coalescer(250, (error) => {
      throw error;
    });
    const ctx = new TownhallContext(counting, new KeyedMutex(), new EventBus(console), new PeopleCache(counting), coalescer, { schedule() {}, cancel() {} });
    const qa = new QaService(ctx);
    const session = (await store.sessions.byId('s1'))!;
    await ctx.room(session); // loaded beforehand, as in a running Town Hall
    // Each vote in its own callback of one loop phase (all immediates queued now run in one check
    // phase, microtasks drained between them), as socket reads are: no clock involved.
    const acks = await Promise.all(
      voters.map(
        (participant, i) =>
          new Promise<{ questionId: string; votes: number }>((resolve, reject) =>
            setImmediate(() => {
              const principal: Principal = { session, participant, role: 'participant' };
              qa.vote(principal, { questionId: i % 2 === 0 ? 'q1' : 'q2', up: true }).then(resolve, reject);
            }),
          ),
      ),
    );
    coalescer.close();
    expect(transactions).toBe(1);
    expect(acks.filter((a) => a.questionId === 'q1').map((a) => a.votes)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const counts = Object.fromEntries((await store.qa.questions('s1')).map((q) => [q.id, q.votes]));
    expect(counts).toMatchObject({ q1: 10, q2: 10 });
    expect(await store.qa.votes('s1')).toHaveLength(20);
  });
});
