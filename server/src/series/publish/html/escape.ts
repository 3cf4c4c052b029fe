// Escaping for the information document's HTML (SER100): every text from the document (people's
// words, titles, labels) goes through `esc`; attributes are always double-quoted.

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function esc(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);
}

/**
 * An id for an anchor from a reference such as "A.2.14": letters, digits, dots, dashes and
 * underscores are kept (so the public page's links read like the document's references), any
 * other character becomes "_" so an id never carries a space or markup. Links and targets are
 * both made with this function, so they always agree.
 */
export function anchorId(ref: string): string {
  const clean = ref.replace(/[^A-Za-z0-9._-]/g, '_');
  // An id must not be empty, and one starting with a digit is awkward to select: prefix both.
  return /^[A-Za-z]/.test(clean) ? clean : `x${clean}`;
}

/** A link to an anchor of this page (the id is already safe; encoded all the same). */
export function hashHref(id: string): string {
  return `#${encodeURIComponent(id)}`;
}

/**
 * A person's text as paragraphs (blank lines) and line breaks, escaped; each paragraph in its own
 * direction (`dir="auto"`), in its own language when known, so Arabic words in an English
 * document (and the other way round) read the right way.
 */
export function personText(text: string, lang: string | null): string {
  const langAttr = lang ? ` lang="${esc(lang)}"` : '';
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p dir="auto"${langAttr}>${esc(p).replace(/\r?\n/g, '<br>')}</p>`)
    .join('');
}
