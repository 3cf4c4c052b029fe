import { describe, expect, it } from 'vitest';
import { SessionReadCache, watchWrites } from '../../server/src/store/read-cache.js';

// SYNC2/SYNC3: one load per burst, shared; never stale after a write; short-lived.
describe('SessionReadCache', () => {
  function deferred<T>() {
    let resolve!: (value: T) => void;
    const promise = new Promise<T>((r) => (resolve = r));
    return { promise, resolve };
  }

  it('SYNC2 concurrent callers share one load, and later callers get it from the cache', async () => {
    let now = 0;
    const cache = new SessionReadCache(1_000, () => now);
    let loads = 0;
    const load = async () => ++loads;
    const values = await Promise.all(Array.from({ length: 50 }, () => cache.get('s1', 'roster', load)));
    expect(values.every((v) => v === 1)).toBe(true);
    now = 999;
    expect(await cache.get('s1', 'roster', load)).toBe(1);
    expect(loads).toBe(1);
  });

  it('SYNC3 an entry lives at most its time to live', async () => {
    let now = 0;
    const cache = new SessionReadCache(1_000, () => now);
    let loads = 0;
    const load = async () => ++loads;
    await cache.get('s1', 'roster', load);
    now = 1_000;
    expect(await cache.get('s1', 'roster', load)).toBe(2);
  });

  it('SYNC3 a write invalidates its session only; a load that started before the write is not kept', async () => {
    const cache = new SessionReadCache(60_000);
    const before = deferred<string>();
    const first = cache.get('s1', 'cafe', () => before.promise);
    const other = await cache.get('s2', 'cafe', async () => 'other session');
    cache.invalidate('s1'); // the write lands while the first read is still out
    const after = cache.get('s1', 'cafe', async () => 'after the write');
    before.resolve('before the write');
    expect(await first).toBe('before the write'); // asked before the write: fine
    expect(await after).toBe('after the write');
    expect(await cache.get('s1', 'cafe', async () => 'not read again')).toBe('after the write');
    expect(await cache.get('s2', 'cafe', async () => 'not read again')).toBe(other);
  });

  it('SYNC3 invalidateAll drops every session, in flight included', async () => {
    const cache = new SessionReadCache(60_000);
    const slow = deferred<string>();
    void cache.get('s1', 'roster', () => slow.promise);
    await cache.get('s2', 'roster', async () => 'old');
    cache.invalidateAll();
    slow.resolve('old');
    expect(await cache.get('s1', 'roster', async () => 'new')).toBe('new');
    expect(await cache.get('s2', 'roster', async () => 'new')).toBe('new');
  });

  it('a failed load is not kept', async () => {
    const cache = new SessionReadCache(60_000);
    await expect(cache.get('s1', 'roster', async () => Promise.reject(new Error('database away')))).rejects.toThrow('database away');
    expect(await cache.get('s1', 'roster', async () => 'read again')).toBe('read again');
  });
});

describe('watchWrites', () => {
  class Repo {
    calls: string[] = [];
    async read(id: string) {
      this.calls.push(`read ${id}`);
      return id;
    }
    async write(id: string) {
      this.calls.push(`write ${id}`);
    }
    async addedLater(id: string) {
      this.calls.push(`addedLater ${id}`);
    }
  }

  it('SYNC3 every method not listed as a read invalidates, before and after it runs', async () => {
    const touched: (string | null)[] = [];
    const repo = new Repo();
    const watched = watchWrites(
      repo,
      new Set(['read']),
      (_m, args) => args[0] as string,
      (id) => touched.push(id),
    );
    expect(await watched.read('a')).toBe('a');
    await watched.write('b');
    await watched.addedLater('c');
    expect(repo.calls).toEqual(['read a', 'write b', 'addedLater c']);
    expect(touched).toEqual(['b', 'b', 'c', 'c']);
  });
});
