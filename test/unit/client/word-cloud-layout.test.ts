import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimateWidth, layoutWordCloud, type PlacedWord } from '../../../client/src/views/projector/word-cloud-layout.js';

const apart = (a: PlacedWord, b: PlacedWord) => Math.abs(a.x - b.x) * 2 >= a.width + b.width || Math.abs(a.y - b.y) * 2 >= a.height + b.height;
const inside = (w: PlacedWord, width: number, height: number) => w.x - w.width / 2 >= 0 && w.x + w.width / 2 <= width && w.y - w.height / 2 >= 0 && w.y + w.height / 2 <= height;

const word = fc.oneof(fc.string({ minLength: 1, maxLength: 18 }), fc.constantFrom('数据治理', 'حوكمة', 'доступ', 'ＡＢＣ'));
const words = fc
  .uniqueArray(fc.record({ word, count: fc.integer({ min: 1, max: 500 }) }), { maxLength: 50, selector: (w) => w.word })
  .map((list) => list.map((w, i) => ({ key: `k${i}`, ...w })));

describe('word cloud layout (PROJ10)', () => {
  it('PROJ10: no two words overlap and every word is inside the area, whatever the words and the area', () => {
    fc.assert(
      fc.property(words, fc.integer({ min: 200, max: 1800 }), fc.integer({ min: 150, max: 800 }), (list, width, height) => {
        const placed = layoutWordCloud(list, { width, height });
        for (const [i, a] of placed.entries()) {
          expect(inside(a, width, height)).toBe(true);
          for (const b of placed.slice(i + 1)) expect(apart(a, b)).toBe(true);
        }
        // Nothing invented, nothing twice.
        expect(new Set(placed.map((p) => p.key)).size).toBe(placed.length);
      }),
      { numRuns: 150 },
    );
  });

  it('PROJ10: the layout is deterministic and the most frequent word is the biggest, in the middle', () => {
    const list = [
      { key: 'a', word: 'access', count: 40 },
      { key: 'b', word: 'skills', count: 12 },
      { key: 'c', word: 'trust', count: 3 },
    ];
    const first = layoutWordCloud(list, { width: 1600, height: 600 });
    expect(layoutWordCloud([...list].reverse(), { width: 1600, height: 600 })).toEqual(first);
    expect(first.map((w) => w.key)).toEqual(['a', 'b', 'c']);
    expect(first[0]).toMatchObject({ x: 800, y: 300 });
    expect(first[0]!.size).toBeGreaterThan(first[1]!.size);
    expect(first[1]!.size).toBeGreaterThan(first[2]!.size);
  });

  it('PROJ10: a realistic cloud of 50 words fits entirely at 1920×1080', () => {
    const list = Array.from({ length: 50 }, (_, i) => ({ key: String(i), word: `word${i}`, count: 50 - i }));
    expect(layoutWordCloud(list, { width: 1700, height: 560 })).toHaveLength(50);
  });

  it('wide characters are measured as a whole em', () => {
    expect(estimateWidth('数据', 40)).toBe(80);
    expect(estimateWidth('ab', 100)).toBe(124);
  });
});
