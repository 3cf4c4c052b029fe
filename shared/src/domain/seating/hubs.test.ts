import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { randomCafe } from '../../../../test/fixtures/seating-arbitraries.js';
import { makePeople, makeTables } from '../../../../test/fixtures/seating.js';
import { seatLateArrival } from './late-arrival.js';
import { measurePlan } from './metrics.js';
import { planSeating } from './planner.js';
import { findRuleViolations } from './rules.js';
import type { SeatingInput, SeatingParticipant, SeatingTable } from './types.js';

const LOW_EFFORT = 0.01;

/** A random café (hosts, hybrid tables) with 1–3 hubs, each with a remote table of its own of any capacity. */
const cafeWithHubs = fc
  .record({
    cafe: randomCafe({ minRounds: 1, maxPeople: 24, effort: LOW_EFFORT }),
    hubs: fc.array(fc.record({ capacity: fc.integer({ min: 1, max: 6 }), present: fc.boolean() }), { minLength: 1, maxLength: 3 }),
  })
  .map(({ cafe, hubs }) => {
    const hubTables: SeatingTable[] = hubs.map((hub, i) => ({ id: `hub-table-${i + 1}`, kind: 'remote', capacity: hub.capacity, hubParticipantId: `hub${i + 1}` }));
    const hubPeople: SeatingParticipant[] = hubs.flatMap((hub, i) =>
      hub.present ? [{ id: `hub${i + 1}`, mode: 'remote' as const, stakeholderGroup: 'civil-society' as const }] : [],
    );
    const withHubs: SeatingInput = { ...cafe, tables: [...cafe.tables, ...hubTables], participants: [...cafe.participants, ...hubPeople] };
    return { withHubs, without: cafe, hubTables, hubPeople };
  });

