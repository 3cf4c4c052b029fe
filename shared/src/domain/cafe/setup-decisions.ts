// The café's set-up rules: which tables and rounds a facilitator may set, and when. Each
// decision takes the stored state and the request and returns the change or the refusal;
// the server loads, decides, stores and announces (docs/spec.md).
import type { SeatingPlan } from '../seating/types.js';
import type { Mode, Role } from '../words.js';
import { badRequest, conflict, notFound, type CafeResult } from './result.js';
import type { CafeRun } from './run.js';
import { seatingParticipants, suggestTables, type CafeRound, type CafeTable, type PersonForSeating } from './setup.js';

/** The plan as the set-up rules need it. */
export interface PlanState {
  plan: SeatingPlan;
  locked: boolean;
}

/** A table as the facilitator sends it: without an id it is a new table. */
export type TableInput = Omit<CafeTable, 'id' | 'hubParticipantId'> & { id?: string | undefined };

/** A member of the session who may be named a table's host. */
export interface HostCandidate {
  role: Role;
  mode: Mode;
  removedAt: number | null;
}

export interface TablesState {
  /** The ids of the café's tables now. */
  tableIds: ReadonlySet<string>;
  /** The session's members named as hosts in the request, by id; absent: not in this session. */
  people: ReadonlyMap<string, HostCandidate>;
}

/**
 * The whole list of tables, as sent: known ids, one table per host, hosts who are in the
 * session, seated, and in a mode their table's kind takes (SEAT1–SEAT2). `promoted` are the
 * participants who become hosts by it.
 */
export function decideSetTables(state: TablesState, tables: readonly TableInput[]): CafeResult<{ promoted: string[] }> {
  const hosts = new Set<string>();
  const promoted: string[] = [];
  for (const table of tables) {
    if (table.id && !state.tableIds.has(table.id)) return badRequest(`No table ${table.id} in this café; leave the id out for a new table`);
    if (!table.hostParticipantId) continue;
    if (hosts.has(table.hostParticipantId)) return badRequest('A person can host only one table');
    hosts.add(table.hostParticipantId);
    const host = state.people.get(table.hostParticipantId);
    if (!host || host.removedAt !== null) return notFound('The table host is not in this session');
    if (host.role !== 'host' && host.role !== 'participant') return conflict(`A ${host.role} cannot host a table`, 'roleCannotHost');
    if (host.mode === 'in-room' ? table.kind === 'remote' : table.kind === 'in-room') {
      return conflict(`An ${host.mode} host cannot host an ${table.kind} table`, 'hostModeMismatch');
    }
    if (host.role === 'participant') promoted.push(table.hostParticipantId);
  }
  return { ok: true, promoted };
}

/** "Make tables of about N" for the people here who sit at tables (ids are the server's to give). */
export function decideMakeTables(online: readonly PersonForSeating[], tableSize: number): CafeResult<{ tables: Omit<CafeTable, 'id'>[] }> {
  const here = seatingParticipants(online, []);
  if (here.length === 0) return conflict('Nobody is here yet to make tables for', 'nobodyHere');
  const counts = { 'in-room': here.filter((p) => p.mode === 'in-room').length, remote: here.filter((p) => p.mode === 'remote').length };
  return { ok: true, tables: suggestTables(counts, tableSize) };
}

export interface ReplaceTablesState {
  run: CafeRun;
  plan: PlanState | null;
  tables: readonly CafeTable[];
}

/**
 * New tables in place of the old. Before the café starts they may change freely unless the
 * plan is locked, and the plan (which no longer fits) goes; once it runs, the plan is in use:
 * tables may be renamed, resized or get a video link, nothing that unseats anyone.
 */
export function decideReplaceTables(state: ReplaceTablesState, tables: readonly CafeTable[]): CafeResult<{ deletePlan: boolean }> {
  if (state.run.round > 0) {
    if (!sameSeatingShape(state.tables, tables)) {
      return conflict('The café has started: tables can be renamed or get a new capacity or video link, but not be added, removed, or change kind or host', 'tablesFixed');
    }
    const seatedMost = maxSeated(state.plan?.plan.rounds ?? []);
    const tooSmall = tables.find((t) => t.capacity < (seatedMost.get(t.id) ?? 0));
    if (tooSmall) return conflict(`Table ${tooSmall.label} already has more people planned than that capacity`, 'capacityTooSmall', { table: tooSmall.label });
    return { ok: true, deletePlan: false };
  }
  if (state.plan?.locked) return conflict('The seating plan is locked; unlock it before changing tables', 'planLocked');
  return { ok: true, deletePlan: state.plan !== null };
}

export interface RoundsState {
  run: CafeRun;
  plan: PlanState | null;
  rounds: readonly CafeRound[];
}

export interface RoundInput {
  question: string;
  durationMinutes: number;
}

/**
 * The rounds, numbered from 1. Once the café runs their number is fixed; before, a new number
 * of rounds drops the plan (made for the old number), unless it is locked.
 */
export function decideSetRounds(state: RoundsState, input: readonly RoundInput[]): CafeResult<{ rounds: CafeRound[]; deletePlan: boolean }> {
  const rounds: CafeRound[] = input.map((r, i) => ({ number: i + 1, question: r.question, durationMs: Math.round(r.durationMinutes * 60_000) }));
  if (state.run.round > 0 && state.rounds.length !== rounds.length) {
    return conflict('The café has started: questions and durations can change, the number of rounds cannot', 'roundCountFixed');
  }
  const countChanges = state.plan !== null && state.plan.plan.rounds.length !== rounds.length;
  if (countChanges && state.plan?.locked) return conflict('The seating plan is locked; unlock it before changing the number of rounds', 'planLocked');
  return { ok: true, rounds, deletePlan: countChanges };
}

/** Same tables, kinds and hosts (order and labels may differ): every seat in the plan still fits. */
function sameSeatingShape(before: readonly CafeTable[], after: readonly CafeTable[]): boolean {
  if (before.length !== after.length) return false;
  const old = new Map(before.map((t) => [t.id, t]));
  return after.every((t) => {
    const was = old.get(t.id);
    return was !== undefined && was.kind === t.kind && was.hostParticipantId === t.hostParticipantId;
  });
}

/** The most people planned at each table in any round. */
function maxSeated(rounds: readonly Record<string, string[]>[]): Map<string, number> {
  const most = new Map<string, number>();
  for (const round of rounds) for (const [id, ids] of Object.entries(round)) most.set(id, Math.max(most.get(id) ?? 0, ids.length));
  return most;
}
