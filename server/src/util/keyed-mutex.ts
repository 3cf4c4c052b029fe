/**
 * Runs tasks one at a time per key (a session), in arrival order. A café's run and plan are
 * read, changed and written back; two facilitators pressing "pause" and "+5 min" at once must
 * not both start from the same old timer. One process only: scale-out moves this to the database.
 */
export class KeyedMutex {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }
}
