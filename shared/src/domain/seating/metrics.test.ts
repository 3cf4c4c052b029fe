import { describe, expect, it } from 'vitest';
import { countingBound, hostPairs } from './bounds.js';
import { measurePlan } from './metrics.js';
import type { SeatingParticipant, SeatingTable } from './types.js';

const people: SeatingParticipant[] = [
  { id: 'a', mode: 'in-room', stakeholderGroup: 'government' },
  { id: 'b', mode: 'in-room', stakeholderGroup: 'academia' },
  { id: 'c', mode: 'remote', stakeholderGroup: 'government' },
  { id: 'd', mode: 'remote', stakeholderGroup: 'academia' },
];
const tables: SeatingTable[] = [
  { id: 'x', kind: 'hybrid', capacity: 2 },
  { id: 'y', kind: 'hybrid', capacity: 2 },
];

describe('measurePlan', () => {
  it('SEAT5 counts pairs that meet again, and meetings beyond the first', () => {
    const plan = {
      rounds: [
        { x: ['a', 'b'], y: ['c', 'd'] },
        { x: ['a', 'b'], y: ['c', 'd'] },
        { x: ['a', 'b'], y: ['c', 'd'] },
      ],
    };
    const figures = measurePlan(plan, people, tables);
    expect(figures.repeatedPairs).toBe(2);
    expect(figures.repeatedMeetings).toBe(4);
  });

  it('SEAT6 scores a table 1 when fully mixed and 0 when one group holds it while others exist', () => {
    const mixed = measurePlan({ rounds: [{ x: ['a', 'b'], y: ['c', 'd'] }] }, people, tables);
    expect(mixed.diversity).toBe(1);
    const split = measurePlan({ rounds: [{ x: ['a', 'c'], y: ['b', 'd'] }] }, people, tables);
    expect(split.diversity).toBe(0);
    expect(split.diversityByRound[0]!.map((t) => t.diversity)).toEqual([0, 0]);
  });

  it('SEAT6 judges a table against what the room allows: one group only is as mixed as it gets', () => {
    const same = people.map((p) => ({ ...p, stakeholderGroup: 'other' as const }));
    expect(measurePlan({ rounds: [{ x: ['a', 'b'], y: ['c', 'd'] }] }, same, tables).diversity).toBe(1);
  });

  it('SEAT7 reports the in-room / remote mix at hybrid tables', () => {
    const figures = measurePlan({ rounds: [{ x: ['a', 'c'], y: ['b', 'd'] }] }, people, tables);
    expect(figures.hybridMixByRound).toEqual([
      [
        { tableId: 'x', inRoom: 1, remote: 1 },
        { tableId: 'y', inRoom: 1, remote: 1 },
      ],
    ]);
  });
});

describe('lower bounds', () => {
  it('SEAT5 proves nothing while pairs to seat do not exceed distinct pairs', () => {
    // Kirkman: 7 rounds × 5 tables × 3 pairs = 105 = C(15, 2).
    const mixes = Array.from({ length: 35 }, () => ({ inRoom: 3, remote: 0 }));
    expect(countingBound(mixes, 15, 0, 7)).toEqual({ meetings: 0, pairs: 0 });
  });

  it('SEAT5 counts each class of pair apart: in-room, remote and mixed', () => {
    // Two rounds of one in-room table of 3 when only 3 in-room people exist: 6 pairs seated, 3 distinct.
    expect(
      countingBound(
        [
          { inRoom: 3, remote: 0 },
          { inRoom: 3, remote: 0 },
        ],
        3,
        5,
        2,
      ),
    ).toEqual({ meetings: 3, pairs: 3 });
  });

  it('SEAT1 hosts of one table meet every round', () => {
    expect(hostPairs([2, 0, 3], 3)).toEqual({ meetings: 8, pairs: 4 });
    expect(hostPairs([2], 1)).toEqual({ meetings: 0, pairs: 0 });
  });
});
