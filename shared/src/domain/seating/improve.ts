// Local search on the greedy plan. Both phases swap two people of the same mode in one round,
// which keeps every table's size and hybrid mix (the layout), so hard rules can never break.
//  1. Tabu search on excess meetings (SEAT5), after the social-golfer searches of Dotú and
//     Van Hentenryck: each step takes the best non-tabu swap that moves someone out of a
//     repeated meeting in a random conflicted round; a stall restarts from a perturbed best.
//  2. Hill climbing on group mix (SEAT6): random swaps that mix groups better and add no repeat
//     (and, once SEAT10 has spread the moves, no stay).
// Work is counted in seat visits, never timed, so a seed always gives the same plan (SEAT8).
import { IN_ROOM } from './problem.js';
import type { Rng } from './rng.js';
import type { SeatingState } from './state.js';

export interface Budget {
  /** Seat visits left. */
  work: number;
}

/** Steps without a new best before the tabu search perturbs. */
const STALL_STEPS = 400;
/** Random swaps per planned round in a perturbation. */
const PERTURB_SWAPS = 2;
const TENURE_MIN = 3; // steps
const TENURE_SPREAD = 8; // steps

function movableByMode(state: SeatingState): [number[], number[]] {
  const { n, hostTable, mode } = state.problem;
  const byMode: [number[], number[]] = [[], []];
  for (let i = 0; i < n; i++) if (hostTable[i] === -1) byMode[mode[i] === IN_ROOM ? 0 : 1].push(i);
  return byMode;
}

export function reduceRepeats(state: SeatingState, rng: Rng, target: number, budget: Budget): void {
  const { n, mode } = state.problem;
  const byMode = movableByMode(state);
  const planned = state.planned;
  const tabuTable = new Int32Array(planned * n).fill(-1);
  const tabuUntil = new Int32Array(planned * n);
  let best = state.excess;
  let bestSeats = state.snapshot();
  let lastBest = 0;
  const conflicted: number[] = [];
  const conflicts = new Int32Array(n);

  for (let step = 1; state.excess > target && budget.work > 0; step++) {
    let bestDelta = Infinity;
    let moveRound = -1;
    let moveA = -1;
    let moveB = -1;
    let ties = 0;
    budget.work -= planned * n;
    for (let r = 0; r < planned; r++) {
      const seats = state.tableOf[r]!;
      conflicted.length = 0;
      for (const list of byMode) {
        for (const x of list) {
          conflicts[x] = state.conflictsOf(r, x);
          if (conflicts[x] > 0) conflicted.push(x);
        }
      }
      for (const a of conflicted) {
        const tableA = seats[a]!;
        const sizeA = state.members[r]![tableA]!.length;
        const aTabu = tabuUntil[r * n + a]! > step ? tabuTable[r * n + a]! : -2;
        for (const b of byMode[mode[a] === IN_ROOM ? 0 : 1]) {
          const tableB = seats[b]!;
          if (tableB === tableA) continue;
          const delta = state.repeatsAt(r, a, tableB, b) + state.repeatsAt(r, b, tableA, a) - conflicts[a]! - conflicts[b]!;
          budget.work -= sizeA + state.members[r]![tableB]!.length;
          const tabu = aTabu === tableB || (tabuUntil[r * n + b]! > step && tabuTable[r * n + b] === tableA);
          if (tabu && state.excess + delta >= best) continue;
          if (delta < bestDelta) {
            bestDelta = delta;
            moveRound = r;
            moveA = a;
            moveB = b;
            ties = 1;
          } else if (delta === bestDelta && rng.int(++ties) === 0) {
            moveRound = r;
            moveA = a;
            moveB = b;
          }
        }
      }
    }
    // Conflicts only between hosts (or in locked rounds) cannot be moved away.
    if (moveRound === -1 && !anyConflict(state, byMode)) break;
    if (moveRound === -1) continue;
    const r = moveRound;
    const seats = state.tableOf[r]!;
    tabuTable[r * n + moveA] = seats[moveA]!;
    tabuUntil[r * n + moveA] = step + TENURE_MIN + rng.int(TENURE_SPREAD);
    tabuTable[r * n + moveB] = seats[moveB]!;
    tabuUntil[r * n + moveB] = step + TENURE_MIN + rng.int(TENURE_SPREAD);
    state.swap(r, moveA, moveB);

    if (state.excess < best) {
      best = state.excess;
      bestSeats = state.snapshot();
      lastBest = step;
    } else if (step - lastBest > STALL_STEPS) {
      state.restore(bestSeats);
      perturb(state, byMode, rng, PERTURB_SWAPS * planned);
      lastBest = step;
    }
  }
  if (state.excess > best) state.restore(bestSeats);
}

function anyConflict(state: SeatingState, byMode: [number[], number[]]): boolean {
  for (let r = 0; r < state.planned; r++) {
    for (const list of byMode) for (const x of list) if (state.conflictsOf(r, x) > 0) return true;
  }
  return false;
}

function perturb(state: SeatingState, byMode: [number[], number[]], rng: Rng, swaps: number): void {
  for (let s = 0; s < swaps; s++) {
    const list = byMode[rng.int(2)]!;
    if (list.length < 2) continue;
    const r = rng.int(state.planned);
    const a = list[rng.int(list.length)]!;
    const b = list[rng.int(list.length)]!;
    if (state.tableOf[r]![a] !== state.tableOf[r]![b]) state.swap(r, a, b);
  }
}

/** Random same-mode swaps that lower Σ group² without adding a repeated meeting (nor, with keepStays, a stay). */
export function improveMix(state: SeatingState, rng: Rng, attempts: number, budget: Budget, keepStays = false): void {
  if (state.problem.groupCount < 2) return;
  const byMode = movableByMode(state);
  const all = [...byMode[0], ...byMode[1]];
  if (all.length < 2) return;
  for (let t = 0; t < attempts && budget.work > 0; t++) {
    const r = rng.int(state.planned);
    const a = all[rng.int(all.length)]!;
    const list = byMode[state.problem.mode[a] === IN_ROOM ? 0 : 1];
    const b = list[rng.int(list.length)]!;
    const seats = state.tableOf[r]!;
    if (seats[a] === seats[b]) continue;
    if (state.swapGroupDelta(r, a, b) >= 0) continue;
    budget.work -= state.members[r]![seats[a]!]!.length + state.members[r]![seats[b]!]!.length;
    if (keepStays && state.swapStayDelta(r, a, b) > 0) continue;
    if (state.swapExcessDelta(r, a, b) <= 0) state.swap(r, a, b);
  }
}
