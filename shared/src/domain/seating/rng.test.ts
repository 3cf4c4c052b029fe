import { describe, expect, it } from 'vitest';
import { createRng, shuffleInPlace } from './rng.js';

describe('createRng', () => {
  it('SEAT8 repeats its sequence for a seed and differs across seeds', () => {
    const draw = (seed: number) => {
      const rng = createRng(seed);
      return Array.from({ length: 5 }, () => rng.next());
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(8)).not.toEqual(draw(7));
  });

  it('stays in range and shuffles to a permutation', () => {
    const rng = createRng(1);
    for (let i = 0; i < 1000; i++) {
      const k = rng.int(6);
      expect(k >= 0 && k < 6 && Number.isInteger(k)).toBe(true);
    }
    expect(shuffleInPlace([1, 2, 3, 4, 5], rng).sort()).toEqual([1, 2, 3, 4, 5]);
  });
});
