// The draft's text and its structure (SER3): rapporteurs type plain text in the shared editor;
// the structure is read from it, so the numbering is derived, never typed, and stays right
// whatever edits several people merge. The rules (docs/series.md):
//   "# Title" / "## Title"   a heading (level 1 / 2)
//   "- text" or "* text"     a sub-item a), b), c) … of the paragraph before it
//   "[[stats]]"              the statistics block (live until the version is finalised)
//   "[[annex]]"              the annex list
//   any other text           a paragraph, numbered 1., 2., 3. … across the whole document;
//                            a blank line ends it
//   "[[ref:<id>]]" inline    a reference to evidence (a footnote in the exports)
import { ANNEX_LINE, STATS_LINE } from './words.js';
import type { DocumentBlock, InlineSegment } from './types.js';

const HEADING = /^(#{1,2})\s+(.*)$/;
const ITEM = /^\s*[-*]\s+(.*)$/;

/** a, b, … z, aa, ab, …: the letter of the n-th (0-based) sub-item. */
export function itemLetter(index: number): string {
  let n = index;
  let out = '';
  do {
    out = String.fromCharCode(97 + (n % 26)) + out;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return out;
}

type Paragraph = Extract<DocumentBlock, { kind: 'paragraph' }>;

/** The blocks of the draft, with character offsets into `text` (for the editor's markers). */
export function parseDocumentText(text: string): DocumentBlock[] {
  const blocks: DocumentBlock[] = [];
  let paragraph: Paragraph | null = null;
  // Whether the current paragraph may still take lines (false after a blank line: items only).
  let open = false;
  let number = 0;
  let offset = 0;
  for (const raw of text.split('\n')) {
    // Text pasted from Windows ends its lines in \r\n: the \r belongs to no block (and would
    // stop the item pattern's `.*` short of the line's end).
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const from = offset;
    const to = offset + line.length;
    offset = from + raw.length + 1;
    const trimmed = line.trim();
    if (trimmed === '') {
      open = false;
      continue;
    }
    const heading = HEADING.exec(trimmed);
    if (heading) {
      blocks.push({ kind: 'heading', level: heading[1]!.length as 1 | 2, text: heading[2]!.trim(), from, to });
      paragraph = null;
      continue;
    }
    if (trimmed === STATS_LINE || trimmed === ANNEX_LINE) {
      blocks.push({ kind: trimmed === STATS_LINE ? 'stats' : 'annex-list', from, to });
      paragraph = null;
      continue;
    }
    const item = ITEM.exec(line);
    if (item) {
      if (!paragraph) {
        paragraph = { kind: 'paragraph', number: ++number, text: '', items: [], from, to };
        blocks.push(paragraph);
      }
      paragraph.items.push({ letter: itemLetter(paragraph.items.length), text: item[1]!.trim(), from, to });
      paragraph.to = to;
      open = true;
      continue;
    }
    if (paragraph && open) {
      const last = paragraph.items[paragraph.items.length - 1];
      if (last) {
        last.text = `${last.text} ${trimmed}`.trim();
        last.to = to;
      } else {
        paragraph.text = `${paragraph.text} ${trimmed}`.trim();
      }
      paragraph.to = to;
      continue;
    }
    paragraph = { kind: 'paragraph', number: ++number, text: trimmed, items: [], from, to };
    blocks.push(paragraph);
    open = true;
  }
  return blocks;
}

/** Text and reference tokens of one paragraph, heading or item, in order. */
export function inlineSegments(text: string): InlineSegment[] {
  const out: InlineSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(/\[\[ref:([A-Za-z0-9_-]{1,64})\]\]/g)) {
    if (match.index > last) out.push({ kind: 'text', text: text.slice(last, match.index) });
    out.push({ kind: 'ref', id: match[1]! });
    last = match.index + match[0].length;
  }
  if (last < text.length) out.push({ kind: 'text', text: text.slice(last) });
  return out;
}

/** Every reference id in the text, in reading order (an id may occur more than once). */
export function referenceIds(text: string): string[] {
  return [...text.matchAll(/\[\[ref:([A-Za-z0-9_-]{1,64})\]\]/g)].map((m) => m[1]!);
}
