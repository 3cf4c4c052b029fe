/**
 * At most `max` open connections per person (LIMIT2). The newest wins: a person who opens a
 * ninth tab keeps it, and the oldest is handed back to be closed with a reason it can show.
 * In memory, per process: each node of a cluster caps the connections it holds.
 */
export class ConnectionCap<C> {
  private readonly open = new Map<string, C[]>(); // person key → connections, oldest first

  constructor(readonly max: number) {}

  /** Counts a new connection; returns the ones it replaces, oldest first (usually none). */
  admit(key: string, connection: C): C[] {
    const list = this.open.get(key) ?? [];
    list.push(connection);
    this.open.set(key, list);
    return list.length > this.max ? list.splice(0, list.length - this.max) : [];
  }

  release(key: string, connection: C): void {
    const list = this.open.get(key);
    if (!list) return;
    const index = list.indexOf(connection);
    if (index !== -1) list.splice(index, 1);
    if (list.length === 0) this.open.delete(key);
  }

  count(key: string): number {
    return this.open.get(key)?.length ?? 0;
  }
}
