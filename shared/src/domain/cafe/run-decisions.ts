// A running café's rules (CAFE1–CAFE2, CAFE6): when a round may start, what its timer may do,
// where a prompt may go. Time is always the `now` parameter; the server stores what is decided.
import type { PromptView } from '../../protocol/cafe.js';
import { endTimer, extendTimer, isExpired, pauseTimer, resumeTimer, startTimer, type Timer, type TimerResult } from '../timer/timer.js';
import type { SessionFormat } from '../words.js';
import { conflict, notFound, refuse, type CafeFailure, type CafeResult } from './result.js';
import { cafePhase, type CafeRun } from './run.js';
import type { CafeRound, CafeTable } from './setup.js';

/** A round under way: its number and its timer. */
export type RunningRun = CafeRun & { timer: Timer };

export interface StartState {
  format: SessionFormat;
  rounds: readonly CafeRound[];
  plan: { locked: boolean } | null;
  run: CafeRun;
}

/**
 * The next round starts (CAFE1): in a café, with rounds and a plan, none on, some left.
 * Starting locks the plan (`lockPlan`): re-planning mid-café would move everyone at once.
 */
export function decideStart(state: StartState, now: number): CafeResult<{ run: RunningRun; lockPlan: boolean }> {
  if (state.format !== 'cafe') return conflict('This session is a Town Hall, not a café', 'notCafe');
  const { run, rounds, plan } = state;
  const phase = cafePhase(run, rounds.length);
  if (phase === 'in-round') return conflict(`Round ${run.round} is still on; end it before starting the next`, 'roundStillOn', { round: run.round });
  if (rounds.length === 0) return conflict('Add the rounds before starting the café', 'noRoundsToStart');
  if (phase === 'finished') return conflict('Every round has been held', 'allRoundsHeld');
  if (!plan) return conflict('Make a seating plan before starting the café', 'noPlanToStart');
  const round = run.round + 1;
  const timer = startTimer(rounds[round - 1]!.durationMs, now);
  if (!timer.ok) return timerRefused(timer);
  return { ok: true, run: { round, timer: timer.timer }, lockPlan: !plan.locked };
}

export function decidePause(run: CafeRun, now: number): CafeResult<{ run: RunningRun }> {
  return changeRound(run, (timer) => pauseTimer(timer, now));
}

export function decideResume(run: CafeRun, now: number): CafeResult<{ run: RunningRun }> {
  return changeRound(run, (timer) => resumeTimer(timer, now));
}

export function decideExtend(run: CafeRun, minutes: number, now: number): CafeResult<{ run: RunningRun }> {
  return changeRound(run, (timer) => extendTimer(timer, minutes * 60_000, now));
}

export function decideEnd(run: CafeRun, now: number): CafeResult<{ run: RunningRun }> {
  return changeRound(run, (timer) => endTimer(timer, now));
}

/** The round's time is up (TIME4): it ends at its deadline. Null when there is nothing to end. */
export function decideExpiry(run: CafeRun, now: number): RunningRun | null {
  if (!run.timer || !isExpired(run.timer, now)) return null;
  const ended = endTimer(run.timer, run.timer.deadline!);
  return ended.ok ? { round: run.round, timer: ended.timer } : null;
}

export interface PromptInput {
  id: string;
  text: string;
  /** Null: to everyone. */
  tableId: string | null;
}

/** A prompt to everyone or to one of the café's tables (CAFE6), stamped with the round it is sent in. */
export function decidePrompt(state: { tables: readonly CafeTable[]; run: CafeRun }, { id, text, tableId }: PromptInput, now: number): CafeResult<{ prompt: PromptView }> {
  if (tableId !== null && !state.tables.some((t) => t.id === tableId)) return notFound('No such table in this café');
  return { ok: true, prompt: { id, round: state.run.round, tableId, text, sentAt: now } };
}

/** HARV6: the projector shows the harvest, or the round again; only a café has one. */
export function decideShowHarvest(format: SessionFormat, show: boolean): CafeResult<{ shown: boolean }> {
  if (format !== 'cafe') return conflict('This session is a Town Hall, not a café');
  return { ok: true, shown: show };
}

function changeRound(run: CafeRun, change: (timer: Timer) => TimerResult): CafeResult<{ run: RunningRun }> {
  if (!run.timer || run.round === 0) return conflict('No round has started yet', 'noRoundYet');
  const timer = change(run.timer);
  if (!timer.ok) return timerRefused(timer);
  return { ok: true, run: { round: run.round, timer: timer.timer } };
}

function timerRefused(result: Extract<TimerResult, { ok: false }>): CafeFailure {
  return refuse(result.error.code, result.error.message);
}
