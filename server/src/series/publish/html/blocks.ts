// The document's body (SER102–SER104): the title block, headings, numbered paragraphs with their
// anchors and sub-items, and the inline footnote references.
import type { FrozenBlock, FrozenInline, InformationDocument } from '@open-talks/shared/series';
import { esc, hashHref } from './escape.js';
import type { DocumentWords } from './words.js';

/** The anchor of paragraph n (SER102): what a permalink on the public page points to. */
export function paragraphId(number: number): string {
  return `para-${number}`;
}
export const footnoteId = (number: number) => `fn-${number}`;
export const footnoteRefId = (number: number) => `fnref-${number}`;

export function titleBlock(doc: InformationDocument, words: DocumentWords): string {
  const { titleBlock: tb } = doc;
  const row = (label: string, value: string, attrs = '') => (value ? `<div><dt>${esc(label)}</dt><dd${attrs}>${value}</dd></div>` : '');
  const language = words.t(`words.languageName.${doc.originalLanguage}`);
  return `<header class="title-block">
<dl>${row(words.w('symbol'), tb.symbol && `<bdi dir="ltr">${esc(tb.symbol)}</bdi>`, ' class="symbol"')}${row(words.w('date'), esc(words.date(tb.date)))}${row(words.w('originalLanguage'), esc(language), ` lang="${esc(doc.originalLanguage)}"`)}${row(words.w('submittedBy'), tb.submittedBy && `<bdi>${esc(tb.submittedBy)}</bdi>`)}</dl>
<${words.h(0)} class="doc-title" dir="auto">${esc(tb.title || doc.series.title)}</${words.h(0)}>
<p class="version">${esc(words.w('version', { version: doc.version }))} · ${esc(words.w('finalised', { date: words.date(doc.finalisedAt) }))}${
    doc.original ? '' : ` · ${esc(words.w('translation', { language }))}`
  }</p>
</header>`;
}

/**
 * Inline text and footnote references. A reference shows its quotation (word for word) or its
 * summary in brackets, then the footnote number as a superscript link; the footnote links back.
 * Only the first reference to a footnote carries the id the back-link goes to.
 */
export function inline(content: readonly FrozenInline[], words: DocumentWords, seen: Set<number>): string {
  return content
    .map((piece) => {
      if (piece.kind === 'text') return esc(piece.text);
      const id = seen.has(piece.number) ? '' : ` id="${footnoteRefId(piece.number)}"`;
      seen.add(piece.number);
      const label = piece.label.trim();
      const said = piece.quote !== null ? `<q dir="auto">${esc(piece.quote)}</q>` : label ? `<bdi>${esc(label.startsWith('[') ? label : `[${label}]`)}</bdi>` : '';
      return `${said}<sup class="fnref"><a${id} href="${hashHref(footnoteId(piece.number))}" aria-label="${esc(words.w('footnoteRef', { number: piece.number }))}">${piece.number}</a></sup>`;
    })
    .join('');
}

export function heading(block: Extract<FrozenBlock, { kind: 'heading' }>, words: DocumentWords, seen: Set<number>): string {
  // The document's title is the top heading: its own headings start one level below.
  const tag = words.h(block.level);
  return `<${tag} dir="auto">${inline(block.content, words, seen)}</${tag}>`;
}

/** "1." with a visible link to the paragraph itself (its permalink), then its sub-items "(a)". */
export function paragraph(block: Extract<FrozenBlock, { kind: 'paragraph' }>, words: DocumentWords, seen: Set<number>): string {
  const id = paragraphId(block.number);
  const items = block.items.length
    ? `<ol class="items">${block.items.map((item) => `<li><span class="letter">(${esc(item.letter)})</span> <span class="item-text">${inline(item.content, words, seen)}</span></li>`).join('')}</ol>`
    : '';
  return `<div class="para" id="${id}" tabindex="-1"><p><a class="num" href="${hashHref(id)}" aria-label="${esc(words.w('paragraphLink', { number: block.number }))}">${block.number}.</a> ${inline(block.content, words, seen)}</p>${items}</div>`;
}
