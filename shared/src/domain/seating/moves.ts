// SEAT10: everyone but the hosts changes table between rounds, where that costs no repeated
// meeting. Two steps, each accepted only if it leaves fewer stays, and neither adds a repeat:
//  1. Relabelling: in each round, the groups sitting at tables without hosts are handed to other
//     tables of the same kind (where they fit), so that nobody finds the table they just left.
//     Who sits with whom does not change, so meetings and group mix stay exactly as they were.
//  2. Swaps: a person who still stays swaps seats with someone of their mode at another table,
//     in that round or the one before, when that adds no repeated meeting or repeated pair.
import { IN_ROOM } from './problem.js';
import type { Budget } from './improve.js';
import type { SeatingState } from './state.js';

/**
 * Lowers stays without adding a repeat. Returns whether people were swapped: relabelling alone
 * keeps every table's group mix, so only swaps call for another group-mix climb.
 */
export function spreadMoves(state: SeatingState, budget: Budget): boolean {
  const before = state.stays();
  if (before === 0) return false;
  const snapshot = state.snapshot();
  for (let r = 0; r < state.planned; r++) relabelRound(state, r);
  if (state.stays() > before) state.restore(snapshot);
  return swapStayers(state, budget) > 0;
}

/** Hands each host-less table's group to a table of the same kind where none of them sat the round before. */
function relabelRound(state: SeatingState, r: number): void {
  const { problem } = state;
  for (const kind of new Set(problem.kind)) {
    const tables = [...Array(state.tables).keys()].filter((k) => problem.kind[k] === kind && problem.hostsAt[k]!.length === 0);
    if (tables.length < 2) continue;
    const groups = tables.map((k) => state.members[r]![k]!);
    // fits[j][t]: group j may go to tables[t] without anyone finding their last table again.
    const fits = groups.map((people) => tables.map((k) => people.length <= problem.capacity[k]! && people.every((p) => state.tableBefore(r, p) !== k)));
    const room = groups.map((people) => tables.map((k) => people.length <= problem.capacity[k]!));
    const tableOfGroup = matchGroups(fits, room);
    if (tableOfGroup.every((t, j) => t === j)) continue;
    state.relabel(
      r,
      tables,
      tableOfGroup.map((t) => tables[t]!),
    );
  }
}

/**
 * A maximum matching of groups to tables on allowed pairs (Kuhn's augmenting paths, starting
 * from each group's own table), completed with the tables left over where the group has room
 * (else nobody is relabelled). Returns the table index per group.
 */
function matchGroups(fits: boolean[][], room: boolean[][]): number[] {
  const count = fits.length;
  const groupAt = new Array<number>(count).fill(-1);
  const tableOf = new Array<number>(count).fill(-1);
  for (let j = 0; j < count; j++) {
    if (fits[j]![j]) {
      groupAt[j] = j;
      tableOf[j] = j;
    }
  }
  const augment = (j: number, seen: boolean[]): boolean => {
    for (let t = 0; t < count; t++) {
      if (!fits[j]![t] || seen[t]) continue;
      seen[t] = true;
      if (groupAt[t] === -1 || augment(groupAt[t]!, seen)) {
        groupAt[t] = j;
        tableOf[j] = t;
        return true;
      }
    }
    return false;
  };
  for (let j = 0; j < count; j++) if (tableOf[j] === -1) augment(j, new Array<boolean>(count).fill(false));
  // Unmatched groups keep their own table where it is free, else take a free table with room.
  for (let j = 0; j < count; j++) {
    if (tableOf[j] !== -1) continue;
    const t = groupAt[j] === -1 ? j : groupAt.findIndex((g, u) => g === -1 && room[j]![u]);
    if (t === -1) return fits.map((_, k) => k);
    groupAt[t] = j;
    tableOf[j] = t;
  }
  return tableOf;
}

/** Swaps that remove a stay and add no repeated meeting or pair, best first, until none is left. Returns the swaps made. */
export function swapStayers(state: SeatingState, budget: Budget): number {
  let swaps = 0;
  const { n, hostTable, mode } = state.problem;
  const byMode: number[][] = [[], []];
  for (let i = 0; i < n; i++) if (hostTable[i] === -1) byMode[mode[i] === IN_ROOM ? 0 : 1]!.push(i);
  for (let improved = true; improved && budget.work > 0;) {
    improved = false;
    for (let r = 0; r < state.planned && budget.work > 0; r++) {
      for (const list of byMode) {
        for (const x of list) {
          if (state.tableBefore(r, x) !== state.tableOf[r]![x]) continue;
          // Move x in this round, or (if planned) in the round before.
          for (const round of r > 0 ? [r, r - 1] : [r]) {
            if (bestSwap(state, round, x, list, budget)) {
              improved = true;
              swaps++;
              break;
            }
          }
        }
      }
    }
  }
  return swaps;
}

function bestSwap(state: SeatingState, r: number, x: number, partners: readonly number[], budget: Budget): boolean {
  const seats = state.tableOf[r]!;
  let best: [number, number, number] | null = null;
  let partner = -1;
  for (const y of partners) {
    if (seats[y] === seats[x]) continue;
    const stays = state.swapStayDelta(r, x, y);
    if (stays >= 0) continue;
    budget.work -= state.members[r]![seats[x]!]!.length + state.members[r]![seats[y]!]!.length;
    const excess = state.swapExcessDelta(r, x, y);
    if (excess > 0 || state.swapPairDelta(r, x, y) > 0) continue;
    const score: [number, number, number] = [excess, stays, state.swapGroupDelta(r, x, y)];
    if (!best || score[0] < best[0] || (score[0] === best[0] && (score[1] < best[1] || (score[1] === best[1] && score[2] < best[2])))) {
      best = score;
      partner = y;
    }
  }
  if (partner === -1) return false;
  state.swap(r, x, partner);
  return true;
}
