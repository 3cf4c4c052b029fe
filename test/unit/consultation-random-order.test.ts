import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { randomOrder } from '../../server/src/consultation/search/random-order.js';

describe('the random order (CONS22)', () => {
  it('CONS22 is a permutation, the same for the same seed, so pages neither repeat nor skip', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 12 }), { maxLength: 200 }), fc.integer({ min: 0, max: 2_147_483_647 }), (ids, seed) => {
        const order = randomOrder(ids, seed);
        expect([...order].sort()).toEqual([...ids].sort());
        expect(randomOrder([...ids].reverse(), seed)).toEqual(order);
      }),
    );
  });

  it('CONS22 differs between seeds and from the order ids came in', () => {
    const ids = Array.from({ length: 100 }, (_, i) => `c-${i}`);
    expect(randomOrder(ids, 1)).not.toEqual(randomOrder(ids, 2));
    expect(randomOrder(ids, 1)).not.toEqual(ids);
    // No early-comer advantage: the first ten written land all over the order.
    const firstTen = randomOrder(ids, 3)
      .map((id, place) => [id, place] as const)
      .filter(([id]) => Number(id.slice(2)) < 10);
    expect(Math.max(...firstTen.map(([, place]) => place))).toBeGreaterThan(50);
  });
});
