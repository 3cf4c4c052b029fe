import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findRuleViolations } from '../seating/rules.js';
import { MODES, STAKEHOLDER_GROUPS } from '../words.js';
import { decideLock, decideMove, decidePlan, type SeatingState } from './plan-decisions.js';
import { seatingParticipants, type CafeTable, type PersonForSeating } from './setup.js';
import { ended, NOT_STARTED, person, rounds, running, table } from '../../../../test/fixtures/cafe.js';

const tables = [table('a', 'in-room', 3, 'h'), table('b', 'in-room', 3), table('v', 'remote', 3)];
const people = [person('h', 'in-room', 'host'), person('p1'), person('p2'), person('p3'), person('r1', 'remote'), person('obs', 'in-room', 'observer')];
const seating = {
  rounds: [
    { a: ['h', 'p1'], b: ['p2', 'p3'], v: ['r1'] },
    { a: ['h', 'p2'], b: ['p1', 'p3'], v: ['r1'] },
  ],
};
const state = (overrides: Partial<SeatingState> = {}): SeatingState => ({
  tables,
  rounds: rounds(2),
  run: NOT_STARTED,
  plan: { plan: seating, locked: false },
  people,
  ...overrides,
});

describe('decidePlan: when the server may plan the seating', () => {
  it('plans every seated person (staff and observers are not) with the seed given', () => {
    const result = decidePlan(state({ plan: null }), 7);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.seed).toBe(7);
    expect(result.plan.rounds).toHaveLength(2);
    expect(findRuleViolations(result.plan, seatingParticipants(people, tables), tables)).toEqual([]);
    expect(result.plan.rounds.flatMap((r) => Object.values(r).flat())).not.toContain('obs');
    expect(decidePlan(state({ plan: null }), 7)).toEqual(result);
  });

  it('refuses once started, with a locked plan, without rounds or without tables', () => {
    const refusal = (s: SeatingState) => {
      const result = decidePlan(s, 1);
      return result.ok ? null : result.error;
    };
    expect(refusal(state({ run: ended(1) }))).toEqual({
      code: 'conflict',
      message: 'The café has started: move people by hand instead of planning again',
      reason: 'cafe.startedMoveInstead',
    });
    expect(refusal(state({ plan: { plan: seating, locked: true } }))).toEqual({
      code: 'conflict',
      message: 'The seating plan is locked; unlock it to plan again',
      reason: 'cafe.planLocked',
    });
    expect(refusal(state({ rounds: [] }))).toEqual({ code: 'conflict', message: 'Add the rounds before planning the seating', reason: 'cafe.noRoundsToPlan' });
    expect(refusal(state({ tables: [] }))).toEqual({ code: 'conflict', message: 'Add tables before planning the seating', reason: 'cafe.noTablesToPlan' });
  });

  it("passes the planner's refusal on under `seating.`", () => {
    const result = decidePlan(state({ tables: [table('a', 'in-room', 1)], people: [person('p1'), person('p2')] }), 1);
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict', reason: 'seating.not-enough-seats' } });
  });
});

