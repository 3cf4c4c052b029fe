// Small builders for seating tests and benchmarks: participants and tables with readable ids.
import { STAKEHOLDER_GROUPS, type Mode } from '../words.js';
import type { SeatingParticipant, SeatingTable, TableKind } from './types.js';

/** `count` people of one mode, groups in turn through STAKEHOLDER_GROUPS (or the first `groups`). */
export function makePeople(count: number, mode: Mode = 'in-room', prefix = 'p', groups: number = STAKEHOLDER_GROUPS.length): SeatingParticipant[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `${prefix}${i + 1}`,
    mode,
    stakeholderGroup: STAKEHOLDER_GROUPS[i % groups]!,
  }));
}

export function makeTables(count: number, capacity: number, kind: TableKind = 'in-room', prefix = 't'): SeatingTable[] {
  return Array.from({ length: count }, (_, i) => ({ id: `${prefix}${i + 1}`, kind, capacity }));
}
