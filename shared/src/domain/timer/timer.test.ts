import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_TIMER_MS,
  createTimer,
  endTimer,
  extendTimer,
  isExpired,
  pauseTimer,
  remainingMs,
  resumeTimer,
  startTimer,
  warningAt,
  warningDue,
  type Timer,
  type TimerResult,
} from './timer.js';

const T0 = 1_700_000_000_000; // an epoch ms
const MIN = 60_000; // ms

/** Unwraps an ok result, failing the test otherwise. */
function must(result: TimerResult): Timer {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.timer;
}

function expectConflict(result: TimerResult): void {
  expect(result.ok).toBe(false);
  if (!result.ok) {
    expect(result.error.code).toBe('conflict');
    expect(result.error.message).not.toBe('');
  }
}

describe('timer transitions', () => {
  it('TIME1 starts an idle timer or a duration with a deadline of now + duration', () => {
    const idle = must(createTimer(20 * MIN));
    expect(idle).toEqual({ status: 'idle', durationMs: 20 * MIN, deadline: null, remainingMs: null, startedAt: null, endedAt: null });
    const running = must(startTimer(idle, T0));
    expect(running).toEqual({ status: 'running', durationMs: 20 * MIN, deadline: T0 + 20 * MIN, remainingMs: null, startedAt: T0, endedAt: null });
    expect(must(startTimer(20 * MIN, T0))).toEqual(running);
  });

  it('TIME1 refuses durations outside 1 ms … 4 h as bad_request', () => {
    for (const bad of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, MAX_TIMER_MS + 1]) {
      const result = startTimer(bad, T0);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('bad_request');
    }
    expect(startTimer(MAX_TIMER_MS, T0).ok).toBe(true);
  });

  it('TIME1 refuses to start a timer that is running, paused or ended', () => {
    const running = must(startTimer(5 * MIN, T0));
    const paused = must(pauseTimer(running, T0 + MIN));
    const ended = must(endTimer(running, T0 + MIN));
    for (const timer of [running, paused, ended]) expectConflict(startTimer(timer, T0 + 2 * MIN));
  });

  it('TIME2 remaining is the whole duration while idle, counts down while running, is 0 once ended', () => {
    const idle = must(createTimer(5 * MIN));
    expect(remainingMs(idle, T0)).toBe(5 * MIN);
    const running = must(startTimer(idle, T0));
    expect(remainingMs(running, T0)).toBe(5 * MIN);
    expect(remainingMs(running, T0 + 90_000)).toBe(5 * MIN - 90_000);
    expect(remainingMs(running, T0 + 10 * MIN)).toBe(0);
    expect(remainingMs(running, T0 - MIN)).toBe(5 * MIN); // a clock that stepped back
    expect(remainingMs(must(endTimer(running, T0 + MIN)), T0 + MIN)).toBe(0);
  });

  it('TIME3 pause keeps the time left and resume continues from it', () => {
    const running = must(startTimer(5 * MIN, T0));
    const paused = must(pauseTimer(running, T0 + MIN));
    expect(paused).toMatchObject({ status: 'paused', deadline: null, remainingMs: 4 * MIN });
    expect(remainingMs(paused, T0 + 60 * MIN)).toBe(4 * MIN);
    const resumed = must(resumeTimer(paused, T0 + 30 * MIN));
    expect(resumed).toMatchObject({ status: 'running', deadline: T0 + 34 * MIN, remainingMs: null, startedAt: T0 });
  });

  it('TIME3 pause needs a running timer with time left; resume needs a paused one', () => {
    const idle = must(createTimer(MIN));
    const running = must(startTimer(idle, T0));
    expectConflict(pauseTimer(idle, T0));
    expectConflict(pauseTimer(must(pauseTimer(running, T0)), T0));
    expectConflict(pauseTimer(running, T0 + MIN)); // run out
    expectConflict(resumeTimer(idle, T0));
    expectConflict(resumeTimer(running, T0));
    expectConflict(resumeTimer(must(endTimer(running, T0)), T0));
  });

  it('TIME4 isExpired only for a running timer whose deadline has passed', () => {
    const running = must(startTimer(MIN, T0));
    expect(isExpired(running, T0 + MIN - 1)).toBe(false);
    expect(isExpired(running, T0 + MIN)).toBe(true);
    expect(isExpired(must(createTimer(MIN)), T0 + 10 * MIN)).toBe(false);
    expect(isExpired(must(pauseTimer(running, T0 + 1)), T0 + 10 * MIN)).toBe(false);
    expect(isExpired(must(endTimer(running, T0 + MIN)), T0 + 10 * MIN)).toBe(false);
  });

  it('TIME5 extend adds to a running or a paused timer and to the total granted', () => {
    const running = must(startTimer(5 * MIN, T0));
    const extended = must(extendTimer(running, MIN, T0 + MIN));
    expect(extended).toMatchObject({ durationMs: 6 * MIN, deadline: T0 + 6 * MIN });
    const paused = must(pauseTimer(running, T0 + MIN));
    expect(must(extendTimer(paused, 5 * MIN, T0 + 2 * MIN))).toMatchObject({ durationMs: 10 * MIN, remainingMs: 9 * MIN });
  });

  it('TIME5 extending a timer that has just run out counts from its deadline', () => {
    const running = must(startTimer(MIN, T0));
    const extended = must(extendTimer(running, MIN, T0 + MIN + 10_000));
    expect(remainingMs(extended, T0 + MIN + 10_000)).toBe(50_000);
  });

  it('TIME5 refuses to extend an idle or ended timer, and non-positive extensions', () => {
    const running = must(startTimer(MIN, T0));
    expectConflict(extendTimer(must(createTimer(MIN)), MIN, T0));
    expectConflict(extendTimer(must(endTimer(running, T0)), MIN, T0));
    for (const bad of [0, -MIN, 0.5, Number.NaN]) {
      const result = extendTimer(running, bad, T0);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('bad_request');
    }
  });

  it('TIME6 extensions stop at 4 h in total, then are refused', () => {
    const running = must(startTimer(MAX_TIMER_MS - MIN, T0));
    const capped = must(extendTimer(running, 5 * MIN, T0));
    expect(capped.durationMs).toBe(MAX_TIMER_MS);
    expect(capped.deadline).toBe(T0 + MAX_TIMER_MS);
    expectConflict(extendTimer(capped, MIN, T0));
  });

  it('TIME7 ends a running or paused timer; an ended timer accepts nothing more', () => {
    const running = must(startTimer(5 * MIN, T0));
    const ended = must(endTimer(running, T0 + MIN));
    expect(ended).toEqual({ status: 'ended', durationMs: 5 * MIN, deadline: null, remainingMs: null, startedAt: T0, endedAt: T0 + MIN });
    expect(must(endTimer(must(pauseTimer(running, T0 + MIN)), T0 + 2 * MIN)).endedAt).toBe(T0 + 2 * MIN);
    expectConflict(endTimer(ended, T0 + 2 * MIN));
    expectConflict(endTimer(must(createTimer(MIN)), T0));
    expectConflict(extendTimer(ended, MIN, T0 + 2 * MIN));
    expectConflict(pauseTimer(ended, T0 + 2 * MIN));
  });

  it('TIME8 a timer of two minutes or less never warns: a 60 s turn is not one long "one minute left"', () => {
    for (const total of [30_000, MIN, 2 * MIN]) {
      const running = must(startTimer(total, T0));
      expect(warningDue(running, T0 + 1_000), `${total} ms`).toBe(false);
      expect(warningDue(running, T0 + total - 1_000), `${total} ms`).toBe(false);
      expect(warningAt(running), `${total} ms`).toBeNull();
    }
    const longer = must(startTimer(2 * MIN + 1_000, T0));
    expect(warningDue(longer, T0 + 1_000)).toBe(false);
    expect(warningDue(longer, T0 + MIN + 1_000)).toBe(true);
  });

  it('TIME8 the warning is due in the last minute of a running timer', () => {
    const running = must(startTimer(5 * MIN, T0));
    expect(warningDue(running, T0 + 4 * MIN - 1)).toBe(false);
    expect(warningDue(running, T0 + 4 * MIN)).toBe(true);
    expect(warningDue(running, T0 + 5 * MIN - 1)).toBe(true);
    expect(warningDue(running, T0 + 5 * MIN)).toBe(false); // run out: no warning, it is over
    expect(warningDue(running, T0 + 3 * MIN, 2 * MIN)).toBe(true);
    expect(warningDue(must(pauseTimer(running, T0 + 4.5 * MIN)), T0 + 4.5 * MIN)).toBe(false);
    expect(warningAt(running)).toBe(T0 + 4 * MIN);
    expect(warningAt(must(createTimer(MIN)))).toBeNull();
  });

  it('TIME12 transitions do not change their input', () => {
    const running = must(startTimer(5 * MIN, T0));
    const copy = structuredClone(running);
    pauseTimer(running, T0 + MIN);
    extendTimer(running, MIN, T0 + MIN);
    endTimer(running, T0 + MIN);
    startTimer(running, T0 + MIN);
    expect(running).toEqual(copy);
  });
});

