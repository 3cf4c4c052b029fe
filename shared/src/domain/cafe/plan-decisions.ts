// The seating plan's rules: when the server may plan, and which moves a facilitator may make
// by hand (CAFE5: rounds already held are never rewritten; a move keeps every hard rule).
import { measurePlan } from '../seating/metrics.js';
import { planSeating } from '../seating/planner.js';
import { describeViolation, findRuleViolations, SEATING_RULE_IDS } from '../seating/rules.js';
import type { SeatingFigures, SeatingPlan } from '../seating/types.js';
import { conflict, notFound, refuse, type CafeResult } from './result.js';
import { focusRound, type CafeRun } from './run.js';
import type { PlanState } from './setup-decisions.js';
import { moveInPlan, seatingParticipants, type CafeRound, type CafeTable, type PersonForSeating } from './setup.js';

export interface SeatingState {
  tables: readonly CafeTable[];
  rounds: readonly CafeRound[];
  run: CafeRun;
  plan: PlanState | null;
  /** The session's active members; only the seated roles are planned. */
  people: readonly PersonForSeating[];
}

export type PlannedSeating = { plan: SeatingPlan; figures: SeatingFigures };

/** A new plan from `seed` (the server draws one when none is asked for): only before the café starts, unlocked, with rounds and tables. */
export function decidePlan(state: SeatingState, seed: number): CafeResult<PlannedSeating & { seed: number }> {
  if (state.run.round > 0) return conflict('The café has started: move people by hand instead of planning again', 'startedMoveInstead');
  if (state.plan?.locked) return conflict('The seating plan is locked; unlock it to plan again', 'planLocked');
  if (state.rounds.length === 0) return conflict('Add the rounds before planning the seating', 'noRoundsToPlan');
  if (state.tables.length === 0) return conflict('Add tables before planning the seating', 'noTablesToPlan');
  const participants = seatingParticipants(state.people, state.tables);
  const result = planSeating({ participants, tables: state.tables, rounds: state.rounds.length, seed });
  if (!result.ok) return refuse('conflict', result.error.message, `seating.${result.error.code}`);
  return { ok: true, seed, plan: result.plan, figures: result.figures };
}

export interface MoveInput {
  participantId: string;
  /** From 1. */
  round: number;
  tableId: string;
}

/**
 * One person to another table in one round: the plan unlocked, the round not yet held, the
 * table and person in the café, and that round still keeping every hard rule (SEAT1–SEAT4, SEAT9).
 */
export function decideMove(state: SeatingState, { participantId, round, tableId }: MoveInput): CafeResult<PlannedSeating> {
  const plan = state.plan;
  if (!plan) return conflict('There is no seating plan yet', 'noPlan');
  if (plan.locked) return conflict('The seating plan is locked; unlock it to move people', 'planLocked');
  if (round > plan.plan.rounds.length) return notFound(`The plan has ${plan.plan.rounds.length} rounds`);
  const focus = focusRound(state.run, state.rounds.length);
  if (state.run.round > 0 && (focus === null || round < focus)) return conflict(`Round ${round} has already been held`, 'roundHeld', { round });
  if (!state.tables.some((t) => t.id === tableId)) return notFound('No such table in this café');
  const people = seatingParticipants(state.people, state.tables);
  if (!people.some((p) => p.id === participantId)) return notFound('This person is not seated in the café');
  const moved = moveInPlan(plan.plan, round - 1, participantId, tableId);
  // Only the moved round is checked (as a plan of one round: the message says "round 1").
  const [broken] = findRuleViolations({ rounds: [moved.rounds[round - 1]!] }, people, state.tables);
  if (broken) return refuse('conflict', `That move breaks a seating rule: ${describeViolation(broken)}`, `seat.${SEATING_RULE_IDS[broken.rule]}`);
  return { ok: true, plan: moved, figures: measurePlan(moved, people, state.tables) };
}

/** Locks or unlocks the plan; there must be one. */
export function decideLock<P extends PlanState>(plan: P | null, locked: boolean): CafeResult<{ plan: P }> {
  if (!plan) return conflict('There is no seating plan to lock', 'noPlan');
  return { ok: true, plan: { ...plan, locked } };
}
