// What the full-text index reads of a contribution (CONS20): its words, lower-cased and
// NFKC-normalised, separated by spaces. Chinese (and Japanese, Thai) have no spaces between words:
// Intl.Segmenter's dictionary splits them, so "数字合作" is found by "合作" on SQLite's FTS5 and
// PostgreSQL's `simple` configuration alike. The same function prepares a search query.
//
// Both engines must cut the text into the same tokens, so a word keeps only letters, digits and
// spacing marks: "l'eau" becomes "l eau" (FTS5's unicode61 and PostgreSQL's parser would each cut
// the apostrophe their own way), and accents and Arabic short vowels go (CONS21: "cooperation"
// finds "coopération", vowelled Arabic finds unvowelled).

const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });
/** Non-spacing marks: accents, Arabic harakat, after canonical decomposition. */
const NON_SPACING_MARKS = /\p{Mn}+/gu;
const NOT_WORD = /[^\p{L}\p{N}\p{M}]+/u;

/** One word-like segment as index tokens (usually one). */
function tokensOf(segment: string): string[] {
  const bare = segment.normalize('NFD').replace(NON_SPACING_MARKS, '').normalize('NFC');
  return bare.split(NOT_WORD).filter((token) => token.length > 0);
}

/** The word-like segments of some texts, in order. */
export function wordsOf(...texts: string[]): string[] {
  const words: string[] = [];
  for (const text of texts) {
    for (const part of segmenter.segment(text.normalize('NFKC').toLocaleLowerCase())) {
      if (part.isWordLike) words.push(...tokensOf(part.segment));
    }
  }
  return words;
}

/** The `search_text` column of a contribution: its title's and text's words. */
export function searchWords(title: string, text: string): string {
  return wordsOf(title, text).join(' ');
}

/** The distinct words of a query, in order, at most `limit` of them (a long draft is cut). */
export function queryWords(text: string, limit: number): string[] {
  return [...new Set(wordsOf(text))].slice(0, limit);
}
