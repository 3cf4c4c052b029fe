// Stemming with the Snowball algorithms (snowball-stemmers: the official Snowball stemmers
// compiled to plain JavaScript, ISC, no dependencies; it covers Arabic, English, French, Russian
// and Spanish, where `natural` is a much larger library and `@nlpjs/lang-*` need their core).
// The package is large (0.9 MB), so the theme engine is not exported from the shared entry the
// client imports: only the server loads it (`@open-talks/shared/domain/themes`). Chinese is not
// stemmed: its words come whole from the segmenter.
import * as snowballModule from 'snowball-stemmers';
import type { SnowballStemmer } from 'snowball-stemmers';
import type { ThemeLanguage } from './language.js';

const ALGORITHM: Record<Exclude<ThemeLanguage, 'zh'>, string> = { en: 'english', fr: 'french', es: 'spanish', ar: 'arabic', ru: 'russian' };
// A CommonJS module: Node's ESM loader gives its exports as names, some bundlers only as `default`.
const snowball = 'newStemmer' in snowballModule ? snowballModule : (snowballModule as { default: typeof snowballModule }).default;
const stemmers = new Map<ThemeLanguage, SnowballStemmer>();

export function stem(word: string, language: ThemeLanguage): string {
  if (language === 'zh') return word;
  let stemmer = stemmers.get(language);
  if (!stemmer) {
    stemmer = snowball.newStemmer(ALGORITHM[language]);
    stemmers.set(language, stemmer);
  }
  return stemmer.stem(word);
}
