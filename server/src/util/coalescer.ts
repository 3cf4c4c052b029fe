/**
 * Runs a flush at most once per `intervalMs` per key: the first change after a quiet spell goes
 * out at once (no added latency), a burst becomes one flush per interval. Flushes read the state
 * as it is when they run, so nothing is lost by dropping the calls in between.
 */
export class Coalescer {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly lastRun = new Map<string, number>();
  private closed = false;

  constructor(
    private readonly intervalMs: number,
    private readonly onError: (error: unknown, key: string) => void,
    private readonly now: () => number = Date.now,
  ) {}

  /** `intervalMs` for this flush, when it differs by key (a larger audience, a longer interval). */
  schedule(key: string, flush: () => void | Promise<void>, intervalMs = this.intervalMs): void {
    if (this.closed || this.timers.has(key)) return;
    const wait = Math.max(0, (this.lastRun.get(key) ?? -Infinity) + intervalMs - this.now());
    const timer = setTimeout(() => {
      this.timers.delete(key);
      this.lastRun.set(key, this.now());
      Promise.resolve()
        .then(flush)
        .catch((error: unknown) => this.onError(error, key));
    }, wait);
    timer.unref();
    this.timers.set(key, timer);
  }

  /** Whether a flush is waiting for a key that starts with `prefix`. */
  pending(prefix: string): boolean {
    for (const key of this.timers.keys()) if (key.startsWith(prefix)) return true;
    return false;
  }

  /** Forgets when keys starting with `prefix` last ran (their next flush goes out at once). */
  forget(prefix: string): void {
    for (const key of this.lastRun.keys()) if (key.startsWith(prefix) && !this.timers.has(key)) this.lastRun.delete(key);
  }

  close(): void {
    this.closed = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
