// Greedy first plan, round by round: hosts first, then everyone else in a seeded random order,
// each to the open seat of their mode that repeats the fewest meetings, then mixes groups best.
import type { Layout } from './layout.js';
import { IN_ROOM } from './problem.js';
import { shuffleInPlace, type Rng } from './rng.js';
import type { SeatingState } from './state.js';

/** Weights of the greedy score: a repeated meeting outweighs any group or size preference. */
const REPEAT_WEIGHT = 1_000_000;
const SAME_GROUP_WEIGHT = 1_000;

export function construct(state: SeatingState, layout: Layout, rng: Rng): void {
  const { problem } = state;
  const { n, hostTable, mode, group, groupCount } = problem;
  const movable = [...Array(n).keys()].filter((i) => hostTable[i] === -1);
  for (let r = 0; r < state.planned; r++) {
    const free = [layout.inRoomSeats.slice(), layout.remoteSeats.slice()];
    for (let i = 0; i < n; i++) {
      const k = hostTable[i]!;
      if (k === -1) continue;
      state.seat(r, i, k);
      free[mode[i]!]![k]!--;
    }
    // Tables with a free seat, per mode; kept compact by swap-removal.
    const open = free.map((seats) => [...seats.keys()].filter((k) => seats[k]! > 0));
    for (const person of shuffleInPlace(movable.slice(), rng)) {
      const m = mode[person] === IN_ROOM ? 0 : 1;
      const tables = open[m]!;
      const start = rng.int(tables.length);
      let bestAt = -1;
      let bestScore = Infinity;
      for (let j = 0; j < tables.length; j++) {
        const at = (start + j) % tables.length;
        const k = tables[at]!;
        const score = state.repeatsAt(r, person, k) * REPEAT_WEIGHT + state.groupAt[r]![k * groupCount + group[person]!]! * SAME_GROUP_WEIGHT + state.members[r]![k]!.length;
        if (score < bestScore) {
          bestScore = score;
          bestAt = at;
        }
      }
      const k = tables[bestAt]!;
      state.seat(r, person, k);
      if (--free[m]![k]! === 0) {
        tables[bestAt] = tables[tables.length - 1]!;
        tables.pop();
      }
    }
  }
}
