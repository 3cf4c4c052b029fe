import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WORD_LIMITS, cleanWord, displayForm, topWords } from './word-cloud.js';

describe('word cloud', () => {
  it('POLL9 case, surrounding and repeated whitespace, and width do not make another word', () => {
    const keys = ['Climate', ' climate ', 'CLIMATE', 'ｃｌｉｍａｔｅ', 'climate\u00a0'].map((w) => cleanWord(w)?.key);
    expect(new Set(keys)).toEqual(new Set(['climate']));
    expect(cleanWord('  open \n\t data ')).toEqual({ key: 'open data', spelling: 'open data' });
    expect(cleanWord('Straße')?.key).toBe(cleanWord('STRASSE')?.key);
    expect(new Set(['ΟΔΟΣ', 'οδος', 'οδοσ'].map((w) => cleanWord(w)?.key)).size).toBe(1); // final sigma
    expect(cleanWord('ﬁnance')?.key).toBe('finance'); // NFKC unfolds the ligature
    expect(cleanWord('Café')?.spelling).toBe('Café');
  });

  it('POLL9 an empty answer or one longer than the limit is refused', () => {
    expect(cleanWord('   ')).toBeNull();
    expect(cleanWord('x'.repeat(WORD_LIMITS.length))).not.toBeNull();
    expect(cleanWord('x'.repeat(WORD_LIMITS.length + 1))).toBeNull();
    expect(cleanWord(` ${'x'.repeat(WORD_LIMITS.length)}   `)).not.toBeNull(); // measured after trimming
  });

  it('POLL9 normalising is idempotent: a key normalises to itself', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 20 }), (text) => {
        const word = cleanWord(text);
        if (!word) return;
        expect(cleanWord(word.key)?.key).toBe(word.key);
        expect(cleanWord(word.spelling)?.key).toBe(word.key);
      }),
    );
  }, 30_000); // a hundred runs of the stemmer: seconds on a loaded two-core machine

  it('POLL10 the display form is the most common spelling; a tie goes to the one that sorts first', () => {
    expect(displayForm({ 'open data': 1, 'Open data': 3, 'OPEN DATA': 2 }, 'open data')).toBe('Open data');
    expect(displayForm({ Trust: 2, trust: 2 }, 'trust')).toBe('Trust');
    expect(displayForm({}, 'fallback')).toBe('fallback');
  });

  it('POLL10 top-N lists the most given words first, then by word', () => {
    const counts = { b: 2, a: 2, c: 5, d: 1 };
    expect(topWords(counts, { c: { C: 1, c: 4 } }, 3)).toEqual([
      { key: 'c', word: 'c', count: 5 },
      { key: 'a', word: 'a', count: 2 },
      { key: 'b', word: 'b', count: 2 },
    ]);
    expect(topWords(counts, {}, 0)).toEqual([]);
    expect(topWords({ constructor: 1 }, {}, 5)).toEqual([{ key: 'constructor', word: 'constructor', count: 1 }]);
  });
});
