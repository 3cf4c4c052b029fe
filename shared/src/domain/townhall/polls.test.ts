import { describe, expect, it } from 'vitest';
import { applyBallotChange, castBallot, createPollState, getBallot, withdrawBallot, type PollChoice, type PollState, type PollVoter } from './poll-ballots.js';
import { pollResults } from './poll-results.js';
import { POLL_LIMITS, canSeePoll, canSeeResults, closePoll, deletablePoll, createPoll, editPoll, openPoll, setResultsVisible, type Poll, type PollInput } from './polls.js';
import { MIN, T0, expectError, must } from '../../../../test/fixtures/townhall.js';

const CHOICE: PollInput = { kind: 'single', question: 'Which first?', options: ['Access', 'Rights', 'Safety'] };

function openState(input: PollInput): PollState {
  return createPollState(must(openPoll(must(createPoll('poll1', input, T0)).poll, T0 + MIN)).poll);
}

function vote(state: PollState, voter: PollVoter, choice: PollChoice, now = T0 + 2 * MIN): void {
  applyBallotChange(state, must(castBallot(state, voter, choice, now)).change);
}

const gov = (id: string): PollVoter => ({ participantId: id, stakeholderGroup: 'government' });
const civ = (id: string): PollVoter => ({ participantId: id, stakeholderGroup: 'civil-society' });

describe('poll definitions and life', () => {
  it('POLL1 a new poll is a draft with hidden results and option ids o1, o2, …', () => {
    const poll = must(createPoll('poll1', { ...CHOICE, question: '  Which\n first? ' }, T0)).poll;
    expect(poll).toEqual({
      id: 'poll1',
      kind: 'single',
      question: 'Which first?',
      options: [
        { id: 'o1', label: 'Access' },
        { id: 'o2', label: 'Rights' },
        { id: 'o3', label: 'Safety' },
      ],
      maxChoices: null,
      scale: null,
      maxEntries: 1,
      status: 'draft',
      resultsVisible: false,
      createdAt: T0,
      openedAt: null,
      closedAt: null,
    });
  });

  it('POLL1 each kind checks its own definition', () => {
    const bad: PollInput[] = [
      { kind: 'single', question: '', options: ['a', 'b'] },
      { kind: 'single', question: 'Q', options: ['only one'] },
      { kind: 'single', question: 'Q', options: ['a', 'a'] },
      { kind: 'single', question: 'Q', options: ['a', ' '] },
      { kind: 'single', question: 'Q', options: Array.from({ length: POLL_LIMITS.options + 1 }, (_, i) => `o${i}`) },
      { kind: 'multiple', question: 'Q', options: ['a', 'b'], maxChoices: 3 },
      { kind: 'multiple', question: 'Q', options: ['a', 'b'], maxChoices: 0 },
      { kind: 'rating', question: 'Q', scale: { min: 5, max: 1 } },
      { kind: 'rating', question: 'Q', scale: { min: 0, max: 11 } },
      { kind: 'rating', question: 'Q', scale: { min: 1, max: 2.5 } },
      { kind: 'text', question: 'Q', maxEntries: 6 },
    ];
    for (const input of bad) expectError(createPoll('p', input, T0), 'bad_request');
    expect(must(createPoll('p', { kind: 'multiple', question: 'Q', options: ['a', 'b', 'c'], maxChoices: 2 }, T0)).poll.maxChoices).toBe(2);
    expect(must(createPoll('p', { kind: 'rating', question: 'Q' }, T0)).poll.scale).toEqual({ min: 1, max: 5, minLabel: null, maxLabel: null });
    expect(must(createPoll('p', { kind: 'text', question: 'One word?', maxEntries: 3 }, T0)).poll).toMatchObject({ options: [], maxEntries: 3 });
  });

  it('POLL2 only a draft can be edited', () => {
    const draft = must(createPoll('poll1', CHOICE, T0)).poll;
    const edited = must(editPoll(draft, { kind: 'rating', question: 'How useful?', scale: { min: 0, max: 10 } })).poll;
    expect(edited).toMatchObject({ id: 'poll1', kind: 'rating', options: [], scale: { min: 0, max: 10 }, status: 'draft', createdAt: T0 });
    expectError(editPoll(must(openPoll(draft, T0)).poll, CHOICE), 'conflict');
  });

  it('POLL3 draft → open → closed; a closed poll can be reopened', () => {
    const draft = must(createPoll('poll1', CHOICE, T0)).poll;
    expectError(closePoll(draft, T0), 'conflict');
    const open = must(openPoll(draft, T0 + MIN)).poll;
    expect(open).toMatchObject({ status: 'open', openedAt: T0 + MIN });
    expectError(openPoll(open, T0), 'conflict');
    const closed = must(closePoll(open, T0 + 2 * MIN)).poll;
    expect(closed).toMatchObject({ status: 'closed', closedAt: T0 + 2 * MIN });
    expect(must(openPoll(closed, T0 + 3 * MIN)).poll).toMatchObject({ status: 'open', openedAt: T0 + 3 * MIN });
  });

  it('POLL12 only a draft can be deleted', () => {
    const draft = must(createPoll('poll1', CHOICE, T0)).poll;
    expect(must(deletablePoll(draft)).poll).toBe(draft);
    const open = must(openPoll(draft, T0)).poll;
    expectError(deletablePoll(open), 'conflict');
    expectError(deletablePoll(must(closePoll(open, T0 + MIN)).poll), 'conflict');
  });

  it('POLL4 drafts are for moderators; results show to participants only when shown', () => {
    const draft: Poll = must(createPoll('poll1', CHOICE, T0)).poll;
    const shownDraft = must(setResultsVisible(draft, true)).poll;
    expect([canSeePoll(draft, false), canSeePoll(draft, true)]).toEqual([false, true]);
    expect([canSeeResults(shownDraft, false), canSeeResults(shownDraft, true)]).toEqual([false, true]);
    const open = must(openPoll(draft, T0)).poll;
    expect([canSeePoll(open, false), canSeeResults(open, false), canSeeResults(open, true)]).toEqual([true, false, true]);
    expect(canSeeResults(must(setResultsVisible(open, true)).poll, false)).toBe(true);
  });
});

