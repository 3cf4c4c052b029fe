// Blocks → one self-contained, printable HTML file: inline CSS, no scripts, no outside requests.
// Every text is escaped (REC12); people's words carry dir="auto" (they stay in their language).
import type { Block, ListItem } from '@open-talks/shared';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const STYLE = `
body { font: 11pt/1.5 system-ui, "Segoe UI", "Noto Sans", Arial, sans-serif; color: #1b1b1b; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.9rem; margin-bottom: .5rem; } h2 { font-size: 1.4rem; margin-top: 2rem; border-bottom: 1px solid #ccc; }
h3 { font-size: 1.15rem; margin-top: 1.4rem; } h4 { font-size: 1rem; margin: 1rem 0 .3rem; }
ul { padding-inline: 1.5rem; } /* both sides: an item in the other direction has its bullet on the other side */
dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; } dt { font-weight: 600; } dd { margin: 0; }
.muted { color: #555; font-style: italic; } .verbatim p { white-space: pre-wrap; margin: 0; } .verbatim { margin: 1rem 0; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: 10pt; }
th, td { border: 1px solid #bbb; padding: .25rem .45rem; text-align: start; vertical-align: top; white-space: pre-wrap; }
th { background: #eef1f5; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } tr { break-inside: avoid; } thead { display: table-header-group; } }
`;

/**
 * Isolated direction, the page's alignment: a cell or value in another script reads right.
 * Line by line, so that notes in a cell mixing Arabic and English lines keep each line's order.
 */
function text(t: string): string {
  return t
    .split(/\r\n|\r|\n/)
    .map((line) => `<bdi>${escapeHtml(line)}</bdi>`)
    .join('\n');
}

/**
 * Notes, line by line, each line in its own direction: a Latin line in Arabic notes reads
 * "Bob: plain language everywhere.", not ".Bob: plain language everywhere" (one dir="auto" for
 * the whole text would take the first line's direction for all). Blank lines keep their height.
 */
function verbatim(t: string, lang?: string, dir?: 'ltr' | 'rtl'): string {
  const lines = t.trim().split(/\r\n|\r|\n/);
  // Its language as a whole when known (NOTE20); each line still finds its own direction.
  const written = lang ? ` lang="${escapeHtml(lang)}" dir="${dir ?? 'auto'}"` : '';
  return `<div class="verbatim"${written}>${lines.map((line) => (line.trim() === '' ? '<p><br></p>' : `<p dir="auto">${escapeHtml(line)}</p>`)).join('')}</div>`;
}

/** A key idea marks its words with their language and direction (MT50); credit and label stay the page's. */
function listItem(item: string | ListItem): string {
  if (typeof item === 'string') return escapeHtml(item);
  const words = `<span lang="${escapeHtml(item.lang)}" dir="${item.dir}">${escapeHtml(item.text)}</span>`;
  return item.note ? `${words} ${escapeHtml(item.note)}` : words;
}

function block(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return `<h${b.level} dir="auto">${escapeHtml(b.text)}</h${b.level}>`;
    case 'facts':
      return `<dl>${b.rows.map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd>${text(value)}</dd>`).join('')}</dl>`;
    case 'paragraph':
      return `<p${b.muted ? ' class="muted"' : ''} dir="auto">${escapeHtml(b.text)}</p>`;
    case 'labelled':
      // The page's direction for our label; the person's words isolated in theirs.
      return `<p>${escapeHtml(b.label)}: <bdi>${escapeHtml(b.text)}</bdi></p>`;
    case 'verbatim':
      return verbatim(b.text, b.lang, b.dir);
    case 'list':
      // A list in one language (a caption stream) says so once; others let each item find its direction.
      if (b.lang) return `<ul lang="${escapeHtml(b.lang)}" dir="${b.dir ?? 'auto'}">${b.items.map((item) => `<li>${listItem(item)}</li>`).join('')}</ul>`;
      return `<ul>${b.items.map((item) => `<li dir="auto">${listItem(item)}</li>`).join('')}</ul>`;
    case 'table':
      return `<table><thead><tr>${b.head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${b.rows
        .map((row) => `<tr>${row.map((c) => `<td>${text(c)}</td>`).join('')}</tr>`)
        .join('\n')}</tbody></table>`;
    default:
      throw new Error(`unknown block ${JSON.stringify(b satisfies never)}`);
  }
}

export function renderHtml(blocks: readonly Block[], options: { title: string; language: string; rtl: boolean }): string {
  return `<!doctype html>
<html lang="${escapeHtml(options.language)}" dir="${options.rtl ? 'rtl' : 'ltr'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${blocks.map(block).join('\n')}
</main>
</body>
</html>
`;
}
