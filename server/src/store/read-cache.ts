/**
 * A short-lived read cache per session, for what every (re)connect of a session needs alike
 * (its roster, a café's tables, plan and run). After a restart thousands of people reconnect
 * within seconds; without it each connection read the whole session again (work ∝ N²).
 *
 * Correctness rules (docs/spec.md SYNC3):
 * - Every write through the store invalidates the session it touches (see `watchWrites`), also
 *   once more after its transaction commits, so nobody in this process reads a stale entry.
 * - A load that started before a write is shared with callers that came before the write, but
 *   never stored: callers after the write start a fresh load.
 * - Entries live `ttlMs` at most, so a write made by another server node is seen within that.
 *   Nothing here is the source of truth; dropping the whole cache only costs reads.
 */
export class SessionReadCache {
  private readonly entries = new Map<string, Map<string, { value: Promise<unknown>; expires: number }>>();
  private readonly epochs = new Map<string, number>();
  private epoch = 0; // bumped by invalidateAll
  private nextSweep = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The cached value of `kind` for the session, or `load()`'s (shared by concurrent callers). */
  get<T>(sessionId: string, kind: string, load: () => Promise<T>): Promise<T> {
    const at = this.now();
    this.sweep(at);
    let kinds = this.entries.get(sessionId);
    const cached = kinds?.get(kind);
    if (cached && cached.expires > at) return cached.value as Promise<T>;
    if (!kinds) this.entries.set(sessionId, (kinds = new Map<string, { value: Promise<unknown>; expires: number }>()));
    const sessionEpoch = this.epochs.get(sessionId) ?? 0;
    const globalEpoch = this.epoch;
    const entry = { value: load() as Promise<unknown>, expires: Infinity };
    kinds.set(kind, entry);
    const drop = () => {
      if (this.entries.get(sessionId)?.get(kind) === entry) this.entries.get(sessionId)!.delete(kind);
    };
    entry.value.then(() => {
      // Written meanwhile: the value may predate the write, so it is not kept.
      if (this.epoch !== globalEpoch || (this.epochs.get(sessionId) ?? 0) !== sessionEpoch) drop();
      else entry.expires = this.now() + this.ttlMs;
    }, drop);
    return entry.value as Promise<T>;
  }

  invalidate(sessionId: string): void {
    this.entries.delete(sessionId);
    this.epochs.set(sessionId, (this.epochs.get(sessionId) ?? 0) + 1);
  }

  /** For writes whose session is not known from their arguments (a participant by id). */
  invalidateAll(): void {
    this.entries.clear();
    this.epochs.clear();
    this.epoch++;
  }

  /** Sessions nobody asked about for a while leave memory. */
  private sweep(at: number): void {
    if (at < this.nextSweep) return;
    this.nextSweep = at + 10 * this.ttlMs;
    for (const [sessionId, kinds] of this.entries) {
      for (const [kind, entry] of kinds) if (entry.expires <= at) kinds.delete(kind);
      if (kinds.size === 0) this.entries.delete(sessionId);
    }
  }
}

/**
 * Wraps a repository so that every method not listed in `reads` invalidates the session it
 * writes to (`sessionOf` its arguments; null: every session). A write method added later is
 * therefore covered without anyone remembering the cache.
 */
export function watchWrites<R extends object>(
  repo: R,
  reads: ReadonlySet<string>,
  sessionOf: (method: string, args: unknown[]) => string | null,
  touched: (sessionId: string | null) => void,
): R {
  return new Proxy(repo, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || typeof property !== 'string' || reads.has(property)) return value;
      return async (...args: unknown[]) => {
        const sessionId = sessionOf(property, args);
        touched(sessionId);
        try {
          return await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        } finally {
          touched(sessionId); // and again once written: a read in between may have cached the old rows
        }
      };
    },
  });
}
