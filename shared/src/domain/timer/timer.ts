/**
 * Round and intervention timers as server data (DESIGN "Time"): the server stores a deadline
 * (epoch ms) while running and the remainder (ms) while paused; clients count down locally
 * from a corrected clock. Every function is pure: time is always the `now` parameter
 * (epoch ms), never read from a clock. Rule ids TIME1… are listed in docs/timers.md.
 */

/** The longest a timer may run in total, extensions included (TIME6). */
export const MAX_TIMER_MS = 4 * 60 * 60 * 1000; // 4 h
/** When the "one minute left" warning shows (TIME8). */
export const DEFAULT_WARN_BEFORE_MS = 60_000; // 1 min

export type TimerStatus = 'idle' | 'running' | 'paused' | 'ended';

export interface Timer {
  status: TimerStatus;
  /** Total time granted, ms: the starting duration plus every extension. */
  durationMs: number;
  /** Epoch ms when the time runs out; set only while `running`, else null. */
  deadline: number | null;
  /** Time left, ms; set only while `paused`, else null. */
  remainingMs: number | null;
  /** Epoch ms of the first start; null while `idle`. */
  startedAt: number | null;
  /** Epoch ms when the timer was ended; set only once `ended`, else null. */
  endedAt: number | null;
}

/** A subset of the protocol's ErrorCode, kept here so the domain stays free of zod. */
export type TimerErrorCode = 'conflict' | 'bad_request';

export interface TimerError {
  code: TimerErrorCode;
  message: string;
}

export type TimerResult = { ok: true; timer: Timer } | { ok: false; error: TimerError };

const ok = (timer: Timer): TimerResult => ({ ok: true, timer });
const conflict = (message: string): TimerResult => ({ ok: false, error: { code: 'conflict', message } });
const badRequest = (message: string): TimerResult => ({ ok: false, error: { code: 'bad_request', message } });

function isWholeMs(ms: number): boolean {
  return Number.isSafeInteger(ms);
}

/** An idle timer of `durationMs` (a whole number of ms in 1 ms … MAX_TIMER_MS). TIME1. */
export function createTimer(durationMs: number): TimerResult {
  if (!isWholeMs(durationMs) || durationMs <= 0 || durationMs > MAX_TIMER_MS) {
    return badRequest(`A timer lasts between 1 ms and ${MAX_TIMER_MS} ms (4 h).`);
  }
  return ok({ status: 'idle', durationMs, deadline: null, remainingMs: null, startedAt: null, endedAt: null });
}

/** Starts an idle timer, or a new timer of the given duration. TIME1. */
export function startTimer(timerOrDurationMs: Timer | number, now: number): TimerResult {
  let timer: Timer;
  if (typeof timerOrDurationMs === 'number') {
    const created = createTimer(timerOrDurationMs);
    if (!created.ok) return created;
    timer = created.timer;
  } else {
    timer = timerOrDurationMs;
  }
  if (timer.status !== 'idle') return conflict(`Cannot start a timer that is ${timer.status}.`);
  return ok({ ...timer, status: 'running', deadline: now + timer.durationMs, remainingMs: null, startedAt: now });
}

/** Stops the countdown and keeps what is left. Only a running timer with time left. TIME3. */
export function pauseTimer(timer: Timer, now: number): TimerResult {
  if (timer.status !== 'running') return conflict(`Cannot pause a timer that is ${timer.status}.`);
  const left = remainingMs(timer, now);
  if (left === 0) return conflict('Cannot pause a timer that has run out.');
  return ok({ ...timer, status: 'paused', deadline: null, remainingMs: left });
}

/** Continues a paused timer with exactly the time it had left. TIME3. */
export function resumeTimer(timer: Timer, now: number): TimerResult {
  if (timer.status !== 'paused' || timer.remainingMs === null) {
    return conflict(`Cannot resume a timer that is ${timer.status}.`);
  }
  return ok({ ...timer, status: 'running', deadline: now + timer.remainingMs, remainingMs: null });
}

