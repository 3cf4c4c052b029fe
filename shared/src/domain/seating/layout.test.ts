import { describe, expect, it } from 'vitest';
import { waterFill } from './layout.js';

describe('waterFill (SEAT4)', () => {
  it('levels sizes to within one', () => {
    expect(waterFill([0, 0, 0], [5, 5, 5], 13)).toEqual([5, 4, 4]);
  });

  it('stops at capacity and lifts tables to their hosts', () => {
    expect(waterFill([0, 0, 0], [2, 10, 10], 16)).toEqual([2, 7, 7]);
    expect(waterFill([3, 0, 0], [5, 5, 5], 4)).toEqual([3, 1, 0]);
  });

  it('refuses counts outside what the bounds allow', () => {
    expect(waterFill([0, 0], [2, 2], 5)).toBeNull();
    expect(waterFill([2, 2], [3, 3], 3)).toBeNull();
  });
});
