// Which language an idea is written in, for the theme engine: the idea's own language when it
// says, else its script (Arabic, Cyrillic, Han), else the Latin-script language whose stop words
// it uses most. Ideas are clustered within their language (THEME3).
export const THEME_LANGUAGES = ['en', 'fr', 'es', 'ar', 'ru', 'zh'] as const;
export type ThemeLanguage = (typeof THEME_LANGUAGES)[number];

const ARABIC = /\p{Script=Arabic}/gu;
const CYRILLIC = /\p{Script=Cyrillic}/gu;
const HAN = /\p{Script=Han}/gu;
const LATIN = /\p{Script=Latin}/gu;

// A few very common words per Latin-script language; enough to tell three languages apart in a line.
const MARKERS: Record<'en' | 'fr' | 'es', ReadonlySet<string>> = {
  en: new Set('the and of to in for is are with more on that be by should we need our their from at'.split(' ')),
  fr: new Set('le la les des du de et pour dans une un est sont avec plus aux au sur que il faut nos leurs par'.split(' ')),
  es: new Set('el la los las del de y para en una un es son con más al por que hay nuestras nuestros sus se'.split(' ')),
};

export function isThemeLanguage(value: unknown): value is ThemeLanguage {
  return typeof value === 'string' && (THEME_LANGUAGES as readonly string[]).includes(value);
}

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

/** The language of one idea; `hint` (a BCP 47 tag such as `fr-CA`) wins when it is one of the six. */
export function detectLanguage(text: string, hint?: string | null): ThemeLanguage {
  const base = hint?.toLowerCase().split(/[-_]/)[0];
  if (isThemeLanguage(base)) return base;
  const scripts: [ThemeLanguage, number][] = [
    ['ar', count(text, ARABIC)],
    ['ru', count(text, CYRILLIC)],
    ['zh', count(text, HAN)],
    ['en', count(text, LATIN)],
  ];
  const [script] = scripts.reduce((best, next) => (next[1] > best[1] ? next : best));
  if (script !== 'en') return script;
  const words = text.toLowerCase().split(/[^\p{L}]+/u);
  let best: 'en' | 'fr' | 'es' = 'en';
  let bestScore = 0;
  for (const language of ['en', 'fr', 'es'] as const) {
    let score = words.filter((word) => MARKERS[language].has(word)).length;
    if (language === 'es' && /[ñ¿¡]/.test(text)) score += 2;
    if (language === 'fr' && /[çœèêàù]|\b[ldqj]'/i.test(text)) score += 2;
    if (score > bestScore) [best, bestScore] = [language, score];
  }
  return best;
}
