// planSeating: the deterministic, seeded seating planner (docs/seating.md, rules SEAT1…SEAT10).
import { countingBound, hostPairs, type TableMix } from './bounds.js';
import { construct } from './construct.js';
import { planWithHubs } from './hubs.js';
import { improveMix, reduceRepeats, type Budget } from './improve.js';
import { planLayout } from './layout.js';
import { measurePlan } from './metrics.js';
import { spreadMoves, swapStayers } from './moves.js';
import { buildProblem, IN_ROOM, type Problem } from './problem.js';
import { createRng } from './rng.js';
import { SeatingState } from './state.js';
import type { RoundSeating, SeatingInput, SeatingPlan, SeatingResult } from './types.js';

/** Seat visits the tabu search may spend per unit of effort at most (~0.5 s on a laptop core). */
const REPEAT_WORK = 40_000_000;
/** …and per person per planned round, so small rooms whose repeats cannot be avoided end fast. */
const REPEAT_WORK_PER_SEAT = 200_000;
/** Seat visits the group-mix climb may spend per unit of effort. */
const MIX_WORK = 10_000_000;
/** Group-mix swap attempts per movable person per planned round. */
const MIX_ATTEMPTS_PER_SEAT = 40;
/** Fresh greedy starts when the search ends above the proven bound. */
const STARTS = 3;
/** Seat visits spreading moves (SEAT10) may spend per unit of effort. */
const MOVE_WORK = 10_000_000;
/** Share of the group-mix attempts spent again after moves were spread. */
const MIX_AGAIN = 0.25;

/** SEAT11: hubs sit alone at their own tables; everyone else is planned by the rules below. */
export function planSeating(input: SeatingInput): SeatingResult {
  return planWithHubs(input, (others) => planSeatingWith(others, { moves: true }));
}

/**
 * The planner with SEAT10 switchable, for tests and the benchmark to compare against: with
 * `moves: false` it is the planner as it was before SEAT10. SEAT10 runs after the first mix
 * climb and never adds a repeated meeting or pair, so it can only lower stays.
 */
export function planSeatingWith(input: SeatingInput, options: { moves: boolean }): SeatingResult {
  const built = buildProblem(input);
  if (!built.ok) return built;
  const { problem } = built;
  const layout = planLayout(problem);
  if (!layout) return { ok: false, error: { code: 'not-enough-seats', message: 'the tables cannot seat everyone' } };
  const effort = input.effort !== undefined && input.effort > 0 ? input.effort : 1;
  const rng = createRng(input.seed);
  const target = repeatTarget(problem, layout.inRoomSeats, layout.remoteSeats);
  const planned = problem.rounds - problem.lockedRounds.length;
  const repeatWork = Math.min(REPEAT_WORK, REPEAT_WORK_PER_SEAT * problem.n * planned) * effort;

  let best: SeatingState | null = null;
  for (let start = 0; start < STARTS; start++) {
    const state = new SeatingState(problem);
    construct(state, layout, rng);
    reduceRepeats(state, rng, target, { work: repeatWork / STARTS });
    if (!best || state.excess < best.excess) best = state;
    if (best.excess <= target) break;
  }
  const state = best!;
  const movable = problem.hostTable.filter((k) => k === -1).length;
  const mixBudget: Budget = { work: MIX_WORK * effort };
  const mixAttempts = MIX_ATTEMPTS_PER_SEAT * movable * state.planned * effort;
  improveMix(state, rng, mixAttempts, mixBudget);
  if (options.moves) {
    const moveBudget: Budget = { work: MOVE_WORK * effort };
    if (spreadMoves(state, moveBudget)) {
      // Moves may have undone some mixing: climb again, adding no stay; that climb may in turn
      // have opened a free swap for someone who still stays.
      improveMix(state, rng, mixAttempts * MIX_AGAIN, { work: MIX_WORK * MIX_AGAIN * effort }, true);
      swapStayers(state, moveBudget);
    }
  }

  const plan = toPlan(problem, state);
  return { ok: true, plan, figures: measurePlan(plan, input.participants, input.tables) };
}

/** Excess meetings that counting proves unavoidable for this layout: the search stops there. */
function repeatTarget(problem: Problem, inRoomSeats: Int32Array, remoteSeats: Int32Array): number {
  const index = new Map(problem.ids.map((id, i) => [id, i]));
  const mixes: TableMix[] = [];
  for (const round of problem.lockedRounds) {
    for (const ids of Object.values(round)) {
      const mix = { inRoom: 0, remote: 0 };
      for (const id of ids) {
        const i = index.get(id);
        if (i === undefined) continue;
        if (problem.mode[i] === IN_ROOM) mix.inRoom++;
        else mix.remote++;
      }
      mixes.push(mix);
    }
  }
  const planned = problem.rounds - problem.lockedRounds.length;
  for (let r = 0; r < planned; r++) {
    for (let k = 0; k < inRoomSeats.length; k++) mixes.push({ inRoom: inRoomSeats[k]!, remote: remoteSeats[k]! });
  }
  let inRoomPeople = 0;
  for (let i = 0; i < problem.n; i++) if (problem.mode[i] === IN_ROOM) inRoomPeople++;
  return Math.max(
    countingBound(mixes, inRoomPeople, problem.n - inRoomPeople, problem.rounds).meetings,
    hostPairs(
      problem.hostsAt.map((hosts) => hosts.length),
      planned,
    ).meetings,
  );
}

function toPlan(problem: Problem, state: SeatingState): SeatingPlan {
  const rounds: RoundSeating[] = problem.lockedRounds.map((round) => structuredClone(round));
  for (let r = 0; r < state.planned; r++) {
    const round: RoundSeating = {};
    for (const [k, tableId] of problem.tableIds.entries()) {
      const people = state.members[r]![k]!.slice().sort((a, b) => hostFirst(problem, a, b) || a - b);
      round[tableId] = people.map((i) => problem.ids[i]!);
    }
    rounds.push(round);
  }
  return { rounds };
}

function hostFirst(problem: Problem, a: number, b: number): number {
  return (problem.hostTable[a] === -1 ? 1 : 0) - (problem.hostTable[b] === -1 ? 1 : 0);
}
