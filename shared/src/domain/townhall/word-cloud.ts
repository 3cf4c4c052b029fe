/**
 * Word-cloud answers (POLL9, POLL10 in docs/townhall.md): how a short text is normalised so
 * that "Climate", " climate " and "ｃｌｉｍａｔｅ" count as one word, and which spelling shows.
 */
import { getOwn } from './result.js';

export const WORD_LIMITS = {
  length: 40, // characters, after normalisation
  entries: 5, // answers one participant may give to one word-cloud poll
} as const;

export interface CleanWord {
  /** What counts: NFKC, case-folded, whitespace collapsed and trimmed. */
  key: string;
  /** How this participant spelt it: NFKC, whitespace collapsed and trimmed, case kept. */
  spelling: string;
}

/**
 * Normalises one word-cloud answer, or null when nothing is left or it is longer than
 * WORD_LIMITS.length. Case folding is `toUpperCase().toLowerCase()` (so "Straße" and
 * "STRASSE" meet, and final sigma folds), done between two NFKC passes. POLL9.
 */
export function cleanWord(text: string): CleanWord | null {
  const spelling = text.normalize('NFKC').replace(/\s+/gu, ' ').trim();
  if (spelling.length === 0 || spelling.length > WORD_LIMITS.length) return null;
  const key = spelling.toUpperCase().toLowerCase().normalize('NFKC');
  return { key, spelling };
}

/**
 * The display form of a word: its most common spelling; on a tie the one that sorts first
 * (by code unit), so the choice does not depend on the order the votes came in. POLL10.
 */
export function displayForm(spellings: Readonly<Record<string, number>>, fallback: string): string {
  let best = fallback;
  let bestCount = 0;
  for (const [spelling, count] of Object.entries(spellings)) {
    if (count <= 0) continue;
    if (count > bestCount || (count === bestCount && spelling < best)) {
      best = spelling;
      bestCount = count;
    }
  }
  return best;
}

export interface WordCount {
  /** The normalised word (what counts). */
  key: string;
  /** How to show it (POLL10). */
  word: string;
  count: number;
}

/**
 * The `n` most given words, most first, then by key: for the cloud. Work is the number of
 * distinct words (log-linear), done when results are sent, never per vote. POLL10.
 */
export function topWords(counts: Readonly<Record<string, number>>, spellings: Readonly<Record<string, Readonly<Record<string, number>>>>, n: number): WordCount[] {
  return Object.entries(counts)
    .filter(([, count]) => count > 0)
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, Math.max(0, n))
    .map(([key, count]) => ({ key, word: displayForm(getOwn(spellings, key) ?? {}, key), count }));
}
