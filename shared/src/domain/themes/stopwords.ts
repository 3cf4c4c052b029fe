// Stop words per language. The lists are the `stopword` package's (MIT, pure JavaScript, kept up
// to date, one array per ISO 639-3 code, no dependencies), plus two small lists of our own: words
// the package misses that carry no theme in a consultation's one-line ideas ("should", "need",
// "more", "people"...), and for Chinese the single-character function words and particles that
// `Intl.Segmenter` leaves as words. Compared after lower-casing and folding accents.
import { ara, eng, fra, rus, spa, zho } from 'stopword';
import type { ThemeLanguage } from './language.js';

const EXTRA: Record<ThemeLanguage, string> = {
  en: 'should must need needs needed would could can will also more most less many much every all each people make makes making ensure provide give get use using better improve improving increase new local more one two three way ways lot lots sure way',
  fr: 'faut doit doivent devrait devraient peut peuvent plus moins tous toutes tout chaque faire avoir être aussi très mieux meilleur meilleure améliorer assurer offrir donner nouveaux nouvelles nouveau nouvelle gens personnes local locaux locale locales il elle ils elles cela ça leurs leur nos notre davantage afin',
  es: 'debe deben debería deberían puede pueden hay más menos todos todas todo cada hacer tener ser estar también muy mejor mejores mejorar asegurar ofrecer dar nuevo nueva nuevos nuevas gente personas local locales sus su nuestras nuestros nuestro nuestra así además',
  ar: 'يجب ينبغي أكثر أقل كل جميع لدى عبر خلال تحسين توفير ضمان زيادة الناس المحلية المحلي جديدة جديد لكل بشكل مثل أيضا',
  ru: 'нужно надо нужен нужна нужны должны должен должна больше меньше все всех каждый каждого сделать улучшить обеспечить предоставить дать новые новых людей люди местные местных также очень лучше',
  zh: '的 地 得 了 着 过 和 与 及 或 在 是 有 为 把 被 让 给 对 从 向 更 很 也 都 就 还 要 应 应该 需要 必须 可以 能 能够 我们 他们 大家 提供 加强 改善 提高 增加 确保 更多 每个 所有 一个 让 使 并 等 中 上 下 里 这 那 其',
};

const LIBRARY: Record<ThemeLanguage, readonly string[]> = { en: eng, fr: fra, es: spa, ar: ara, ru: rus, zh: zho };

/** Lower case, no accents (Latin), no Arabic diacritics or tatweel: how terms are compared. */
export function foldTerm(word: string): string {
  return word
    .normalize('NFKD')
    .replace(/[\u0300-\u036f\u064b-\u065f\u0670\u0640]/g, '')
    .normalize('NFC')
    .toLowerCase();
}

const cache = new Map<ThemeLanguage, ReadonlySet<string>>();

export function stopWords(language: ThemeLanguage): ReadonlySet<string> {
  let set = cache.get(language);
  if (!set) {
    set = new Set([...LIBRARY[language], ...EXTRA[language].split(/\s+/)].filter(Boolean).map(foldTerm));
    cache.set(language, set);
  }
  return set;
}
