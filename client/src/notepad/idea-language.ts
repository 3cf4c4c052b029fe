import { directionOf, textDirection } from '@open-talks/shared';

/**
 * A key idea's `lang` and `dir` (MT50): its own language, so a screen reader speaks it in the right
 * voice. The direction is its letters' (as `dir="auto"` would say), the language's only when it has
 * none: the language is often the author's by default, and an English idea typed by someone reading
 * in Arabic must still read left to right (IDEA6).
 */
export function ideaLanguageAttrs(language: string | null, text: string): { lang?: string; dir: 'ltr' | 'rtl' | 'auto' } {
  return language ? { lang: language, dir: textDirection(text, directionOf(language)) } : { dir: 'auto' };
}
