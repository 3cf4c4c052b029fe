import { describe, expect, it } from 'vitest';
import { GatheringCache } from '../../server/src/series/evidence/cache.js';

// Review item 7 (SER79): one gathering of a series' evidence per burst of readers, never older
// than a moment, never shared across an attribution change (SER2), a failure never kept.
describe('SER79 GatheringCache', () => {
  function counted(value = 'v') {
    let calls = 0;
    let release: () => void = () => {};
    const gather = () => {
      calls++;
      return new Promise<string>((resolve) => (release = () => resolve(`${value}${calls}`)));
    };
    return { gather, calls: () => calls, release: () => release() };
  }

  it('concurrent readers share one gathering in flight', async () => {
    const cache = new GatheringCache<string>({ clock: () => 0 });
    const g = counted();
    const all = Promise.all([1, 2, 3].map(() => cache.get('s1', 'named', g.gather)));
    g.release();
    expect(await all).toEqual(['v1', 'v1', 'v1']);
    expect(g.calls()).toBe(1);
  });

  it('a finished gathering is reused within the TTL only', async () => {
    let now = 1000;
    const cache = new GatheringCache<string>({ ttlMs: 2000, clock: () => now });
    const g = counted();
    const first = cache.get('s1', 'named', g.gather);
    g.release();
    await first;
    now += 1999;
    expect(await cache.get('s1', 'named', g.gather)).toBe('v1');
    now += 1;
    const later = cache.get('s1', 'named', g.gather);
    g.release();
    expect(await later).toBe('v2');
  });

  it('another attribution, or fresh, gathers again; fresh is then shared', async () => {
    const cache = new GatheringCache<string>({ clock: () => 0 });
    const g = counted();
    const named = cache.get('s1', 'named', g.gather);
    g.release();
    await named;
    const anonymous = cache.get('s1', 'anonymous', g.gather);
    g.release();
    expect(await anonymous).toBe('v2');
    const fresh = cache.get('s1', 'anonymous', g.gather, true);
    g.release();
    expect(await fresh).toBe('v3');
    expect(await cache.get('s1', 'anonymous', g.gather)).toBe('v3');
    expect(g.calls()).toBe(3);
  });

  it('a failed gathering is not kept; series are kept apart and bounded', async () => {
    const cache = new GatheringCache<string>({ clock: () => 0, maxEntries: 2 });
    await expect(cache.get('s1', 'named', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.get('s1', 'named', async () => 'ok')).toBe('ok');
    expect(await cache.get('s2', 'named', async () => 'two')).toBe('two');
    expect(await cache.get('s3', 'named', async () => 'three')).toBe('three');
    // s1 was the oldest: dropped, so it is gathered again.
    expect(await cache.get('s1', 'named', async () => 'again')).toBe('again');
    expect(await cache.get('s3', 'named', async () => 'not this')).toBe('three');
  });
});
