// An idea's text as the terms it is compared by (THEME2): words in lower case, stop words out,
// stemmed (Arabic, English, French, Russian, Spanish) or segmented into words (Chinese), each
// with the surface form it came from so that a theme can be named in real words.
import type { ThemeLanguage } from './language.js';
import { stem } from './stem.js';
import { foldTerm, stopWords } from './stopwords.js';

export interface Token {
  /** The stem, folded: what ideas are compared by. */
  term: string;
  /** The word as written (lower case): what a theme's name shows. */
  surface: string;
}

// French and Spanish elisions and clitics that the split leaves as words of one letter.
const MIN_LENGTH: Record<ThemeLanguage, number> = { en: 2, fr: 2, es: 2, ar: 2, ru: 2, zh: 1 };

let segmenter: Intl.Segmenter | undefined;

function words(text: string, language: ThemeLanguage): string[] {
  if (language === 'zh') {
    segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
    return [...segmenter.segment(text)].filter((part) => part.isWordLike).map((part) => part.segment.toLowerCase());
  }
  // Letters and digits; an apostrophe splits (l'eau → l, eau), as a hyphen does.
  return text
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * `stems` remembers each word's stem for one run: the Snowball port takes about 30 µs a word, and
 * a session's ideas repeat their words, so a run stems each distinct word once.
 */
export function tokenize(text: string, language: ThemeLanguage, stems: Map<string, string> = new Map()): Token[] {
  const stop = stopWords(language);
  const tokens: Token[] = [];
  for (const word of words(text, language)) {
    if (/^\p{N}+$/u.test(word)) continue;
    const folded = foldTerm(word);
    if (folded.length < MIN_LENGTH[language] || stop.has(folded)) continue;
    const input = language === 'ar' ? folded : word;
    let term = stems.get(input);
    if (term === undefined) {
      term = foldTerm(stem(input, language));
      stems.set(input, term);
    }
    if (!term || stop.has(term)) continue;
    tokens.push({ term, surface: word });
  }
  return tokens;
}
