import type { RoundClock } from './run-service.js';

const MAX_DELAY = 2 ** 31 - 1; // ms: setTimeout's limit; longer waits re-arm

/**
 * How a due timer is run: in a cluster, on the session's owner only and fenced (docs/cluster.md
 * CLU7); absent, it just runs.
 */
export type TimerScope = (key: string, fire: () => void) => void;

/** One timeout per running round, re-armed on every change; nothing ticks. */
export function timeoutClock(now: () => number = Date.now, scope?: TimerScope): RoundClock & { close(): void } {
  const timers = new Map<string, NodeJS.Timeout>();
  const clock = {
    schedule(sessionId: string, at: number, onDue: () => void): void {
      clock.cancel(sessionId);
      const delay = Math.max(0, at - now());
      const timer = setTimeout(
        () => {
          timers.delete(sessionId);
          // Past MAX_DELAY, or fired early: Node's timers run on a monotonic clock and may wake a
          // millisecond before Date.now() reaches the deadline, when the timer is not yet expired.
          if (now() < at) clock.schedule(sessionId, at, onDue);
          else if (scope) scope(sessionId, onDue);
          else onDue();
        },
        Math.min(delay, MAX_DELAY),
      );
      timer.unref();
      timers.set(sessionId, timer);
    },
    cancel(sessionId: string): void {
      clearTimeout(timers.get(sessionId));
      timers.delete(sessionId);
    },
    close(): void {
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
  return clock;
}
