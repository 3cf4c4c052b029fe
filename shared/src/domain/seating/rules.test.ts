import { describe, expect, it } from 'vitest';
import { describeViolation, findRuleViolations, SEATING_RULE_IDS } from './rules.js';
import type { SeatingParticipant, SeatingTable } from './types.js';

const tables: SeatingTable[] = [
  { id: 'a', kind: 'in-room', capacity: 2 },
  { id: 'b', kind: 'in-room', capacity: 4 },
  { id: 'v', kind: 'remote', capacity: 2 },
];
const people: SeatingParticipant[] = [
  { id: 'h', mode: 'in-room', stakeholderGroup: 'academia', hostTableId: 'a' },
  { id: 'p1', mode: 'in-room', stakeholderGroup: 'academia' },
  { id: 'p2', mode: 'in-room', stakeholderGroup: 'government' },
  { id: 'r1', mode: 'remote', stakeholderGroup: 'other' },
];

describe('findRuleViolations: each broken rule is a value naming where', () => {
  it('finds nothing in a plan that keeps every rule', () => {
    expect(findRuleViolations({ rounds: [{ a: ['h', 'p1'], b: ['p2'], v: ['r1'] }] }, people, tables)).toEqual([]);
  });

  it('names the rule, the round (from 1), the table and the person; the message (as sent to clients) starts with its rule id', () => {
    const violations = findRuleViolations(
      {
        rounds: [
          { a: ['h'], b: ['p1', 'p2'], v: ['r1'] },
          { a: ['p1', 'p2', 'r1'], b: ['p2', 'ghost'], x: [] },
        ],
      },
      people,
      tables,
    );
    expect(violations).toEqual([
      { rule: 'over-capacity', round: 2, tableId: 'a', seated: 3, capacity: 2 },
      { rule: 'wrong-kind', round: 2, participantId: 'r1', mode: 'remote', tableId: 'a', tableKind: 'in-room' },
      { rule: 'seated-twice', round: 2, participantId: 'p2', tableId: 'b', otherTableId: 'a' },
      { rule: 'unknown-participant', round: 2, participantId: 'ghost', tableId: 'b' },
      { rule: 'unknown-table', round: 2, tableId: 'x' },
      { rule: 'unseated', round: 2, participantId: 'h' },
      { rule: 'host-away', round: 2, participantId: 'h', tableId: 'a' },
    ]);
    expect(violations.map(describeViolation)).toEqual([
      'SEAT3 round 2: table a seats 3 of 2',
      'SEAT2 round 2: remote r1 at in-room table a',
      'SEAT9 round 2: p2 sits at a and b',
      'SEAT9 round 2: unknown participant ghost at table b',
      'SEAT9 round 2: unknown table x',
      'SEAT9 round 2: h has no seat',
      'SEAT1 round 2: host h is not at table a',
    ]);
    for (const v of violations) expect(describeViolation(v).startsWith(`${SEATING_RULE_IDS[v.rule]} round ${v.round}: `)).toBe(true);
  });

  it('SEAT4 names the larger and the smaller table of a kind', () => {
    const crowd = [...people, { id: 'p3', mode: 'in-room' as const, stakeholderGroup: 'other' as const }];
    const [uneven, ...rest] = findRuleViolations({ rounds: [{ a: ['h'], b: ['p1', 'p2', 'p3'], v: ['r1'] }] }, crowd, tables);
    expect(rest).toEqual([]);
    expect(uneven).toEqual({ rule: 'uneven', round: 1, kind: 'in-room', tableId: 'b', seated: 3, smallerTableId: 'a', smallerSeated: 1 });
    expect(describeViolation(uneven!)).toBe('SEAT4 round 1: in-room table b has 3, table a has 1');
  });

  it('checks from the round asked for on', () => {
    const plan = {
      rounds: [
        { a: [], b: [], v: [] },
        { a: ['h', 'p1'], b: ['p2'], v: ['r1'] },
      ],
    };
    expect(findRuleViolations(plan, people, tables).length).toBeGreaterThan(0);
    expect(findRuleViolations(plan, people, tables, 1)).toEqual([]);
  });
});
