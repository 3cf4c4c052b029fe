import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STAKEHOLDER_GROUPS } from '../words.js';
import { applyBallotChange, castBallot, createPollState, recountTallies, withdrawBallot, type PollState } from './poll-ballots.js';
import { countWithHubs, pollResults, resultsUnder } from './poll-results.js';
import { createPoll, openPoll } from './polls.js';
import { T0, must } from '../../../../test/fixtures/townhall.js';

function openSingle(): PollState {
  return createPollState(must(openPoll(must(createPoll('poll', { kind: 'single', question: 'Which first?', options: ['Access', 'Skills'] }, T0)).poll, T0)).poll);
}

function vote(state: PollState, participantId: string, choice: string, hubHeadcount?: number): void {
  applyBallotChange(state, must(castBallot(state, { participantId, stakeholderGroup: 'academia', hubHeadcount }, choice, T0)).change);
}

describe('poll answers from hubs', () => {
  it('HUB20 a hub counts as one answer, its headcount beside it, never multiplied', () => {
    const state = openSingle();
    vote(state, 'a', 'o1');
    vote(state, 'b', 'o1');
    vote(state, 'c', 'o1');
    vote(state, 'hub', 'o1', 25);
    vote(state, 'd', 'o2');
    const results = pollResults(state);
    expect(results.overall.ballots).toBe(5);
    expect(results.overall.hubs).toEqual({ answers: 1, people: 25 });
    expect(results.overall.options).toEqual([
      { id: 'o1', label: 'Access', count: 4, hubs: { answers: 1, people: 25 } },
      { id: 'o2', label: 'Skills', count: 1 },
    ]);
    expect(results.byGroup.academia?.options?.[0]).toMatchObject({ count: 4, hubs: { answers: 1, people: 25 } });
  });

  it('HUB21 screens write "3 (+ 1 hub of 25 people)"', () => {
    expect(countWithHubs({ count: 4, hubs: { answers: 1, people: 25 } })).toBe('3 (+ 1 hub of 25 people)');
    expect(countWithHubs({ count: 5, hubs: { answers: 2, people: 40 } })).toBe('3 (+ 2 hubs of 40 people)');
    expect(countWithHubs({ count: 3 })).toBe('3');
  });

  it('HUB22 a hub that changes its answer moves its one answer and its people; withdrawn, nothing of it is left', () => {
    const state = openSingle();
    vote(state, 'hub', 'o1', 25);
    vote(state, 'hub', 'o2', 30); // the headcount it declares now
    let options = pollResults(state).overall.options!;
    expect(options[0]).toEqual({ id: 'o1', label: 'Access', count: 0 });
    expect(options[1]).toEqual({ id: 'o2', label: 'Skills', count: 1, hubs: { answers: 1, people: 30 } });
    applyBallotChange(state, must(withdrawBallot(state, 'hub')).change);
    options = pollResults(state).overall.options!;
    expect(options.every((o) => o.count === 0 && o.hubs === undefined)).toBe(true);
    expect(pollResults(state).overall.hubs).toBeUndefined();
  });

  it('HUB23 with hubs and people voting, changing and withdrawing in any order, the tallies equal a recount and counts are never headcounts', () => {
    const step = fc.record({ who: fc.nat(5), hub: fc.boolean(), headcount: fc.integer({ min: 1, max: 2000 }), choice: fc.constantFrom('o1', 'o2'), withdraw: fc.boolean() });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        const state = openSingle();
        for (const s of steps) {
          const id = s.hub ? `hub${s.who}` : `p${s.who}`;
          const result = s.withdraw
            ? withdrawBallot(state, id)
            : castBallot(state, { participantId: id, stakeholderGroup: STAKEHOLDER_GROUPS[s.who] ?? 'other', hubHeadcount: s.hub ? s.headcount : undefined }, s.choice, T0);
          if (result.ok) applyBallotChange(state, result.change);
        }
        expect(state.tallies).toEqual(recountTallies(Object.values(state.ballots)));
        const ballots = Object.values(state.ballots);
        const results = pollResults(state);
        expect(results.overall.ballots).toBe(ballots.length);
        const hubBallots = ballots.filter((b) => b.hubHeadcount !== undefined);
        expect(results.overall.hubs?.answers ?? 0).toBe(hubBallots.length);
        expect(results.overall.hubs?.people ?? 0).toBe(hubBallots.reduce((n, b) => n + b.hubHeadcount!, 0));
        for (const option of results.overall.options!) {
          expect(option.count).toBe(ballots.filter((b) => b.keys.includes(option.id)).length);
        }
      }),
    );
  });

  it('HUB24 under anonymous, fewer than 3 hubs answering are not shown apart per option; 3 or more are', () => {
    const state = openSingle();
    for (const id of ['a', 'b', 'c']) vote(state, id, 'o1');
    vote(state, 'hub1', 'o2', 25);
    const hidden = resultsUnder(pollResults(state), 'anonymous');
    expect(hidden.overall.options).toEqual([
      { id: 'o1', label: 'Access', count: 3 },
      { id: 'o2', label: 'Skills', count: 1 },
    ]);
    expect(hidden.overall.hubs).toEqual({ answers: 1, people: 25 });
    expect(Object.values(hidden.byGroup).every((g) => g.options?.every((o) => o.hubs === undefined))).toBe(true);
    expect(resultsUnder(pollResults(state), 'named').overall.options?.[1]).toMatchObject({ hubs: { answers: 1, people: 25 } });
    vote(state, 'hub2', 'o2', 10);
    vote(state, 'hub3', 'o1', 5);
    expect(resultsUnder(pollResults(state), 'anonymous').overall.options?.[1]).toMatchObject({ count: 2, hubs: { answers: 2, people: 35 } });
  });
});