describe('hubs in the seating plan (SEAT11)', () => {
  it('SEAT11 each hub sits alone at its own table in every round; everyone else exactly once per round, within capacity', () => {
    fc.assert(
      fc.property(cafeWithHubs, ({ withHubs, without, hubTables, hubPeople }) => {
        const result = planSeating(withHubs);
        const plain = planSeating(without);
        // Hubs need no seats of anyone else's: the café plans exactly when it plans without them.
        expect(result.ok).toBe(plain.ok);
        if (!result.ok) return;
        const present = new Set(hubPeople.map((p) => p.id));
        for (const round of result.plan.rounds) {
          for (const table of hubTables) expect(round[table.id]).toEqual(present.has(table.hubParticipantId!) ? [table.hubParticipantId] : []);
          const seen = new Map<string, number>();
          for (const table of withHubs.tables) {
            const ids = round[table.id]!;
            expect(ids.length).toBeLessThanOrEqual(table.capacity);
            for (const id of ids) seen.set(id, (seen.get(id) ?? 0) + 1);
          }
          for (const person of withHubs.participants) expect(seen.get(person.id)).toBe(1);
          expect(seen.size).toBe(withHubs.participants.length);
        }
        expect(findRuleViolations(result.plan, withHubs.participants, withHubs.tables)).toEqual([]);
      }),
      { numRuns: 120, seed: 11 },
    );
  });

  it('SEAT11 the others are planned as if the hubs were not there (same seed, same plan, same figures)', () => {
    fc.assert(
      fc.property(cafeWithHubs, ({ withHubs, without }) => {
        const result = planSeating(withHubs);
        const plain = planSeating(without);
        if (!result.ok || !plain.ok) return;
        const others = result.plan.rounds.map((round) => Object.fromEntries(without.tables.map((t) => [t.id, round[t.id]])));
        expect(others).toEqual(plain.plan.rounds);
        expect(result.figures).toEqual(plain.figures);
      }),
      { numRuns: 60, seed: 12 },
    );
  });

  it('SEAT11 a hub arriving late gets its own table; nobody else late is seated at a hub table', () => {
    fc.assert(
      fc.property(cafeWithHubs, fc.nat(), ({ withHubs, hubTables, hubPeople }, from) => {
        const result = planSeating(withHubs);
        if (!result.ok) return;
        const roundIndex = from % withHubs.rounds;
        const absent = hubTables.find((t) => !hubPeople.some((p) => p.id === t.hubParticipantId));
        if (absent) {
          const hub: SeatingParticipant = { id: absent.hubParticipantId!, mode: 'remote', stakeholderGroup: 'academia' };
          const late = seatLateArrival(result.plan, roundIndex, hub, withHubs.tables);
          expect(late.ok).toBe(true);
          if (late.ok) expect(late.seats).toEqual(Array.from({ length: withHubs.rounds - roundIndex }, () => absent.id));
        }
        const guest: SeatingParticipant = { id: 'late', mode: 'remote', stakeholderGroup: 'other' };
        const late = seatLateArrival(result.plan, roundIndex, guest, withHubs.tables);
        if (late.ok) for (const tableId of late.seats) expect(hubTables.some((t) => t.id === tableId)).toBe(false);
      }),
      { numRuns: 60, seed: 13 },
    );
  });

  it('SEAT11 re-planning with locked rounds keeps hubs at their tables', () => {
    const people = [...makePeople(8), ...makePeople(4, 'remote', 'r'), { id: 'hub1', mode: 'remote' as const, stakeholderGroup: 'government' as const }];
    const tables: SeatingTable[] = [...makeTables(2, 5), ...makeTables(1, 5, 'remote', 'v'), { id: 'h', kind: 'remote', capacity: 1, hubParticipantId: 'hub1' }];
    const first = planSeating({ participants: people, tables, rounds: 3, seed: 4 });
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    const again = planSeating({ participants: people, tables, rounds: 3, seed: 5, lockedRounds: first.plan.rounds.slice(0, 1) });
    expect(again.ok).toBe(true);
    if (!again.ok) return;
    expect(again.plan.rounds[0]).toEqual(first.plan.rounds[0]);
    for (const round of again.plan.rounds) expect(round.h).toEqual(['hub1']);
    expect(findRuleViolations(again.plan, people, tables)).toEqual([]);
  });

  it('SEAT11 refuses a hub with two tables, a hub hosting, and a locked round with a stranger at a hub table', () => {
    const people = [...makePeople(3), { id: 'hub1', mode: 'remote' as const, stakeholderGroup: 'government' as const }];
    const hubTable: SeatingTable = { id: 'h', kind: 'remote', capacity: 1, hubParticipantId: 'hub1' };
    const tables = [...makeTables(1, 4), hubTable];
    const twice = planSeating({ participants: people, tables: [...tables, { ...hubTable, id: 'h2' }], rounds: 2, seed: 1 });
    expect(twice.ok ? null : twice.error.code).toBe('hub-table');
    const hosting = planSeating({ participants: people.map((p) => (p.id === 'hub1' ? { ...p, hostTableId: 't1' } : p)), tables, rounds: 2, seed: 1 });
    expect(hosting.ok ? null : hosting.error.code).toBe('hub-table');
    const stranger = planSeating({ participants: people, tables, rounds: 2, seed: 1, lockedRounds: [{ t1: ['p1', 'p2'], h: ['hub1', 'p3'] }] });
    expect(stranger.ok ? null : stranger.error.code).toBe('invalid-locked-rounds');
  });

  it('SEAT11 findRuleViolations names a stranger at a hub table and a hub away from it; figures leave hubs out', () => {
    const people = [...makePeople(3), { id: 'hub1', mode: 'remote' as const, stakeholderGroup: 'government' as const }];
    const tables: SeatingTable[] = [...makeTables(1, 4), { id: 'h', kind: 'remote', capacity: 4, hubParticipantId: 'hub1' }];
    const violations = findRuleViolations({ rounds: [{ t1: ['p1', 'p2', 'hub1'], h: ['p3'] }] }, people, tables);
    expect(violations.map((v) => v.rule).sort()).toEqual(['hub-away', 'hub-table', 'wrong-kind', 'wrong-kind']);
    const good = { rounds: [{ t1: ['p1', 'p2', 'p3'], h: ['hub1'] }] };
    expect(findRuleViolations(good, people, tables)).toEqual([]);
    expect(measurePlan(good, people, tables)).toEqual(measurePlan({ rounds: [{ t1: ['p1', 'p2', 'p3'] }] }, people.slice(0, 3), tables.slice(0, 1)));
  });

  it('SEAT11 a café of hubs only plans each at its table', () => {
    const hubs: SeatingParticipant[] = [1, 2].map((i) => ({ id: `hub${i}`, mode: 'remote', stakeholderGroup: 'other' }));
    const tables: SeatingTable[] = hubs.map((h, i) => ({ id: `h${i + 1}`, kind: 'remote', capacity: 1, hubParticipantId: h.id }));
    const result = planSeating({ participants: hubs, tables, rounds: 2, seed: 0 });
    expect(result.ok && result.plan.rounds).toEqual([
      { h1: ['hub1'], h2: ['hub2'] },
      { h1: ['hub1'], h2: ['hub2'] },
    ]);
  });
});
