// NOTE14: notepad limits per person (a participant's token, or a session's projector display),
// across all their connections: reconnecting resets nothing. Behind a small interface so the
// counts could live in Redis for several nodes; one process keeps them in memory now.
import { TokenBucket } from './rate.js';

export const RATE_WINDOW = 10_000; // ms: the message limit is per this window

export interface PersonLimits {
  /**
   * A connection of `person` opened. Returns the ids of that person's connections to close,
   * oldest first, so that at most the allowed number stay open (the new one among them).
   */
  opened(person: string, connectionId: string, now: number): string[];
  /** A connection closed (for any reason). */
  closed(person: string, connectionId: string): void;
  /** One message from `person`, on any of their connections: false when past their rate. */
  takeMessage(person: string, now: number): boolean;
}

export interface PersonLimitOptions {
  connectionsPerPerson: number;
  messagesPer10s: number;
}

/** The limits in this process's memory (one node; a Redis version would share them). */
export class MemoryPersonLimits implements PersonLimits {
  /** Open connection ids per person, oldest first. */
  private readonly open = new Map<string, string[]>();
  private readonly buckets = new Map<string, TokenBucket>();
  private nextSweep = 0; // epoch ms: idle buckets are swept at most once a window, not per connection

  constructor(private readonly options: PersonLimitOptions) {}

  opened(person: string, connectionId: string, now: number): string[] {
    this.forgetIdle(now);
    const ids = this.open.get(person) ?? [];
    ids.push(connectionId);
    this.open.set(person, ids);
    // Those returned are as good as closed: the caller closes them now.
    return ids.splice(0, Math.max(0, ids.length - this.options.connectionsPerPerson));
  }

  closed(person: string, connectionId: string): void {
    const ids = this.open.get(person);
    if (!ids) return;
    const at = ids.indexOf(connectionId);
    if (at >= 0) ids.splice(at, 1);
    if (ids.length === 0) this.open.delete(person);
  }

  takeMessage(person: string, now: number): boolean {
    let bucket = this.buckets.get(person);
    if (!bucket) {
      bucket = new TokenBucket(this.options.messagesPer10s, RATE_WINDOW, now);
      this.buckets.set(person, bucket);
    }
    return bucket.take(now);
  }

  /** Buckets that have refilled completely are the same as new ones: drop them (memory follows use). */
  private forgetIdle(now: number): void {
    if (now < this.nextSweep) return;
    this.nextSweep = now + RATE_WINDOW;
    for (const [person, bucket] of this.buckets) {
      if (bucket.isFull(now)) this.buckets.delete(person);
    }
  }
}
