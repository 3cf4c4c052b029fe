// A text's own direction, as HTML's dir="auto" decides it: from its first strong letter. Formats
// without a `<bdi>` (DOCX) use it per paragraph, so English written in an Arabic record (or Arabic
// in an English one) keeps its punctuation where it belongs.

/** Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan… and their presentation forms. */
const RTL_LETTER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;
const LETTER = /\p{L}/u;

/** 'rtl' or 'ltr' by the first letter; `fallback` when the text has none (numbers, dates, dashes). */
export function textDirection(text: string, fallback: 'rtl' | 'ltr'): 'rtl' | 'ltr' {
  for (const char of text) {
    if (LETTER.test(char)) return RTL_LETTER.test(char) ? 'rtl' : 'ltr';
  }
  return fallback;
}