/**
 * Adds `byMs` to a running or paused timer, but never past MAX_TIMER_MS in total: the grant is
 * cut to what the cap allows, and refused once the cap is reached (TIME5, TIME6). A running
 * timer whose deadline has just passed is extended from its deadline, not from `now`: the
 * overrun counts, so the facilitator's "+1 min" always means one more minute granted.
 * (`_now` keeps the signature uniform with the other transitions; the result does not use it.)
 */
export function extendTimer(timer: Timer, byMs: number, _now: number): TimerResult {
  if (!isWholeMs(byMs) || byMs <= 0) return badRequest('An extension is a positive whole number of ms.');
  if (timer.status !== 'running' && timer.status !== 'paused') {
    return conflict(`Cannot extend a timer that is ${timer.status}.`);
  }
  const granted = Math.min(byMs, MAX_TIMER_MS - timer.durationMs);
  if (granted <= 0) return conflict('The timer already has the maximum of 4 h.');
  const durationMs = timer.durationMs + granted;
  if (timer.status === 'paused') {
    return ok({ ...timer, durationMs, remainingMs: (timer.remainingMs ?? 0) + granted });
  }
  return ok({ ...timer, durationMs, deadline: (timer.deadline ?? 0) + granted });
}

/** Ends a running or paused timer (early or on time); nothing can follow. TIME7. */
export function endTimer(timer: Timer, now: number): TimerResult {
  if (timer.status !== 'running' && timer.status !== 'paused') {
    return conflict(`Cannot end a timer that is ${timer.status}.`);
  }
  return ok({ ...timer, status: 'ended', deadline: null, remainingMs: null, endedAt: now });
}

/**
 * Time left in ms at `now`: the whole duration while idle, nothing once ended, and always
 * within [0, durationMs], even if `now` is off (a clock that stepped back). TIME2.
 */
export function remainingMs(timer: Timer, now: number): number {
  switch (timer.status) {
    case 'idle':
      return timer.durationMs;
    case 'running':
      return clamp((timer.deadline ?? now) - now, 0, timer.durationMs);
    case 'paused':
      return clamp(timer.remainingMs ?? 0, 0, timer.durationMs);
    case 'ended':
      return 0;
    default: {
      const unknown: never = timer.status;
      throw new Error(`Unknown timer status: ${String(unknown)}`);
    }
  }
}

/**
 * True when a running timer's deadline has passed, i.e. the server should now end it.
 * False for idle, paused and already ended timers. TIME4.
 */
export function isExpired(timer: Timer, now: number): boolean {
  return timer.status === 'running' && timer.deadline !== null && now >= timer.deadline;
}

/**
 * Whether a timer is long enough for a warning: more than twice `warnBeforeMs` in all. A
 * 60-second turn would otherwise say "one minute left" from its first second. TIME8.
 */
export function warnsBeforeEnd(timer: Timer, warnBeforeMs: number = DEFAULT_WARN_BEFORE_MS): boolean {
  return timer.durationMs > 2 * warnBeforeMs;
}

/** True while a running timer (long enough to warn) has time left but no more than `warnBeforeMs`. TIME8. */
export function warningDue(timer: Timer, now: number, warnBeforeMs: number = DEFAULT_WARN_BEFORE_MS): boolean {
  if (timer.status !== 'running' || !warnsBeforeEnd(timer, warnBeforeMs)) return false;
  const left = remainingMs(timer, now);
  return left > 0 && left <= warnBeforeMs;
}

/**
 * Epoch ms at which the warning becomes due for a running timer (so a server can schedule
 * one event instead of ticking), or null when not running or too short to warn. TIME8.
 */
export function warningAt(timer: Timer, warnBeforeMs: number = DEFAULT_WARN_BEFORE_MS): number | null {
  if (timer.status !== 'running' || timer.deadline === null || !warnsBeforeEnd(timer, warnBeforeMs)) return null;
  return timer.deadline - warnBeforeMs;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
