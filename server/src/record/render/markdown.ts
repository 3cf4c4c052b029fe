// Blocks → CommonMark/GFM. Whatever a person wrote is escaped so it shows as text: no heading,
// list, link, HTML or table cell can be smuggled in (REC12).
import type { Block } from '@open-talks/shared';

/**
 * Punctuation that means something inline, escaped wherever it stands. Parentheses and `!` are
 * left alone: they only make a link or an image after a `[`, which is always escaped.
 */
const INLINE = /[\\`*_{}[\]<>#+|~]/g;
/**
 * An `&` only means something where it starts an entity (`&copy;`, `&#169;`): only there is it
 * escaped, the Markdown way (`\&`), so "data & trust" stays as written in the file too.
 */
const ENTITY_START = /&(?=#?[A-Za-z0-9]+;)/g;
/** What means something only at the start of a line: list markers, setext underlines, quotes. */
const LINE_START = /^(\s*)(-|=|\d+(?=[.)]))/;

export function escapeMarkdownLine(line: string): string {
  const escaped = line.replace(INLINE, (c) => `\\${c}`).replace(ENTITY_START, '\\&');
  return escaped.replace(LINE_START, (_m, space: string, marker: string) => `${space}\\${marker}`);
}

/** Several lines in one paragraph or cell: each line escaped, joined by hard breaks. */
function inline(text: string, breakWith: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map(escapeMarkdownLine)
    .join(breakWith);
}

function cell(text: string): string {
  return inline(text, '<br>') || ' ';
}

function block(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return `${'#'.repeat(b.level)} ${inline(b.text, ' ')}`;
    case 'facts':
      return b.rows.map(([label, value]) => `- **${inline(label, ' ')}:** ${inline(value, ' ')}`).join('\n');
    case 'paragraph':
      return b.muted ? `*${inline(b.text, ' ')}*` : inline(b.text, '  \n');
    case 'labelled':
      return inline(`${b.label}: ${b.text}`, '  \n'); // plain text: Markdown has no isolation
    case 'verbatim': {
      // Blank lines separate paragraphs in the source text; inside one, line breaks are kept.
      const text = b.text
        .trim()
        .split(/\n\s*\n/)
        .map((para) => inline(para, '  \n'))
        .join('\n\n');
      // Markdown has no language of its own: an HTML block around it, blank lines keeping the Markdown inside (NOTE20).
      return b.lang ? `<div lang="${b.lang.replace(/[^A-Za-z0-9-]/g, '')}" dir="${b.dir ?? 'auto'}">\n\n${text}\n\n</div>` : text;
    }
    case 'list':
      // Markdown cannot say a language: an item's words and its note, as one plain line.
      return b.items.map((item) => `- ${inline(typeof item === 'string' ? item : [item.text, item.note].filter(Boolean).join(' '), '  \n  ')}`).join('\n');
    case 'table':
      return [`| ${b.head.map(cell).join(' | ')} |`, `|${b.head.map(() => ' --- ').join('|')}|`, ...b.rows.map((row) => `| ${row.map(cell).join(' | ')} |`)].join('\n');
    default:
      throw new Error(`unknown block ${JSON.stringify(b satisfies never)}`);
  }
}

export function renderMarkdown(blocks: readonly Block[]): string {
  return `${blocks.map(block).join('\n\n')}\n`;
}
