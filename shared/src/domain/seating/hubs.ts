// SEAT11: a hub (a group watching together in one room) sits alone at a table of its own in
// every round, and nobody else sits there: the people in the hub's room discuss together. The
// planner plans everyone else as if hubs and their tables were not there, so every other rule
// and goal applies to them unchanged, then puts each hub at its table.
import { measurePlan } from './metrics.js';
import { MAX_ROUNDS } from './problem.js';
import type { RoundSeating, SeatingError, SeatingInput, SeatingResult, SeatingTable } from './types.js';

/** The hub this table belongs to, or null for an ordinary table. */
export function hubOf(table: SeatingTable): string | null {
  return table.hubParticipantId ?? null;
}

/** The hubs that have tables, by table id. */
export function hubTables(tables: readonly SeatingTable[]): Map<string, string> {
  const hubs = new Map<string, string>();
  for (const table of tables) {
    const hub = hubOf(table);
    if (hub !== null) hubs.set(table.id, hub);
  }
  return hubs;
}

const fail = (code: SeatingError['code'], message: string): SeatingResult => ({ ok: false, error: { code, message } });

/**
 * Plans with `plan` for everyone but the hubs, at every table but the hubs' own, then seats each
 * hub (if among the participants) at its table in every planned round. Locked rounds are kept
 * as given.
 */
export function planWithHubs(input: SeatingInput, plan: (input: SeatingInput) => SeatingResult): SeatingResult {
  const hubsByTable = hubTables(input.tables);
  if (hubsByTable.size === 0) return plan(input);
  const hubIds = new Set<string>();
  for (const hub of hubsByTable.values()) {
    if (hubIds.has(hub)) return fail('hub-table', `hub ${hub} has more than one table`);
    hubIds.add(hub);
  }
  for (const person of input.participants) {
    if (hubIds.has(person.id) && person.hostTableId !== undefined) return fail('hub-table', `hub ${person.id} cannot host a table`);
  }
  const locked = input.lockedRounds ?? [];
  for (const [r, round] of locked.entries()) {
    for (const [tableId, hub] of hubsByTable) {
      const stranger = (round[tableId] ?? []).find((id) => id !== hub);
      if (stranger !== undefined) return fail('invalid-locked-rounds', `locked round ${r + 1} seats ${stranger} at hub ${hub}'s table ${tableId}`);
    }
  }

  const tables = input.tables.filter((t) => !hubsByTable.has(t.id));
  const participants = input.participants.filter((p) => !hubIds.has(p.id));
  if (tables.length === 0) {
    if (!Number.isInteger(input.rounds) || input.rounds < 1 || input.rounds > MAX_ROUNDS) return fail('invalid-input', `rounds must be a whole number from 1 to ${MAX_ROUNDS}`);
    if (participants.length > 0) return fail('not-enough-seats', `${participants.length} people but only hubs' tables`);
  }
  const strip = (round: RoundSeating): RoundSeating =>
    Object.fromEntries(Object.entries(round).flatMap(([tableId, ids]) => (hubsByTable.has(tableId) ? [] : [[tableId, ids.filter((id) => !hubIds.has(id))]])));
  const others =
    tables.length === 0
      ? { ok: true as const, plan: { rounds: Array.from({ length: input.rounds }, (): RoundSeating => ({})) } }
      : plan({ ...input, tables, participants, lockedRounds: locked.map(strip) });
  if (!others.ok) return others;

  const seatedHubs = new Set(input.participants.filter((p) => hubIds.has(p.id)).map((p) => p.id));
  const rounds = others.plan.rounds.map((round, r): RoundSeating => {
    if (r < locked.length) return structuredClone(locked[r]!);
    const full: RoundSeating = {};
    for (const table of input.tables) {
      const hub = hubsByTable.get(table.id);
      full[table.id] = hub === undefined ? (round[table.id] ?? []) : seatedHubs.has(hub) ? [hub] : [];
    }
    return full;
  });
  return { ok: true, plan: { rounds }, figures: measurePlan({ rounds }, input.participants, input.tables) };
}
