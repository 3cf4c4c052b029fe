// Checks a plan against the hard rules. The planner never breaks them; this is for plans edited
// by hand (a facilitator's move) and for tests. A violation is a value: the rule id (SEAT1…, the
// client's `seat.*` key) and the message both follow from its `rule`, never parsed from text.
import type { Mode } from '../words.js';
import { hubOf, hubTables } from './hubs.js';
import type { SeatingParticipant, SeatingPlan, SeatingTable, TableKind } from './types.js';

/** One broken rule in one round (from 1); the ids say where. */
export type SeatingViolation =
  | { rule: 'host-away'; round: number; participantId: string; tableId: string }
  | { rule: 'wrong-kind'; round: number; participantId: string; mode: Mode; tableId: string; tableKind: TableKind }
  | { rule: 'over-capacity'; round: number; tableId: string; seated: number; capacity: number }
  | { rule: 'uneven'; round: number; kind: TableKind; tableId: string; seated: number; smallerTableId: string; smallerSeated: number }
  | { rule: 'unknown-table'; round: number; tableId: string }
  | { rule: 'unknown-participant'; round: number; participantId: string; tableId: string }
  | { rule: 'seated-twice'; round: number; participantId: string; tableId: string; otherTableId: string }
  | { rule: 'unseated'; round: number; participantId: string }
  | { rule: 'hub-away'; round: number; participantId: string; tableId: string }
  | { rule: 'hub-table'; round: number; participantId: string; tableId: string; hubId: string };

export type SeatingRule = SeatingViolation['rule'];

/** The rule ids of docs/seating.md; SEAT9 covers a plan that is not a seating at all. */
export const SEATING_RULE_IDS = {
  'host-away': 'SEAT1',
  'wrong-kind': 'SEAT2',
  'over-capacity': 'SEAT3',
  uneven: 'SEAT4',
  'unknown-table': 'SEAT9',
  'unknown-participant': 'SEAT9',
  'seated-twice': 'SEAT9',
  unseated: 'SEAT9',
  'hub-away': 'SEAT11',
  'hub-table': 'SEAT11',
} as const satisfies Record<SeatingRule, string>;

export type SeatingRuleId = (typeof SEATING_RULE_IDS)[SeatingRule];

/** The violation as one line for people and logs, starting with its rule id. */
export function describeViolation(v: SeatingViolation): string {
  const at = `${SEATING_RULE_IDS[v.rule]} round ${v.round}`;
  switch (v.rule) {
    case 'host-away':
      return `${at}: host ${v.participantId} is not at table ${v.tableId}`;
    case 'wrong-kind':
      return `${at}: ${v.mode} ${v.participantId} at ${v.tableKind} table ${v.tableId}`;
    case 'over-capacity':
      return `${at}: table ${v.tableId} seats ${v.seated} of ${v.capacity}`;
    case 'uneven':
      return `${at}: ${v.kind} table ${v.tableId} has ${v.seated}, table ${v.smallerTableId} has ${v.smallerSeated}`;
    case 'unknown-table':
      return `${at}: unknown table ${v.tableId}`;
    case 'unknown-participant':
      return `${at}: unknown participant ${v.participantId} at table ${v.tableId}`;
    case 'seated-twice':
      return `${at}: ${v.participantId} sits at ${v.otherTableId} and ${v.tableId}`;
    case 'unseated':
      return `${at}: ${v.participantId} has no seat`;
    case 'hub-away':
      return `${at}: hub ${v.participantId} is not at its table ${v.tableId}`;
    case 'hub-table':
      return `${at}: ${v.participantId} sits at hub ${v.hubId}'s table ${v.tableId}`;
    default:
      return v satisfies never;
  }
}

function fits(mode: SeatingParticipant['mode'], kind: TableKind): boolean {
  return kind === 'hybrid' || kind === mode;
}

export function findRuleViolations(plan: SeatingPlan, participants: readonly SeatingParticipant[], tables: readonly SeatingTable[], fromRound = 0): SeatingViolation[] {
  const people = new Map(participants.map((p) => [p.id, p]));
  const tableById = new Map(tables.map((t) => [t.id, t]));
  const hubTableOf = new Map([...hubTables(tables)].map(([tableId, hub]) => [hub, tableId]));
  const violations: SeatingViolation[] = [];
  for (let r = fromRound; r < plan.rounds.length; r++) {
    const round = plan.rounds[r]!;
    const number = r + 1;
    const seatedAt = new Map<string, string>();
    for (const [tableId, ids] of Object.entries(round)) {
      const table = tableById.get(tableId);
      if (!table) {
        violations.push({ rule: 'unknown-table', round: number, tableId });
        continue;
      }
      if (ids.length > table.capacity) violations.push({ rule: 'over-capacity', round: number, tableId, seated: ids.length, capacity: table.capacity });
      const hub = hubOf(table);
      for (const id of ids) {
        const person = people.get(id);
        if (hub !== null && id !== hub) violations.push({ rule: 'hub-table', round: number, participantId: id, tableId, hubId: hub });
        if (!person) violations.push({ rule: 'unknown-participant', round: number, participantId: id, tableId });
        else if (id !== hub && !fits(person.mode, table.kind))
          violations.push({ rule: 'wrong-kind', round: number, participantId: id, mode: person.mode, tableId, tableKind: table.kind });
        const other = seatedAt.get(id);
        if (other !== undefined) violations.push({ rule: 'seated-twice', round: number, participantId: id, tableId, otherTableId: other });
        seatedAt.set(id, tableId);
      }
    }
    for (const person of participants) {
      const at = seatedAt.get(person.id);
      if (at === undefined) violations.push({ rule: 'unseated', round: number, participantId: person.id });
      if (person.hostTableId !== undefined && at !== person.hostTableId) {
        violations.push({ rule: 'host-away', round: number, participantId: person.id, tableId: person.hostTableId });
      }
      const hubTable = hubTableOf.get(person.id);
      if (hubTable !== undefined && at !== hubTable) violations.push({ rule: 'hub-away', round: number, participantId: person.id, tableId: hubTable });
    }
    violations.push(...unevenTables(round, tables, participants, number));
  }
  return violations;
}

/**
 * SEAT4: within a kind, a table two or more above another, when the smaller had room and the
 * larger more than its hosts. Hubs' tables are not compared (SEAT11: one hub each).
 */
function unevenTables(round: Record<string, string[]>, allTables: readonly SeatingTable[], participants: readonly SeatingParticipant[], number: number): SeatingViolation[] {
  const tables = allTables.filter((t) => hubOf(t) === null);
  const hosts = new Map<string, number>();
  for (const p of participants) if (p.hostTableId !== undefined) hosts.set(p.hostTableId, (hosts.get(p.hostTableId) ?? 0) + 1);
  const violations: SeatingViolation[] = [];
  for (const big of tables) {
    const bigSize = round[big.id]?.length ?? 0;
    if (bigSize <= (hosts.get(big.id) ?? 0)) continue;
    for (const small of tables) {
      const smallSize = round[small.id]?.length ?? 0;
      if (small.kind === big.kind && bigSize >= smallSize + 2 && smallSize < small.capacity) {
        violations.push({ rule: 'uneven', round: number, kind: big.kind, tableId: big.id, seated: bigSize, smallerTableId: small.id, smallerSeated: smallSize });
      }
    }
  }
  return violations;
}
