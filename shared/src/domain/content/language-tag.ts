// BCP 47 language tags for what people write (issue 18). The interface has six languages; a
// contribution may be in any language, so its tag is any well-formed BCP 47 tag, canonicalised.

/** Longest tag we keep: enough for language-script-region-variant (`zh-Hant-TW`, `sr-Latn-RS`). */
export const LANGUAGE_TAG_MAX = 35;

/** The canonical form of a BCP 47 tag (`EN-gb` → `en-GB`), or null when it is not one. */
export function canonicalTag(tag: string): string | null {
  if (tag.length === 0 || tag.length > LANGUAGE_TAG_MAX) return null;
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? null;
  } catch {
    return null;
  }
}

/** Languages written right to left, by primary subtag; a script subtag overrides (`az-Arab`, `pa-Arab`). */
const RTL_PRIMARY = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'iw', 'ks', 'ku-Arab', 'mzn', 'nqo', 'ps', 'sd', 'syr', 'ug', 'ur', 'yi']);
const RTL_SCRIPTS = new Set(['Adlm', 'Arab', 'Hebr', 'Mand', 'Nkoo', 'Rohg', 'Samr', 'Syrc', 'Thaa']);
const LTR_SCRIPTS_OF_RTL_LANGUAGES = new Set(['Latn', 'Cyrl']);

/** `rtl` or `ltr`: the direction to mark wherever text in this language is shown or exported. */
export function directionOf(tag: string): 'rtl' | 'ltr' {
  const parts = tag.split('-');
  const script = parts.find((part, i) => i > 0 && part.length === 4);
  if (script) {
    const title = script[0]!.toUpperCase() + script.slice(1).toLowerCase();
    if (RTL_SCRIPTS.has(title)) return 'rtl';
    if (LTR_SCRIPTS_OF_RTL_LANGUAGES.has(title)) return 'ltr';
  }
  return RTL_PRIMARY.has((parts[0] ?? '').toLowerCase()) ? 'rtl' : 'ltr';
}

/** The primary language (`fr-CA` → `fr`), to match a text's tag against a reader's language. */
export function primaryLanguage(tag: string): string {
  return (tag.split('-')[0] ?? tag).toLowerCase();
}

/** Whether a text tagged `tag` needs no translation for a reader of `language` (`fr-CA` for `fr`). */
export function sameLanguage(tag: string, language: string): boolean {
  return primaryLanguage(tag) === primaryLanguage(language);
}