describe('decideMove: a facilitator moves one person in one round', () => {
  it('moves the person, nobody else, and measures the new plan', () => {
    const result = decideMove(state({ tables: [...tables, table('c', 'in-room', 3)] }), { participantId: 'p3', round: 2, tableId: 'c' });
    expect(result).toMatchObject({ ok: true, plan: { rounds: [seating.rounds[0], { a: ['h', 'p2'], b: ['p1'], c: ['p3'], v: ['r1'] }] } });
    expect(result.ok && result.figures).toBeTruthy();
  });

  it('refuses without a plan, with a locked one, or past its rounds', () => {
    expect(decideMove(state({ plan: null }), { participantId: 'p1', round: 1, tableId: 'b' })).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'There is no seating plan yet', reason: 'cafe.noPlan' },
    });
    expect(decideMove(state({ plan: { plan: seating, locked: true } }), { participantId: 'p1', round: 1, tableId: 'b' })).toMatchObject({
      ok: false,
      error: { reason: 'cafe.planLocked' },
    });
    expect(decideMove(state(), { participantId: 'p1', round: 3, tableId: 'b' })).toEqual({ ok: false, error: { code: 'not_found', message: 'The plan has 2 rounds' } });
  });

  it('CAFE5 refuses a round already held; between rounds the next one may still change', () => {
    expect(decideMove(state({ run: running(2) }), { participantId: 'p1', round: 1, tableId: 'b' })).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'Round 1 has already been held', reason: 'cafe.roundHeld', params: { round: 1 } },
    });
    expect(decideMove(state({ run: ended(2) }), { participantId: 'p1', round: 2, tableId: 'a' })).toMatchObject({ ok: false, error: { reason: 'cafe.roundHeld' } });
    expect(decideMove(state({ run: ended(1) }), { participantId: 'p2', round: 2, tableId: 'b' })).toMatchObject({ ok: false, error: { reason: 'seat.SEAT4' } });
  });

  it('refuses an unknown table or a person who is not seated', () => {
    expect(decideMove(state(), { participantId: 'p1', round: 1, tableId: 'zzz' })).toEqual({ ok: false, error: { code: 'not_found', message: 'No such table in this café' } });
    expect(decideMove(state(), { participantId: 'obs', round: 1, tableId: 'b' })).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'This person is not seated in the café' },
    });
  });

  it('refuses a move that breaks a rule, with the rule as the reason and in the message', () => {
    expect(decideMove(state(), { participantId: 'r1', round: 1, tableId: 'b' })).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'That move breaks a seating rule: SEAT2 round 1: remote r1 at in-room table b', reason: 'seat.SEAT2' },
    });
    const small = [table('a', 'in-room', 3, 'h'), table('b', 'in-room', 2), table('v', 'remote', 3)];
    expect(decideMove(state({ tables: small }), { participantId: 'p1', round: 1, tableId: 'b' })).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'That move breaks a seating rule: SEAT3 round 1: table b seats 3 of 2', reason: 'seat.SEAT3' },
    });
    const roomy = [table('a', 'in-room', 5, 'h'), table('b', 'in-room', 5), table('v', 'remote', 3)];
    expect(decideMove(state({ tables: roomy }), { participantId: 'h', round: 2, tableId: 'b' })).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'That move breaks a seating rule: SEAT1 round 1: host h is not at table a', reason: 'seat.SEAT1' },
    });
  });

  it("property: a move never yields a plan that breaks a rule, a lock, a held round or anyone else's seat", () => {
    const cafe = fc.record({
      specs: fc.array(
        fc.record({ kind: fc.constantFrom('in-room' as const, 'remote' as const, 'hybrid' as const), capacity: fc.integer({ min: 1, max: 5 }), host: fc.boolean() }),
        { minLength: 1, maxLength: 5 },
      ),
      modes: fc.array(fc.constantFrom(...MODES), { minLength: 1, maxLength: 14 }),
      roundCount: fc.integer({ min: 1, max: 3 }),
      seed: fc.nat(),
      locked: fc.boolean(),
      held: fc.integer({ min: 0, max: 3 }),
      move: fc.record({ who: fc.nat(), round: fc.integer({ min: 1, max: 3 }), where: fc.nat() }),
    });
    fc.assert(
      fc.property(cafe, ({ specs, modes, roundCount, seed, locked, held, move }) => {
        const crowd: PersonForSeating[] = modes.map((mode, i) => ({
          id: `p${i}`,
          mode,
          role: 'participant',
          stakeholderGroup: STAKEHOLDER_GROUPS[i % STAKEHOLDER_GROUPS.length]!,
        }));
        // A table's host: the first person not hosting yet whose mode fits it.
        const cafeTables: CafeTable[] = [];
        for (const [k, spec] of specs.entries()) {
          const host = spec.host ? crowd.find((p) => p.role === 'participant' && (spec.kind === 'hybrid' || spec.kind === p.mode)) : undefined;
          if (host) host.role = 'host';
          cafeTables.push(table(`t${k}`, spec.kind, spec.capacity, host?.id ?? null));
        }
        const planned = decidePlan({ tables: cafeTables, rounds: rounds(roundCount), run: NOT_STARTED, plan: null, people: crowd }, seed);
        if (!planned.ok) return;
        const before = structuredClone(planned.plan);
        const run = held === 0 ? NOT_STARTED : ended(Math.min(held, roundCount));
        const input = { participantId: crowd[move.who % crowd.length]!.id, round: move.round, tableId: cafeTables[move.where % cafeTables.length]!.id };
        const result = decideMove({ tables: cafeTables, rounds: rounds(roundCount), run, plan: { plan: planned.plan, locked }, people: crowd }, input);
        expect(planned.plan).toEqual(before);
        if (!result.ok) {
          const { message, reason } = result.error;
          if (reason?.startsWith('seat.')) expect(message).toContain(`rule: ${reason.slice('seat.'.length)} round 1: `);
          return;
        }
        expect(locked).toBe(false);
        expect(input.round).toBeLessThanOrEqual(roundCount);
        if (held > 0) expect(input.round).toBeGreaterThan(Math.min(held, roundCount));
        const seated = seatingParticipants(crowd, cafeTables);
        expect(findRuleViolations(result.plan, seated, cafeTables, input.round - 1).filter((v) => v.round === input.round)).toEqual([]);
        result.plan.rounds.forEach((seatingOfRound, r) => {
          if (r !== input.round - 1) return expect(seatingOfRound).toEqual(planned.plan.rounds[r]);
          expect(seatingOfRound[input.tableId]).toContain(input.participantId);
          for (const t of cafeTables) {
            expect((seatingOfRound[t.id] ?? []).length).toBeLessThanOrEqual(t.capacity);
            for (const id of planned.plan.rounds[r]![t.id] ?? []) if (id !== input.participantId) expect(seatingOfRound[t.id]).toContain(id);
          }
        });
      }),
      { numRuns: 100 },
    );
  }, 60_000);
});

describe('decideLock: the plan is locked or unlocked', () => {
  it('keeps everything but the lock', () => {
    const stored = { seed: 3, plan: seating, locked: false, createdAt: 9 };
    expect(decideLock(stored, true)).toEqual({ ok: true, plan: { ...stored, locked: true } });
    expect(decideLock({ ...stored, locked: true }, false)).toEqual({ ok: true, plan: stored });
  });

  it('refuses without a plan', () => {
    expect(decideLock(null, true)).toEqual({ ok: false, error: { code: 'conflict', message: 'There is no seating plan to lock', reason: 'cafe.noPlan' } });
  });
});
