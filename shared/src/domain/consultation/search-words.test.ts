import { describe, expect, it } from 'vitest';
import { queryWords, searchWords } from './search-words.js';

describe('search words (CONS20)', () => {
  it('CONS20 segments Chinese into words, so a word inside a phrase is its own token', () => {
    expect(searchWords('数字合作的未来', '')).toBe('数字 合作 的 未来');
  });

  it('CONS20 lower-cases, drops accents and Arabic short vowels, and splits on apostrophes', () => {
    expect(searchWords("L'Eau et la COOPÉRATION", '')).toBe('l eau et la cooperation');
    expect(searchWords('التَّعَاوُن', '')).toBe(searchWords('التعاون', ''));
  });

  it('CONS20 keeps title words before text words, and a query keeps distinct words up to its limit', () => {
    expect(searchWords('Open data', 'for all')).toBe('open data for all');
    expect(queryWords('data data open, data! more words here', 3)).toEqual(['data', 'open', 'more']);
    expect(queryWords(' ?! ', 5)).toEqual([]);
  });
});
