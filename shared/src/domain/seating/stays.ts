// SEAT10 figures: how often a non-host sits at the same table as in the round before, and a
// lower bound that the plan's seat counts prove. Between two rounds, the non-hosts of one mode
// who sat at table k (a_k of them, still seated in the next round) must find seats of their
// mode elsewhere: there are B − b_k such seats (B non-host seats of that mode in the next round,
// b_k of them at k), so at least a_k − (B − b_k) of them stay. Summed over tables and modes.
// "The capacities allow everyone to move" exactly when this bound is 0 in every round.
import type { SeatingParticipant, SeatingPlan } from './types.js';

export interface StayFigures {
  stays: number;
  staysLowerBound: number;
}

export function countStays(plan: SeatingPlan, participants: readonly SeatingParticipant[]): StayFigures {
  const movers = new Map(participants.filter((p) => p.hostTableId === undefined).map((p) => [p.id, p.mode]));
  let stays = 0;
  let staysLowerBound = 0;
  for (let r = 1; r < plan.rounds.length; r++) {
    const before = tablesOf(plan.rounds[r - 1]!, movers);
    const now = tablesOf(plan.rounds[r]!, movers);
    // Per mode: a_k (movers from table k still seated now) and b_k (movers seated at k now).
    const from = new Map<string, Map<string, number>>();
    const at = new Map<string, Map<string, number>>();
    const seatsNow = new Map<string, number>();
    for (const [id, table] of now) {
      const mode = movers.get(id)!;
      bump(at, mode, table);
      seatsNow.set(mode, (seatsNow.get(mode) ?? 0) + 1);
      const last = before.get(id);
      if (last === undefined) continue;
      bump(from, mode, last);
      if (last === table) stays++;
    }
    for (const [mode, tables] of from) {
      for (const [table, leaving] of tables) {
        const elsewhere = seatsNow.get(mode)! - (at.get(mode)?.get(table) ?? 0);
        staysLowerBound += Math.max(0, leaving - elsewhere);
      }
    }
  }
  return { stays, staysLowerBound };
}

function tablesOf(round: Record<string, string[]>, movers: Map<string, unknown>): Map<string, string> {
  const table = new Map<string, string>();
  for (const [tableId, ids] of Object.entries(round)) for (const id of ids) if (movers.has(id)) table.set(id, tableId);
  return table;
}

function bump(counts: Map<string, Map<string, number>>, mode: string, table: string): void {
  let byTable = counts.get(mode);
  if (!byTable) counts.set(mode, (byTable = new Map<string, number>()));
  byTable.set(table, (byTable.get(table) ?? 0) + 1);
}
