// What the full-text index reads of a contribution (CONS20): its words, lower-cased and
// NFKC-normalised, separated by spaces. Chinese (and Japanese, Thai) have no spaces between words:
// Intl.Segmenter's dictionary splits them, so "数字合作" is found by "合作" on SQLite's FTS5 and
// PostgreSQL's `simple` configuration alike. The same function prepares a search query.

const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

/** The word-like segments of some texts, in order. */
export function wordsOf(...texts: string[]): string[] {
  const words: string[] = [];
  for (const text of texts) {
    for (const part of segmenter.segment(text.normalize('NFKC').toLocaleLowerCase())) {
      if (part.isWordLike) words.push(part.segment);
    }
  }
  return words;
}

/** The `search_text` column of a contribution: its title's and text's words. */
export function searchWords(title: string, text: string): string {
  return wordsOf(title, text).join(' ');
}
