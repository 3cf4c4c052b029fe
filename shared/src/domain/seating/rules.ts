// Checks a plan against the hard rules. The planner never breaks them; this is for plans edited
// by hand (a facilitator's move) and for tests. Each message starts with its rule id.
import type { SeatingParticipant, SeatingPlan, SeatingTable, TableKind } from './types.js';

function fits(mode: SeatingParticipant['mode'], kind: TableKind): boolean {
  return kind === 'hybrid' || kind === mode;
}

export function findRuleViolations(
  plan: SeatingPlan,
  participants: readonly SeatingParticipant[],
  tables: readonly SeatingTable[],
  fromRound = 0,
): string[] {
  const people = new Map(participants.map((p) => [p.id, p]));
  const tableById = new Map(tables.map((t) => [t.id, t]));
  const violations: string[] = [];
  for (let r = fromRound; r < plan.rounds.length; r++) {
    const round = plan.rounds[r]!;
    const label = `round ${r + 1}`;
    const seatedAt = new Map<string, string>();
    for (const [tableId, ids] of Object.entries(round)) {
      const table = tableById.get(tableId);
      if (!table) {
        violations.push(`SEAT9 ${label}: unknown table ${tableId}`);
        continue;
      }
      if (ids.length > table.capacity) violations.push(`SEAT3 ${label}: table ${tableId} seats ${ids.length} of ${table.capacity}`);
      for (const id of ids) {
        const person = people.get(id);
        if (!person) violations.push(`SEAT9 ${label}: unknown participant ${id} at table ${tableId}`);
        else if (!fits(person.mode, table.kind)) violations.push(`SEAT2 ${label}: ${person.mode} ${id} at ${table.kind} table ${tableId}`);
        if (seatedAt.has(id)) violations.push(`SEAT9 ${label}: ${id} sits at ${seatedAt.get(id)} and ${tableId}`);
        seatedAt.set(id, tableId);
      }
    }
    for (const person of participants) {
      const at = seatedAt.get(person.id);
      if (at === undefined) violations.push(`SEAT9 ${label}: ${person.id} has no seat`);
      if (person.hostTableId !== undefined && at !== person.hostTableId) {
        violations.push(`SEAT1 ${label}: host ${person.id} is not at table ${person.hostTableId}`);
      }
    }
    violations.push(...unevenTables(round, tables, participants, label));
  }
  return violations;
}

/** SEAT4: within a kind, a table two or more above another, when the smaller had room and the larger more than its hosts. */
function unevenTables(
  round: Record<string, string[]>,
  tables: readonly SeatingTable[],
  participants: readonly SeatingParticipant[],
  label: string,
): string[] {
  const hosts = new Map<string, number>();
  for (const p of participants) if (p.hostTableId !== undefined) hosts.set(p.hostTableId, (hosts.get(p.hostTableId) ?? 0) + 1);
  const violations: string[] = [];
  for (const big of tables) {
    const bigSize = round[big.id]?.length ?? 0;
    if (bigSize <= (hosts.get(big.id) ?? 0)) continue;
    for (const small of tables) {
      const smallSize = round[small.id]?.length ?? 0;
      if (small.kind === big.kind && bigSize >= smallSize + 2 && smallSize < small.capacity) {
        violations.push(`SEAT4 ${label}: ${big.kind} table ${big.id} has ${bigSize}, table ${small.id} has ${smallSize}`);
      }
    }
  }
  return violations;
}
