import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CaptionView, QuestionItem, SessionState, TownhallLive } from '../../../shared/src/protocol/index.js';
import {
  CAPTIONS_KEPT,
  inTownhall,
  withBallot,
  withCaptions,
  withMyVote,
  withoutQuestion,
  withPoll,
  withQuestion,
  withVotes,
} from '../../../client/src/state/reducers/townhall.js';

function question(id: string, votes = 0): QuestionItem {
  return {
    id,
    text: `question ${id}`,
    language: 'en',
    anonymous: false,
    author: null,
    authorId: null,
    mine: false,
    createdAt: 0,
    status: 'visible',
    hiddenReason: null,
    pinned: false,
    mergedInto: null,
    votes,
    editedAt: null,
    answeredAt: null,
  };
}

function townhall(questions: QuestionItem[] = [], captions: CaptionView[] = []): TownhallLive {
  return {
    settings: {} as TownhallLive['settings'],
    qa: { questions, myVotes: [] },
    you: null,
    floor: null,
    queue: null,
    polls: [],
    projectedPollId: null,
    captions,
    captionStreams: [],
    agenda: {} as TownhallLive['agenda'],
  };
}

const caption = (id: string): CaptionView => ({ id, text: id, language: 'en', at: 0 });
const ids = fc.uniqueArray(fc.stringMatching(/^[a-z]{1,4}$/), { maxLength: 30 });
const board = ids.map((list) => townhall(list.map((id) => question(id))));

describe('Town Hall reducers', () => {
  it('qa:question adds a new question last and replaces a known one in place', () => {
    const th = townhall([question('a'), question('b')]);
    expect(withQuestion(th, question('c')).qa.questions.map((q) => q.id)).toEqual(['a', 'b', 'c']);
    const edited = { ...question('a'), text: 'edited' };
    expect(withQuestion(th, edited).qa.questions).toEqual([edited, question('b')]);
    expect(th.qa.questions[0]!.text).toBe('question a'); // the state it was given is not touched
  });

  it('qa:question applied twice is the same as once', () => {
    fc.assert(
      fc.property(board, fc.stringMatching(/^[a-z]{1,4}$/), fc.nat(50), (th, id, votes) => {
        const once = { ...th, ...withQuestion(th, question(id, votes)) };
        expect({ ...once, ...withQuestion(once, question(id, votes)) }).toEqual(once);
      }),
    );
  });

  it('qa:gone removes exactly the question named, and nothing when it is not there', () => {
    fc.assert(
      fc.property(board, fc.stringMatching(/^[a-z]{1,4}$/), (th, id) => {
        const before = th.qa.questions;
        const after = withoutQuestion(th, id).qa.questions;
        const had = before.some((q) => q.id === id);
        expect(after).toHaveLength(before.length - (had ? 1 : 0));
        expect(after).toEqual(before.filter((q) => q.id !== id));
      }),
    );
  });

  it('qa:votes changes only the counts named, for questions this viewer sees', () => {
    const th = townhall([question('a', 1), question('b', 2)]);
    expect(withVotes(th, { b: 5, unseen: 9 }).qa.questions.map((q) => [q.id, q.votes])).toEqual([
      ['a', 1],
      ['b', 5],
    ]);
  });

  it('qa:voted keeps each question at most once in myVotes', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c'), fc.boolean())), (steps) => {
        let th = townhall();
        for (const [id, voted] of steps) th = { ...th, ...withMyVote(th, id, voted) };
        expect(new Set(th.qa.myVotes).size).toBe(th.qa.myVotes.length);
        for (const id of ['a', 'b', 'c']) {
          const last = steps.findLast(([step]) => step === id);
          expect(th.qa.myVotes.includes(id)).toBe(last?.[1] ?? false);
        }
      }),
    );
  });

  it('captions keep at most CAPTIONS_KEPT lines, the oldest dropped, none twice', () => {
    // Each batch: some new lines, and some lines still on screen sent again (a reconnect's overlap).
    const batch = fc.record({ fresh: fc.nat(120), resent: fc.nat(30) });
    fc.assert(
      fc.property(fc.array(batch, { maxLength: 6 }), (batches) => {
        let th = townhall();
        let next = 0;
        for (const { fresh, resent } of batches) {
          const again = th.captions.slice(-resent);
          const lines = [...again, ...Array.from({ length: fresh }, () => caption(String(next++)))];
          th = { ...th, ...withCaptions(th, lines) };
        }
        const expected = Array.from({ length: next }, (_, n) => String(n)).slice(-CAPTIONS_KEPT);
        expect(th.captions.map((c) => c.id)).toEqual(expected);
      }),
    );
  });

  it('a new poll goes first; a known one keeps its results and ballot', () => {
    const poll = (id: string, title = id) => ({ id, title }) as unknown as Parameters<typeof withPoll>[1];
    let th = townhall();
    th = { ...th, ...withPoll(th, poll('p1')) };
    th = { ...th, ...withPoll(th, poll('p2')) };
    expect(th.polls.map((p) => p.poll.id)).toEqual(['p2', 'p1']);
    const ballot = { choice: 0 } as unknown as Parameters<typeof withBallot>[2];
    th = { ...th, ...withBallot(th, 'p1', ballot) };
    th = { ...th, ...withPoll(th, poll('p1', 'renamed')) };
    expect(th.polls[1]).toEqual({ poll: poll('p1', 'renamed'), results: null, ballot });
  });

  it('a delta for a session that is no Town Hall (or not loaded) leaves the state as it was', () => {
    const cafe = { session: {} } as SessionState;
    expect(inTownhall(cafe, () => ({ projectedPollId: 'x' }))).toBe(cafe);
    expect(inTownhall(undefined, () => ({ projectedPollId: 'x' }))).toBeUndefined();
    const live = { session: {}, townhall: townhall() } as SessionState;
    expect(inTownhall(live, () => ({ projectedPollId: 'x' }))?.townhall?.projectedPollId).toBe('x');
  });
});

describe('caption streams in the client state', () => {
  it('CAPS4 CAPS5 files each new line under its language, a new stream appearing with its first line', () => {
    let th = townhall();
    const line = (id: string, language: 'en' | 'fr'): CaptionView => ({ id, text: id, language, at: 0 });
    th = { ...th, ...withCaptions(th, [line('a', 'en'), line('b', 'fr'), line('c', 'en')]) };
    th = { ...th, ...withCaptions(th, [line('c', 'en'), line('d', 'fr')]) }; // a resent line is not doubled
    expect(th.captionStreams.map((s) => [s.language, s.lines.map((c) => c.id), s.count])).toEqual([
      ['en', ['a', 'c'], 2],
      ['fr', ['b', 'd'], 2],
    ]);
  });
});
