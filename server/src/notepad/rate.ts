/** A token bucket: `capacity` messages at once, refilled evenly over `windowMs`. Time is a parameter. */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly capacity: number,
    private readonly windowMs: number, // ms to refill from empty to full
    now: number,
  ) {
    this.tokens = capacity;
    this.last = now;
  }

  /** Whether the bucket has refilled completely by `now` (so it is as good as a new one). */
  isFull(now: number): boolean {
    return this.tokens + ((now - this.last) * this.capacity) / this.windowMs >= this.capacity;
  }

  /** Takes one token; false when the bucket is empty. */
  take(now: number): boolean {
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) * this.capacity) / this.windowMs);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
