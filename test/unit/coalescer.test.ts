import { afterEach, describe, expect, it, vi } from 'vitest';
import { Coalescer } from '../../server/src/util/coalescer.js';
import { roomAttendanceInterval } from '../../server/src/realtime/notifier.js';

// Vote counts and poll results go out at most once per interval per session (issue 5).
describe('Coalescer', () => {
  afterEach(() => vi.useRealTimers());

  it('flushes the first change at once, then a burst as one flush per interval', async () => {
    vi.useFakeTimers({ now: 0 });
    const coalescer = new Coalescer(250, (error) => {
      throw error;
    });
    const flushes: number[] = [];
    const flush = () => void flushes.push(Date.now());
    coalescer.schedule('s1', flush);
    await vi.advanceTimersByTimeAsync(0);
    expect(flushes).toEqual([0]);
    for (let i = 0; i < 100; i++) {
      coalescer.schedule('s1', flush);
      await vi.advanceTimersByTimeAsync(5);
    }
    await vi.advanceTimersByTimeAsync(250);
    // 500 ms of changes after the first: one flush every 250 ms, never more.
    expect(flushes).toEqual([0, 250, 500]);
    coalescer.close();
  });

  it('keeps sessions apart and reports a failing flush without stopping the next', async () => {
    vi.useFakeTimers({ now: 0 });
    const errors: string[] = [];
    const coalescer = new Coalescer(250, (_error, key) => errors.push(key));
    const seen: string[] = [];
    coalescer.schedule('a', () => {
      throw new Error('boom');
    });
    coalescer.schedule('b', () => void seen.push('b'));
    await vi.advanceTimersByTimeAsync(0);
    expect(errors).toEqual(['a']);
    expect(seen).toEqual(['b']);
    coalescer.schedule('a', () => void seen.push('a'));
    await vi.advanceTimersByTimeAsync(250);
    expect(seen).toEqual(['b', 'a']);
    coalescer.close();
    coalescer.schedule('a', () => void seen.push('late'));
    await vi.advanceTimersByTimeAsync(1000);
    expect(seen).toEqual(['b', 'a']);
  });

  it('takes an interval per flush: a burst of a longer interval flushes that much less often', async () => {
    vi.useFakeTimers({ now: 0 });
    const coalescer = new Coalescer(250, (error) => {
      throw error;
    });
    const flushes: number[] = [];
    for (let i = 0; i < 200; i++) {
      coalescer.schedule('s1', () => void flushes.push(Date.now()), 1_000);
      await vi.advanceTimersByTimeAsync(10);
    }
    await vi.advanceTimersByTimeAsync(1_000);
    expect(flushes).toEqual([0, 1_000, 2_000]);
    coalescer.close();
  });

  it('RESTART1 counts reach everyone at most once a second, and less often as the session grows', () => {
    expect([50, 200, 2_000, 4_000, 100_000].map(roomAttendanceInterval)).toEqual([1_000, 1_000, 10_000, 10_000, 10_000]);
  });
});