type Op =
  | { kind: 'pause'; afterMs: number }
  | { kind: 'resume'; afterMs: number }
  | { kind: 'extend'; afterMs: number; byMs: number }
  | { kind: 'end'; afterMs: number }
  | { kind: 'wait'; afterMs: number };

const afterMs = fc.integer({ min: 0, max: 30 * MIN });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('pause' as const), afterMs }),
  fc.record({ kind: fc.constant('resume' as const), afterMs }),
  fc.record({ kind: fc.constant('extend' as const), afterMs, byMs: fc.integer({ min: 1, max: 2 * 60 * MIN }) }),
  fc.record({ kind: fc.constant('end' as const), afterMs }),
  fc.record({ kind: fc.constant('wait' as const), afterMs }),
);
const durationArb = fc.integer({ min: 1, max: MAX_TIMER_MS });

function apply(timer: Timer, op: Op, now: number): TimerResult | null {
  switch (op.kind) {
    case 'pause':
      return pauseTimer(timer, now);
    case 'resume':
      return resumeTimer(timer, now);
    case 'extend':
      return extendTimer(timer, op.byMs, now);
    case 'end':
      return endTimer(timer, now);
    case 'wait':
      return null;
  }
}

describe('timer properties', () => {
  it('TIME2 any sequence of transitions keeps remaining within [0, total granted] and equal to granted minus time run', () => {
    fc.assert(
      fc.property(durationArb, fc.array(opArb, { maxLength: 30 }), (durationMs, ops) => {
        let now = T0;
        let timer = must(startTimer(durationMs, now));
        let ranMs = 0; // time spent running, ms: the model the timer must agree with
        for (const op of ops) {
          if (timer.status === 'running') ranMs += op.afterMs;
          now += op.afterMs;
          const result = apply(timer, op, now);
          if (result?.ok) timer = result.timer;
          const left = remainingMs(timer, now);
          expect(left).toBeGreaterThanOrEqual(0);
          expect(left).toBeLessThanOrEqual(timer.durationMs);
          expect(timer.durationMs).toBeLessThanOrEqual(MAX_TIMER_MS);
          if (timer.status !== 'ended') expect(left).toBe(Math.max(0, timer.durationMs - ranMs));
        }
      }),
    );
  });

  it('TIME3 pause then resume never changes the time left, however long the pause', () => {
    fc.assert(
      fc.property(durationArb, fc.nat(), fc.integer({ min: 0, max: 10 ** 10 }), (durationMs, ranRaw, pausedFor) => {
        const ran = ranRaw % durationMs; // strictly before the deadline
        const running = must(startTimer(durationMs, T0));
        const before = remainingMs(running, T0 + ran);
        const paused = must(pauseTimer(running, T0 + ran));
        expect(remainingMs(paused, T0 + ran + pausedFor)).toBe(before);
        const resumed = must(resumeTimer(paused, T0 + ran + pausedFor));
        expect(remainingMs(resumed, T0 + ran + pausedFor)).toBe(before);
      }),
    );
  });

  it('TIME5 TIME6 extend adds exactly byMs up to the 4 h cap', () => {
    fc.assert(
      fc.property(durationArb, fc.integer({ min: 1, max: MAX_TIMER_MS }), fc.boolean(), (durationMs, byMs, pause) => {
        const running = must(startTimer(durationMs, T0));
        const now = T0 + Math.floor(durationMs / 2);
        const timer = pause ? must(pauseTimer(running, now)) : running;
        const before = remainingMs(timer, now);
        const result = extendTimer(timer, byMs, now);
        const room = MAX_TIMER_MS - durationMs;
        if (room === 0) {
          expectConflict(result);
          return;
        }
        const extended = must(result);
        const granted = Math.min(byMs, room);
        expect(extended.durationMs).toBe(durationMs + granted);
        expect(remainingMs(extended, now)).toBe(before + granted);
        expect(extended.status).toBe(timer.status);
      }),
    );
  });

  it('TIME12 a refused transition is a conflict and the stored timer stays as it was', () => {
    fc.assert(
      fc.property(durationArb, fc.array(opArb, { maxLength: 20 }), (durationMs, ops) => {
        let now = T0;
        let timer = must(startTimer(durationMs, now));
        for (const op of ops) {
          now += op.afterMs;
          const copy = structuredClone(timer);
          const result = apply(timer, op, now);
          expect(timer).toEqual(copy);
          if (result && !result.ok) expect(result.error.code).toBe('conflict');
          if (result?.ok) timer = result.timer;
        }
      }),
    );
  });
});
