import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STAKEHOLDER_GROUPS } from '../words.js';
import { applyBallotChange, castBallot, createPollState, recountTallies, withdrawBallot, type PollChoice, type PollState } from './poll-ballots.js';
import { pollResults, resultsUnder, type PollResults, type ResultSummary } from './poll-results.js';
import { createPoll, openPoll, type PollInput } from './polls.js';
import { T0, must } from '../../../../test/fixtures/townhall.js';

const POLLS: Record<string, PollInput> = {
  single: { kind: 'single', question: 'Q', options: ['a', 'b', 'c'] },
  multiple: { kind: 'multiple', question: 'Q', options: ['a', 'b', 'c', 'd'], maxChoices: 3 },
  rating: { kind: 'rating', question: 'Q', scale: { min: 1, max: 5 } },
  text: { kind: 'text', question: 'Q', maxEntries: 3 },
};

const optionId = fc.constantFrom('o1', 'o2', 'o3', 'o4', 'o9'); // o9 and o4 are not always options
const word = fc.constantFrom('Data', 'data', ' DATA ', 'Trust', 'trust', 'Straße', 'STRASSE', 'ｄａｔａ', '__proto__', 'constructor', '');
const choiceArb: fc.Arbitrary<PollChoice> = fc.oneof(optionId, fc.array(optionId, { maxLength: 4 }), fc.integer({ min: 0, max: 6 }), word, fc.array(word, { maxLength: 4 }));

type Step = { kind: 'vote'; who: number; group: number; choice: PollChoice } | { kind: 'withdraw'; who: number };
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('vote' as const), who: fc.nat(7), group: fc.nat(STAKEHOLDER_GROUPS.length - 1), choice: choiceArb }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('withdraw' as const), who: fc.nat(7) }) },
);

function run(input: PollInput, steps: readonly Step[]): PollState {
  const state = createPollState(must(openPoll(must(createPoll('poll', input, T0)).poll, T0)).poll);
  for (const step of steps) {
    const participantId = `p${step.who}`;
    const result =
      step.kind === 'vote'
        ? castBallot(state, { participantId, stakeholderGroup: STAKEHOLDER_GROUPS[step.group] ?? 'other' }, step.choice, T0)
        : withdrawBallot(state, participantId);
    if (result.ok) applyBallotChange(state, result.change);
  }
  return state;
}

describe('poll tally properties', () => {
  it('POLL7 after any votes, changed votes and withdrawals the tallies equal a recount of the final ballots', () => {
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(POLLS)), fc.array(stepArb, { maxLength: 80 }), (kind, steps) => {
        const state = run(POLLS[kind] as PollInput, steps);
        expect(state.tallies).toEqual(recountTallies(Object.values(state.ballots)));
        expect(state.tallies.overall.ballots).toBe(Object.keys(state.ballots).length);
      }),
      { numRuns: 300 },
    );
  });

  it('POLL7 the tallies by group sum to the overall tally', () => {
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(POLLS)), fc.array(stepArb, { maxLength: 80 }), (kind, steps) => {
        const { tallies } = run(POLLS[kind] as PollInput, steps);
        const groups = STAKEHOLDER_GROUPS.map((g) => tallies.byGroup[g]);
        expect(groups.reduce((sum, t) => sum + t.ballots, 0)).toBe(tallies.overall.ballots);
        const summed = new Map<string, number>(); // a Map: '__proto__' is one of the words
        for (const tally of groups) for (const [key, n] of Object.entries(tally.counts)) summed.set(key, (summed.get(key) ?? 0) + n);
        expect([...summed].sort()).toEqual(Object.entries(tallies.overall.counts).sort());
      }),
      { numRuns: 300 },
    );
  });

  it('POLL7 POLL8 a single-choice poll counts each ballot once: option counts sum to the ballots', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 80 }), (steps) => {
        const state = run(POLLS['single'] as PollInput, steps);
        const results = pollResults(state);
        expect(results.overall.options?.reduce((sum, o) => sum + o.count, 0)).toBe(results.overall.ballots);
      }),
    );
  });

  it('POLL10 the word shown does not depend on the order the votes came in', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 40 }), (steps) => {
        const forward = run(POLLS['text'] as PollInput, steps);
        const votes = Object.values(forward.ballots);
        const replay = createPollState(forward.poll);
        for (const ballot of votes.reverse()) applyBallotChange(replay, { pollId: 'poll', participantId: ballot.participantId, previous: null, ballot });
        expect(pollResults(replay).overall.words).toEqual(pollResults(forward).overall.words);
      }),
    );
  });
});

