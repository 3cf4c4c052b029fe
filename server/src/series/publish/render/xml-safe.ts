// Characters XML 1.0 does not allow (review item 8): C0 controls other than tab and line breaks,
// U+FFFE and U+FFFF, and a surrogate without its pair. One of them in a Word file's
// word/document.xml makes the file unreadable, so they are dropped from what is frozen and, for
// text from elsewhere (quotes, the annex), again when a DOCX is written.

// eslint-disable-next-line no-control-regex -- matching the characters XML forbids is the point
const ILLEGAL = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlSafe(text: string): string {
  return text.replace(ILLEGAL, '');
}

/** Every string in a JSON-like value made XML-safe (a copy; the value is not changed). */
export function xmlSafeDeep<T>(value: T): T {
  if (typeof value === 'string') return xmlSafe(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => xmlSafeDeep(v)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) out[key] = xmlSafeDeep(v);
    return out as T;
  }
  return value;
}
