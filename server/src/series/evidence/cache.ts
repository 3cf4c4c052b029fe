// One gathering of a series' evidence shared by every reader for a moment (review item 7): the
// panel's /evidence, /references and /statistics, and a finalise, each used to gather every
// session again (≈0.6 s at SER79 scale). Concurrent callers share the gathering in flight; a
// finished one is reused for `ttlMs` (the sessions keep changing while the document is drafted,
// so never longer than a moment), and only under the attribution it was gathered for (a series
// made stricter must never be shown from evidence gathered under the looser one, SER2). A caller
// that must see the sessions as they are now (a write, a finalise) asks for a fresh gathering,
// which later readers then share.
import type { Attribution } from '@open-talks/shared';

interface Entry<T> {
  attribution: Attribution;
  value: Promise<T>;
  /** When the gathering finished (null while in flight). */
  doneAt: number | null;
}

export interface CacheOptions {
  ttlMs?: number;
  /** Series kept at most (the oldest is dropped first). */
  maxEntries?: number;
  clock?: () => number;
}

export class GatheringCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly clock: () => number;

  constructor(options: CacheOptions = {}) {
    this.ttlMs = options.ttlMs ?? 2000;
    this.maxEntries = options.maxEntries ?? 64;
    this.clock = options.clock ?? Date.now;
  }

  /** The evidence of `seriesId` under `attribution`: shared while in flight or younger than the TTL, unless `fresh`. */
  get(seriesId: string, attribution: Attribution, gather: () => Promise<T>, fresh = false): Promise<T> {
    const entry = this.entries.get(seriesId);
    if (!fresh && entry && entry.attribution === attribution && (entry.doneAt === null || this.clock() - entry.doneAt < this.ttlMs)) return entry.value;
    const next: Entry<T> = { attribution, value: gather(), doneAt: null };
    this.entries.delete(seriesId); // re-inserted last: the map's order is the age order
    this.entries.set(seriesId, next);
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    next.value.then(
      () => {
        next.doneAt = this.clock();
      },
      () => {
        // A failed gathering is never shared after it failed: the next caller tries again.
        if (this.entries.get(seriesId) === next) this.entries.delete(seriesId);
      },
    );
    return next.value;
  }

  /** Forget a series' gathering (its sessions or attribution changed). */
  drop(seriesId: string): void {
    this.entries.delete(seriesId);
  }
}
