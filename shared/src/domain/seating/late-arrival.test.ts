import { describe, expect, it } from 'vitest';
import { removeFromPlan, seatLateArrival } from './late-arrival.js';
import type { SeatingPlan, SeatingTable } from './types.js';

const tables: SeatingTable[] = [
  { id: 'a', kind: 'in-room', capacity: 3 },
  { id: 'b', kind: 'in-room', capacity: 3 },
  { id: 'v', kind: 'remote', capacity: 3 },
];
const plan: SeatingPlan = {
  rounds: [
    { a: ['p1', 'p2', 'p3'], b: ['p4', 'p5'], v: ['r1'] },
    { a: ['p1', 'p4'], b: ['p2', 'p3', 'p5'], v: ['r1'] },
    { a: ['p1', 'p5'], b: ['p2', 'p4'], v: ['r1'] },
  ],
};

describe('seatLateArrival', () => {
  it('seats a late arrival at the least full fitting table from the current round on, moving nobody', () => {
    const result = seatLateArrival(plan, 1, { id: 'late', mode: 'in-room', stakeholderGroup: 'academia' }, tables);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.plan.rounds[0]).toEqual(plan.rounds[0]);
    expect(result.plan.rounds[1]).toEqual({ a: ['p1', 'p4', 'late'], b: ['p2', 'p3', 'p5'], v: ['r1'] });
    // Round 3: a (p1, p5) and b (p2, p4) each hold one person met in round 2: the tie goes to the first table.
    expect(result.seats).toEqual(['a', 'a']);
    expect(plan.rounds[1]!.a).toEqual(['p1', 'p4']); // the input is not changed
  });

  it('SEAT5 prefers, in later rounds, a table of people not met yet', () => {
    const result = seatLateArrival(plan, 0, { id: 'late', mode: 'in-room', stakeholderGroup: 'academia' }, tables);
    // Round 1: b (p4, p5) is least full. Round 2: b is full, so a (p1, p4).
    // Round 3: a (p1, p5) would repeat two meetings, b (p2, p4) one.
    expect(result.ok && result.seats).toEqual(['b', 'a', 'b']);
  });

  it('SEAT2 seats remote people at remote or hybrid tables only', () => {
    const result = seatLateArrival(plan, 2, { id: 'r2', mode: 'remote', stakeholderGroup: 'other' }, tables);
    expect(result.ok && result.seats).toEqual(['v']);
  });

  it('SEAT1 seats a late host at their own table, or fails if it is full', () => {
    const host = { id: 'h', mode: 'in-room' as const, stakeholderGroup: 'government' as const, hostTableId: 'b' };
    expect(seatLateArrival(plan, 2, host, tables)).toMatchObject({ ok: true, seats: ['b'] });
    const full = seatLateArrival(plan, 1, host, tables);
    expect(full.ok ? 'ok' : full.error.code).toBe('no-seat');
  });

  it('SEAT3 fails without changing anything when no seat is free', () => {
    const packed: SeatingPlan = { rounds: [{ a: ['p1', 'p2', 'p3'], b: ['p4', 'p5', 'p6'], v: [] }] };
    const result = seatLateArrival(packed, 0, { id: 'late', mode: 'in-room', stakeholderGroup: 'academia' }, tables);
    expect(result.ok ? 'ok' : result.error.code).toBe('no-seat');
  });

  it('refuses someone who already has a seat', () => {
    const result = seatLateArrival(plan, 0, { id: 'p1', mode: 'in-room', stakeholderGroup: 'academia' }, tables);
    expect(result.ok ? 'ok' : result.error.code).toBe('duplicate-id');
  });
});

describe('removeFromPlan', () => {
  it('frees a leaver’s seats from a round on and keeps earlier rounds', () => {
    const result = removeFromPlan(plan, 'p4', 1);
    expect(result.rounds[0]).toBe(plan.rounds[0]);
    expect(result.rounds[1]).toEqual({ a: ['p1'], b: ['p2', 'p3', 'p5'], v: ['r1'] });
    expect(result.rounds[2]).toEqual({ a: ['p1', 'p5'], b: ['p2'], v: ['r1'] });
  });
});