describe('ballots', () => {
  it('POLL5 single choice takes exactly one known option', () => {
    const state = openState(CHOICE);
    expect(must(castBallot(state, gov('a'), 'o2', T0)).change.ballot?.keys).toEqual(['o2']);
    expect(must(castBallot(state, gov('a'), ['o3'], T0)).change.ballot?.keys).toEqual(['o3']);
    for (const bad of [[], ['o1', 'o2'], 'o9', 3] as PollChoice[]) expectError(castBallot(state, gov('a'), bad, T0), 'bad_request');
  });

  it('POLL5 multiple choice takes distinct options up to the maximum, kept in option order', () => {
    const state = openState({ kind: 'multiple', question: 'Q', options: ['a', 'b', 'c', 'd'], maxChoices: 2 });
    expect(must(castBallot(state, gov('a'), ['o3', 'o1'], T0)).change.ballot?.keys).toEqual(['o1', 'o3']);
    expectError(castBallot(state, gov('a'), ['o1', 'o2', 'o3'], T0), 'bad_request');
    expectError(castBallot(state, gov('a'), ['o1', 'o1'], T0), 'bad_request');
    const any = openState({ kind: 'multiple', question: 'Q', options: ['a', 'b', 'c'] });
    expect(must(castBallot(any, gov('a'), ['o1', 'o2', 'o3'], T0)).change.ballot?.keys).toHaveLength(3);
  });

  it('POLL5 a rating is a whole number on the scale', () => {
    const state = openState({ kind: 'rating', question: 'Q', scale: { min: 1, max: 5 } });
    expect(must(castBallot(state, gov('a'), 5, T0)).change.ballot?.keys).toEqual(['5']);
    for (const bad of [0, 6, 2.5, '3', Number.NaN] as PollChoice[]) expectError(castBallot(state, gov('a'), bad, T0), 'bad_request');
  });

  it('POLL5 a word-cloud answer is normalised; the same word twice in one ballot counts once', () => {
    const state = openState({ kind: 'text', question: 'One word?', maxEntries: 3 });
    const ballot = must(castBallot(state, gov('a'), ['  Open  Data ', 'open data', 'Trust'], T0)).change.ballot;
    expect(ballot).toMatchObject({ keys: ['open data', 'trust'], spellings: ['Open Data', 'Trust'] });
    expectError(castBallot(state, gov('a'), ['a', 'b', 'c', 'd'], T0), 'bad_request');
    expectError(castBallot(state, gov('a'), '   ', T0), 'bad_request');
    expectError(castBallot(state, gov('a'), 'x'.repeat(41), T0), 'bad_request');
  });

  it('POLL6 one ballot per participant, replaced by a change; withdrawn while open', () => {
    const state = openState(CHOICE);
    vote(state, gov('a'), 'o1');
    vote(state, gov('a'), 'o2');
    expect(Object.keys(state.ballots)).toEqual(['a']);
    expect(state.tallies.overall).toEqual({ ballots: 1, counts: { o2: 1 } });
    applyBallotChange(state, must(withdrawBallot(state, 'a')).change);
    expect(getBallot(state, 'a')).toBeNull();
    expect(state.tallies.overall).toEqual({ ballots: 0, counts: {} });
    expectError(withdrawBallot(state, 'a'), 'not_found');
  });

  it('POLL6 a draft or closed poll takes no ballot and no change', () => {
    const draft = createPollState(must(createPoll('poll1', CHOICE, T0)).poll);
    expectError(castBallot(draft, gov('a'), 'o1', T0), 'conflict');
    const state = openState(CHOICE);
    vote(state, gov('a'), 'o1');
    state.poll = must(closePoll(state.poll, T0 + 5 * MIN)).poll;
    expectError(castBallot(state, gov('a'), 'o2', T0), 'conflict');
    expectError(withdrawBallot(state, 'a'), 'conflict');
  });

  it('POLL7 a changed ballot moves between groups when the voter changed group', () => {
    const state = openState(CHOICE);
    vote(state, gov('a'), 'o1');
    vote(state, civ('a'), 'o1');
    expect(state.tallies.byGroup.government).toEqual({ ballots: 0, counts: {} });
    expect(state.tallies.byGroup['civil-society']).toEqual({ ballots: 1, counts: { o1: 1 } });
  });

  it('POLL7 the change carries the previous ballot, so the tallies move by the difference only', () => {
    const state = openState({ kind: 'multiple', question: 'Q', options: ['a', 'b', 'c'] });
    vote(state, gov('a'), ['o1', 'o2']);
    const change = must(castBallot(state, gov('a'), ['o2', 'o3'], T0)).change;
    expect(change.previous?.keys).toEqual(['o1', 'o2']);
    applyBallotChange(state, change);
    expect(state.tallies.overall.counts).toEqual({ o2: 1, o3: 1 });
  });

  it('POLL11 casting and withdrawing decide without changing the poll state', () => {
    const state = openState(CHOICE);
    vote(state, gov('a'), 'o1');
    const copy = structuredClone(state);
    castBallot(state, gov('a'), 'o2', T0);
    castBallot(state, gov('b'), 'o3', T0);
    withdrawBallot(state, 'a');
    expect(state).toEqual(copy);
  });
});

