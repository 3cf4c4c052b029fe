// Where a running café is: which round, and that round's timer. Pure; the server stores it.
import type { Timer } from '../timer/timer.js';

export interface CafeRun {
  /** The round being held, or the last one held; 0 before the first round starts. */
  round: number;
  /** The timer of `round`; null before the first round starts. */
  timer: Timer | null;
}

export const CAFE_RUN_START: CafeRun = { round: 0, timer: null };

export type CafePhase = 'not-started' | 'in-round' | 'between-rounds' | 'finished';

export function cafePhase(run: CafeRun, roundCount: number): CafePhase {
  if (run.round === 0 || run.timer === null) return 'not-started';
  if (run.timer.status === 'running' || run.timer.status === 'paused') return 'in-round';
  return run.round >= roundCount ? 'finished' : 'between-rounds';
}

/**
 * The round whose seating people should act on: the one being held, or between rounds the next
 * one (so "where do I go next" shows as soon as a round ends). Null once the café is over. From 1.
 */
export function focusRound(run: CafeRun, roundCount: number): number | null {
  const phase = cafePhase(run, roundCount);
  if (phase === 'finished' || roundCount === 0) return null;
  if (phase === 'in-round') return run.round;
  return Math.min(run.round + 1, roundCount);
}
