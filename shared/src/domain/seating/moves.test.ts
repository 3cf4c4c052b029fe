import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { measurePlan } from './metrics.js';
import { planSeatingWith } from './planner.js';
import { findRuleViolations } from './rules.js';
import { randomCafe } from '../../../../test/fixtures/seating-arbitraries.js';
import { makePeople, makeTables } from '../../../../test/fixtures/seating.js';
import { TABLE_KINDS, type SeatingInput, type SeatingPlan } from './types.js';

const LOW_EFFORT = 0.05;

const randomCafes = randomCafe({ minRounds: 2, maxPeople: 30, effort: LOW_EFFORT });

/**
 * Cafés where the capacities provably let everyone move: no hosts, T tables of one kind and one
 * capacity, at most T/2 people at a table. Each round's table groups can then be handed to
 * tables none of their members just left (Hall's condition), and who meets whom is unchanged.
 */
const roomyCafe = fc
  .record({
    tableCount: fc.integer({ min: 2, max: 9 }),
    kind: fc.constantFrom(...TABLE_KINDS),
    fill: fc.double({ min: 0, max: 1, noNaN: true }),
    rounds: fc.integer({ min: 2, max: 5 }),
    seed: fc.integer(),
  })
  .map(({ tableCount, kind, fill, rounds, seed }): SeatingInput => {
    const size = Math.floor(tableCount / 2);
    const n = Math.round(fill * tableCount * size);
    const remote = kind === 'remote' ? n : kind === 'hybrid' ? Math.floor(n / 3) : 0;
    const participants = [...makePeople(n - remote, 'in-room', 'i'), ...makePeople(remote, 'remote', 'r')];
    return { participants, tables: makeTables(tableCount, size, kind), rounds, seed, effort: LOW_EFFORT };
  });

/** Swaps of a staying non-host with a same-mode non-host in that round that remove a stay at no cost. */
function freeSwaps(plan: SeatingPlan, input: SeatingInput): string[] {
  const person = new Map(input.participants.map((p) => [p.id, p]));
  const before = measurePlan(plan, input.participants, input.tables);
  const found: string[] = [];
  for (let r = 1; r < plan.rounds.length; r++) {
    const tableOf = (round: number, id: string) => Object.keys(plan.rounds[round]!).find((t) => plan.rounds[round]![t]!.includes(id));
    for (const [tableId, ids] of Object.entries(plan.rounds[r]!)) {
      for (const x of ids) {
        if (person.get(x)!.hostTableId !== undefined || tableOf(r - 1, x) !== tableId) continue;
        for (const [otherTable, others] of Object.entries(plan.rounds[r]!)) {
          if (otherTable === tableId) continue;
          for (const y of others) {
            const py = person.get(y)!;
            if (py.hostTableId !== undefined || py.mode !== person.get(x)!.mode) continue;
            const round = { ...plan.rounds[r]! };
            round[tableId] = ids.map((id) => (id === x ? y : id));
            round[otherTable] = others.map((id) => (id === y ? x : id));
            const swapped = { rounds: plan.rounds.map((seats, k) => (k === r ? round : seats)) };
            const after = measurePlan(swapped, input.participants, input.tables);
            if (after.stays < before.stays && after.repeatedMeetings <= before.repeatedMeetings && after.repeatedPairs <= before.repeatedPairs) {
              found.push(`round ${r + 1}: ${x} ↔ ${y}`);
            }
          }
        }
      }
    }
  }
  return found;
}

describe('SEAT10 non-hosts change table between rounds', () => {
  it('SEAT10 never stays more, and never repeats more meetings or pairs, than the planner without it', () => {
    fc.assert(
      fc.property(randomCafes, (input) => {
        const before = planSeatingWith(input, { moves: false });
        const after = planSeatingWith(input, { moves: true });
        expect(after.ok).toBe(before.ok);
        if (!before.ok || !after.ok) return;
        expect(findRuleViolations(after.plan, input.participants, input.tables)).toEqual([]);
        expect(after.figures.stays).toBeLessThanOrEqual(before.figures.stays);
        expect(after.figures.stays).toBeGreaterThanOrEqual(after.figures.staysLowerBound);
        expect(after.figures.repeatedMeetings).toBeLessThanOrEqual(before.figures.repeatedMeetings);
        expect(after.figures.repeatedPairs).toBeLessThanOrEqual(before.figures.repeatedPairs);
      }),
      { numRuns: 150, seed: 10 },
    );
  });

  it('SEAT10 leaves no stay that one swap could remove without a repeated meeting or pair', () => {
    fc.assert(
      fc.property(randomCafes, (input) => {
        const result = planSeatingWith(input, { moves: true });
        if (!result.ok) return;
        expect(freeSwaps(result.plan, input)).toEqual([]);
      }),
      { numRuns: 60, seed: 11 },
    );
  });

  it('SEAT10 moves everyone but the hosts when the capacities allow it (no hosts, ≤ T/2 at each of T like tables)', () => {
    fc.assert(
      fc.property(roomyCafe, (input) => {
        const result = planSeatingWith(input, { moves: true });
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(result.figures.staysLowerBound).toBe(0);
        expect(result.figures.stays).toBe(0);
        expect(findRuleViolations(result.plan, input.participants, input.tables)).toEqual([]);
      }),
      { numRuns: 100, seed: 12 },
    );
  });

  it('SEAT10 counts stays and proves a lower bound from the seat counts', () => {
    // Two tables of 3 for 3 people: someone must stay at the bigger table each round.
    const participants = makePeople(3);
    const plan = {
      rounds: [
        { t1: ['p1', 'p2'], t2: ['p3'] },
        { t1: ['p1', 'p3'], t2: ['p2'] },
      ],
    };
    const figures = measurePlan(plan, participants, makeTables(2, 3));
    expect(figures.stays).toBe(1);
    expect(figures.staysLowerBound).toBe(1);
    // A host never counts as staying.
    participants[0]!.hostTableId = 't1';
    expect(measurePlan(plan, participants, makeTables(2, 3)).stays).toBe(0);
  });
});
