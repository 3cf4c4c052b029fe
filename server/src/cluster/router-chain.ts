/**
 * One promise chain per key (CLU48): what one sender sends runs one after the other, in the order
 * it was sent, however many connections to the owner carry it. A key with nothing queued is gone.
 */
export class KeyedChain {
  private readonly tails = new Map<string, Promise<void>>();

  run<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const before = this.tails.get(key);
    const result = before ? before.then(fn) : fn();
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** Keys with a command running or queued (for tests). */
  get size(): number {
    return this.tails.size;
  }
}
