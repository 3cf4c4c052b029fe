// Checks a seating input and turns it into dense indices the search can work on quickly.
import type { RoundSeating, SeatingError, SeatingInput, TableKind } from './types.js';

export const IN_ROOM = 0;
export const REMOTE = 1;
export const KIND_IN_ROOM = 0;
export const KIND_REMOTE = 1;
export const KIND_HYBRID = 2;

/** Upper limit on rounds, to refuse absurd input before allocating for it. */
export const MAX_ROUNDS = 100;

const KIND_INDEX: Record<TableKind, number> = { 'in-room': KIND_IN_ROOM, remote: KIND_REMOTE, hybrid: KIND_HYBRID };

export interface Problem {
  n: number;
  ids: string[];
  /** IN_ROOM or REMOTE per person. */
  mode: Uint8Array;
  /** Dense stakeholder-group index per person. */
  group: Int32Array;
  groupCount: number;
  /** Table index a host must sit at, or -1. */
  hostTable: Int32Array;
  tableIds: string[];
  /** KIND_* per table. */
  kind: Uint8Array;
  capacity: Int32Array;
  /** Host indices per table. */
  hostsAt: number[][];
  rounds: number;
  lockedRounds: RoundSeating[];
}

export type ProblemResult = { ok: true; problem: Problem } | { ok: false; error: SeatingError };

export function fitsKind(mode: number, kind: number): boolean {
  return kind === KIND_HYBRID || (mode === IN_ROOM ? kind === KIND_IN_ROOM : kind === KIND_REMOTE);
}

const fail = (code: SeatingError['code'], message: string): ProblemResult => ({ ok: false, error: { code, message } });

export function buildProblem(input: SeatingInput): ProblemResult {
  const { participants, tables, rounds } = input;
  if (!Number.isInteger(rounds) || rounds < 1 || rounds > MAX_ROUNDS) {
    return fail('invalid-input', `rounds must be a whole number from 1 to ${MAX_ROUNDS}`);
  }
  if (!Number.isFinite(input.seed)) return fail('invalid-input', 'seed must be a finite number');
  if (tables.length === 0) return fail('no-tables', 'there are no tables');

  const tableIndex = new Map<string, number>();
  const kind = new Uint8Array(tables.length);
  const capacity = new Int32Array(tables.length);
  for (const [k, table] of tables.entries()) {
    if (tableIndex.has(table.id)) return fail('duplicate-id', `table ${table.id} appears twice`);
    tableIndex.set(table.id, k);
    const kindIndex = KIND_INDEX[table.kind];
    if (kindIndex === undefined) return fail('invalid-input', `table ${table.id} has an unknown kind`);
    if (!Number.isInteger(table.capacity) || table.capacity < 1) {
      return fail('invalid-input', `table ${table.id} needs a capacity of at least 1`);
    }
    kind[k] = kindIndex;
    capacity[k] = table.capacity;
  }

  const n = participants.length;
  const ids: string[] = [];
  const seen = new Set<string>();
  const mode = new Uint8Array(n);
  const group = new Int32Array(n);
  const hostTable = new Int32Array(n).fill(-1);
  const hostsAt: number[][] = tables.map(() => []);
  const groupIndex = new Map<string, number>();
  for (const [i, person] of participants.entries()) {
    if (seen.has(person.id)) return fail('duplicate-id', `participant ${person.id} appears twice`);
    seen.add(person.id);
    ids.push(person.id);
    if (person.mode !== 'in-room' && person.mode !== 'remote') {
      return fail('invalid-input', `participant ${person.id} has an unknown mode`);
    }
    mode[i] = person.mode === 'in-room' ? IN_ROOM : REMOTE;
    let g = groupIndex.get(person.stakeholderGroup);
    if (g === undefined) groupIndex.set(person.stakeholderGroup, (g = groupIndex.size));
    group[i] = g;
    if (person.hostTableId !== undefined) {
      const k = tableIndex.get(person.hostTableId);
      if (k === undefined) return fail('unknown-table', `host ${person.id} has an unknown table ${person.hostTableId}`);
      if (!fitsKind(mode[i], kind[k]!)) {
        return fail('host-table-kind', `host ${person.id} is ${person.mode} but table ${person.hostTableId} is ${tables[k]!.kind}`);
      }
      hostTable[i] = k;
      hostsAt[k]!.push(i);
    }
  }

  const seatError = checkSeats(
    tables.map((t) => t.id),
    kind,
    capacity,
    hostsAt,
    mode,
    hostTable,
  );
  if (seatError) return { ok: false, error: seatError };

  const lockedRounds = [...(input.lockedRounds ?? [])];
  if (lockedRounds.length > rounds) {
    return fail('invalid-locked-rounds', `${lockedRounds.length} locked rounds but only ${rounds} rounds in the plan`);
  }
  for (const [r, round] of lockedRounds.entries()) {
    for (const tableId of Object.keys(round)) {
      if (!tableIndex.has(tableId)) return fail('invalid-locked-rounds', `locked round ${r + 1} names an unknown table ${tableId}`);
    }
  }

  return {
    ok: true,
    problem: {
      n,
      ids,
      mode,
      group,
      groupCount: groupIndex.size,
      hostTable,
      tableIds: tables.map((t) => t.id),
      kind,
      capacity,
      hostsAt,
      rounds,
      lockedRounds,
    },
  };
}

/** Hall's condition for two kinds of people sharing hybrid seats, after hosts took theirs. */
function checkSeats(tableIds: string[], kind: Uint8Array, capacity: Int32Array, hostsAt: number[][], mode: Uint8Array, hostTable: Int32Array): SeatingError | null {
  const free = [0, 0, 0];
  for (let k = 0; k < kind.length; k++) {
    const left = capacity[k]! - hostsAt[k]!.length;
    if (left < 0) return { code: 'host-table-full', message: `table ${tableIds[k]} has more hosts than seats` };
    free[kind[k]!]! += left;
  }
  let inRoom = 0;
  let remote = 0;
  for (let i = 0; i < mode.length; i++) {
    if (hostTable[i] !== -1) continue;
    if (mode[i] === IN_ROOM) inRoom++;
    else remote++;
  }
  const [freeIn, freeRemote, freeHybrid] = free as [number, number, number];
  if (inRoom > freeIn + freeHybrid) {
    return { code: 'not-enough-seats', message: `${inRoom} people in the room but only ${freeIn + freeHybrid} free in-room or hybrid seats` };
  }
  if (remote > freeRemote + freeHybrid) {
    return { code: 'not-enough-seats', message: `${remote} remote people but only ${freeRemote + freeHybrid} free remote or hybrid seats` };
  }
  if (inRoom + remote > freeIn + freeRemote + freeHybrid) {
    return { code: 'not-enough-seats', message: `${inRoom + remote} people but only ${freeIn + freeRemote + freeHybrid} free seats` };
  }
  return null;
}