describe('POLL13 results under the attribution', () => {
  const results: PollResults = {
    pollId: 'p',
    overall: { ballots: 8 } as ResultSummary,
    byGroup: { academia: { ballots: 3 } as ResultSummary, government: { ballots: 1 } as ResultSummary, other: { ballots: 4 } as ResultSummary },
  };
  it('POLL13 under anonymous, groups with fewer than 3 answers leave the breakdown, and the smallest other group with them so the overall gives none back; the overall stays', () => {
    const shown = resultsUnder(results, 'anonymous');
    expect(Object.keys(shown.byGroup)).toEqual(['other']);
    expect(shown.overall.ballots).toBe(8);
  });
  it("POLL13 overall 4 answers, Academia 3, Government 1: Academia leaves the breakdown too, so Government's answer cannot be worked out", () => {
    const four: PollResults = {
      pollId: 'p',
      overall: { ballots: 4 } as ResultSummary,
      byGroup: { academia: { ballots: 3 } as ResultSummary, government: { ballots: 1 } as ResultSummary },
    };
    expect(resultsUnder(four, 'anonymous').byGroup).toEqual({});
  });
  it('POLL13 named and group sessions see every group', () => {
    expect(resultsUnder(results, 'group')).toBe(results);
    expect(resultsUnder(results, 'named')).toBe(results);
  });
  it("POLL13 every yes/no poll with up to 4 answers in each of three groups: for each option, no left-out group's count can be worked out from the overall and the shown groups", () => {
    // A reader sees each option's overall count and the shown groups' counts (a left-out group
    // is missing from the breakdown, like a group without answers). Group the possible polls
    // by what the reader sees: a left-out group's count for an option must differ between two of
    // them, unless it is 0 (then the pool of left-out groups, 3 answers or more, gave that option nothing).
    const groups = ['government', 'academia', 'other'] as const;
    const per: [number, number][] = [];
    for (let yes = 0; yes <= 4; yes++) for (let no = 0; yes + no <= 4; no++) per.push([yes, no]);
    const seen = new Map<string, Map<string, Set<number>>>();
    const tables: { key: string; table: [number, number][] }[] = [];
    for (const a of per)
      for (const b of per)
        for (const c of per) {
          const table = [a, b, c];
          const summary = (yes: number, no: number) => ({
            ballots: yes + no,
            options: [
              { id: 'yes', label: 'Yes', count: yes },
              { id: 'no', label: 'No', count: no },
            ],
            rating: null,
            words: null,
          });
          const byGroup: PollResults['byGroup'] = {};
          groups.forEach((g, i) => {
            if (table[i]![0] + table[i]![1] > 0) byGroup[g] = summary(...table[i]!);
          });
          const overall = summary(a[0] + b[0] + c[0], a[1] + b[1] + c[1]);
          const shown = resultsUnder({ pollId: 'p', overall, byGroup }, 'anonymous').byGroup;
          const key = JSON.stringify([overall.options, groups.map((g) => shown[g]?.options ?? null)]);
          tables.push({ key, table });
          const cells = seen.get(key) ?? new Map<string, Set<number>>();
          seen.set(key, cells);
          groups.forEach((g, i) => {
            if (shown[g]) return;
            for (const [o, option] of ['yes', 'no'].entries()) cells.set(`${g}.${option}`, (cells.get(`${g}.${option}`) ?? new Set<number>()).add(table[i]![o]!));
          });
        }
    for (const { key, table } of tables) {
      for (const [cell, values] of seen.get(key)!) {
        const [g, option] = cell.split('.') as [string, string];
        const value = table[groups.indexOf(g as (typeof groups)[number])]![option === 'yes' ? 0 : 1];
        if (value > 0 && values.size < 2) expect.fail(`${key}: ${cell} is always ${value}`);
      }
    }
  });
});
