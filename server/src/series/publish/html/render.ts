// A frozen version as HTML (SER8, SER10, SER100–SER110): one renderer for the printable export (a
// whole file) and the public page (its content inside the page). Everything is escaped; the
// document's language sets lang and dir (Arabic right to left), people's words keep their own.
import { RTL_LANGUAGES } from '@open-talks/shared';
import type { InformationDocument } from '@open-talks/shared/series';
import { annex, annexList, annexTargets, footnotes } from './annex.js';
import { heading, paragraph, titleBlock } from './blocks.js';
import { esc } from './escape.js';
import { statistics } from './statistics.js';
import { DOCUMENT_STYLE, STANDALONE_STYLE } from './style.js';
import { documentWords } from './words.js';

export interface DocumentHtmlOptions {
  /** A whole printable file (with <html>, styles), or the fragment the public page embeds. */
  standalone: boolean;
}

export { DOCUMENT_STYLE } from './style.js';

export function documentHtml(doc: InformationDocument, options: DocumentHtmlOptions): string {
  const words = documentWords(doc.language, options.standalone ? 1 : 2);
  const targets = annexTargets(doc);
  // The footnote numbers met in the text, in order: a footnote links back only to a reference that exists.
  const seen = new Set<number>();
  const body = doc.blocks
    .map((block) => {
      switch (block.kind) {
        case 'heading':
          return heading(block, words, seen);
        case 'paragraph':
          return paragraph(block, words, seen);
        case 'stats':
          return statistics(block.statistics, words);
        case 'annex-list':
          return annexList(block, words, targets);
        default:
          throw new Error(`unknown block ${JSON.stringify(block satisfies never)}`);
      }
    })
    .join('\n');
  const changes = doc.changes.trim()
    ? `<section class="changes"><${words.h(1)}>${esc(words.w('changes'))}</${words.h(1)}>${doc.changes
        .split(/\r?\n/)
        .filter((l) => l.trim())
        .map((l) => `<p dir="auto">${esc(l)}</p>`)
        .join('')}</section>`
    : '';
  const dir = RTL_LANGUAGES.has(doc.language) ? 'rtl' : 'ltr';
  const article = `<article class="infodoc" lang="${esc(doc.language)}" dir="${dir}">
${titleBlock(doc, words)}
${changes}
${body}
${footnotes(doc, words, targets, seen)}
${annex(doc, words)}
</article>`;
  if (!options.standalone) return article;
  const title = doc.titleBlock.symbol ? `${doc.titleBlock.symbol} — ${doc.titleBlock.title || doc.series.title}` : doc.titleBlock.title || doc.series.title;
  return `<!doctype html>
<html lang="${esc(doc.language)}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${STANDALONE_STYLE}${DOCUMENT_STYLE}</style>
</head>
<body>
<main>
${article}
</main>
</body>
</html>
`;
}