describe('poll results', () => {
  it('POLL8 bars per option with zeros, overall and for each group that answered', () => {
    const state = openState(CHOICE);
    vote(state, gov('a'), 'o1');
    vote(state, gov('b'), 'o1');
    vote(state, civ('c'), 'o3');
    const results = pollResults(state);
    expect(results.overall).toEqual({
      ballots: 3,
      options: [
        { id: 'o1', label: 'Access', count: 2 },
        { id: 'o2', label: 'Rights', count: 0 },
        { id: 'o3', label: 'Safety', count: 1 },
      ],
      rating: null,
      words: null,
    });
    expect(Object.keys(results.byGroup)).toEqual(['government', 'civil-society']);
    expect(results.byGroup['civil-society']?.options?.map((o) => o.count)).toEqual([0, 0, 1]);
  });

  it('POLL8 a rating shows its average and the distribution over the whole scale', () => {
    const state = openState({ kind: 'rating', question: 'Q', scale: { min: 1, max: 5 } });
    expect(pollResults(state).overall.rating).toEqual({
      average: null,
      distribution: [1, 2, 3, 4, 5].map((value) => ({ value, count: 0 })),
    });
    vote(state, gov('a'), 5);
    vote(state, gov('b'), 4);
    vote(state, civ('c'), 1);
    const { rating } = pollResults(state).overall;
    expect(rating?.average).toBeCloseTo(10 / 3);
    expect(rating?.distribution.map((d) => d.count)).toEqual([1, 0, 0, 1, 1]);
    expect(pollResults(state).byGroup.government?.rating?.average).toBe(4.5);
  });

  it('POLL10 the word cloud shows the top words in their most common spelling', () => {
    const state = openState({ kind: 'text', question: 'One word?' });
    vote(state, gov('a'), 'Open data');
    vote(state, gov('b'), 'open data');
    vote(state, civ('c'), 'OPEN DATA');
    vote(state, civ('d'), 'Open data');
    vote(state, civ('e'), 'Trust');
    expect(pollResults(state, 1).overall.words).toEqual([{ key: 'open data', word: 'Open data', count: 4 }]);
    expect(pollResults(state).byGroup['civil-society']?.words).toEqual([
      { key: 'open data', word: 'Open data', count: 2 },
      { key: 'trust', word: 'Trust', count: 1 },
    ]);
  });
});
