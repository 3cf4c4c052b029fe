import { directionOf } from '@open-talks/shared';

/**
 * A key idea's `lang` and `dir` (MT50): its own language's, so a screen reader speaks it in the
 * right voice; an idea from before languages were kept reads its direction from its letters.
 */
export function ideaLanguageAttrs(language: string | null): { lang?: string; dir: 'ltr' | 'rtl' | 'auto' } {
  return language ? { lang: language, dir: directionOf(language) } : { dir: 'auto' };
}
