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

  schedule(key: string, flush: () => void | Promise<void>): void {
    if (this.closed || this.timers.has(key)) return;
    const wait = Math.max(0, (this.lastRun.get(key) ?? -Infinity) + this.intervalMs - this.now());
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

  close(): void {
    this.closed = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
