// The footnotes, the annex list and the annex (SER106–SER109). Footnotes link to the annex
// entries they cite and back to the text; every annex entry has its reference as its anchor. An
// entry shows a name or a group only when its section's attribution kept one (SER2): the credit
// is already narrowed in the frozen document, and an empty credit shows nothing at all.
import type { AnnexEntry, AnnexSection, FrozenBlock, InformationDocument } from '@open-talks/shared/series';
import type { Credit } from '@open-talks/shared';
import { anchorId, esc, hashHref, personText } from './escape.js';
import { footnoteId, footnoteRefId } from './blocks.js';
import type { DocumentWords } from './words.js';

export const ANNEX_ID = 'annex';

/** "A.<n>": a section's anchor, matching its entries' "A.<n>.<m>". */
export function sectionRef(index: number): string {
  return `A.${index + 1}`;
}

/** Every anchor the annex has, so a link is made only to something that exists. */
export function annexTargets(doc: InformationDocument): Set<string> {
  const ids = new Set<string>([ANNEX_ID]);
  doc.annex.forEach((section, i) => {
    ids.add(anchorId(sectionRef(i)));
    for (const entry of section.entries) ids.add(anchorId(entry.ref));
  });
  return ids;
}

function refLink(ref: string, targets: ReadonlySet<string>): string {
  const id = anchorId(ref);
  return targets.has(id) ? `<a href="${hashHref(id)}" dir="ltr">${esc(ref)}</a>` : `<span dir="ltr">${esc(ref)}</span>`;
}

export function footnotes(doc: InformationDocument, words: DocumentWords, targets: ReadonlySet<string>, referenced: ReadonlySet<number>): string {
  if (doc.footnotes.length === 0) return '';
  const items = doc.footnotes.map((fn) => {
    const back = referenced.has(fn.number)
      ? ` <a class="back" href="${hashHref(footnoteRefId(fn.number))}" aria-label="${esc(words.w('backToText', { number: fn.number }))}">↩</a>`
      : '';
    const said = fn.quote !== null ? `<q dir="auto">${esc(fn.quote)}</q>` : `<bdi>${esc(fn.text)}</bdi>`;
    const quoteFrom = fn.quote !== null && fn.text ? ` (<bdi>${esc(fn.text)}</bdi>)` : '';
    const annex = fn.annex.length ? `<span class="in-annex">${esc(words.w('inAnnex'))} ${fn.annex.map((ref) => refLink(ref, targets)).join(', ')}</span>` : '';
    return `<li id="${footnoteId(fn.number)}" value="${fn.number}" tabindex="-1">${said}${quoteFrom}${back}${annex}</li>`;
  });
  return `<section class="footnotes" aria-labelledby="footnotes-heading"><${words.h(1)} id="footnotes-heading">${esc(words.w('footnotes'))}</${words.h(1)}><ol>${items.join('')}</ol></section>`;
}

export function annexList(block: Extract<FrozenBlock, { kind: 'annex-list' }>, words: DocumentWords, targets: ReadonlySet<string>): string {
  const items = block.entries.map((e) => `<li>${refLink(e.id, targets)} <bdi>${esc(e.title)}</bdi></li>`);
  return `<nav class="annex-list" aria-label="${esc(words.w('annexList'))}"><p><a href="${hashHref(ANNEX_ID)}">${esc(words.w('annex'))}</a></p>${items.length ? `<ul>${items.join('')}</ul>` : ''}</nav>`;
}

/** Where a catalog sentence places a value that is markup ("By {{who}}", "提出者：{{who}}"). */
const HOLE = '\u0001';
function fill(sentence: string, html: string): string {
  return esc(sentence).split(HOLE).join(html);
}

function credit(c: Credit, words: DocumentWords): string {
  const parts = [c.name ? `<bdi>${esc(c.name)}</bdi>` : '', c.group ? esc(words.t(`words.group.${c.group}`)) : ''].filter(Boolean);
  if (parts.length === 0) return '';
  return `<p class="credit">${fill(words.w('by', { who: HOLE }), parts.join(', '))}</p>`;
}

function details(entry: AnnexEntry, words: DocumentWords): string {
  const d = entry.detail;
  const { w } = words;
  const facts: string[] = [];
  if (entry.language) facts.push(fill(w('writtenIn', { language: HOLE }), `<span lang="${esc(entry.language)}">${esc(words.t(`words.languageName.${entry.language}`))}</span>`));
  if (entry.at !== null) facts.push(esc(words.date(entry.at)));
  if (d.table) facts.push(`${esc(w('table'))} <bdi>${esc(d.table)}</bdi>`);
  if (typeof d.round === 'number') facts.push(esc(w('round', { round: d.round })));
  if (typeof d.votes === 'number') facts.push(esc(w('votes', { count: d.votes })));
  if (typeof d.supports === 'number') facts.push(esc(w('supports', { count: d.supports })));
  if (typeof d.size === 'number') facts.push(esc(w('size', { count: d.size })));
  if (typeof d.ideas === 'number') facts.push(esc(w('ideas', { count: d.ideas })));
  if (d.status) facts.push(esc(w('status', { status: words.status(d.status) })));
  const list = facts.length ? `<ul class="facts">${facts.map((f) => `<li>${f}</li>`).join('')}</ul>` : '';
  const results = d.results?.length
    ? `<ul class="results" aria-label="${esc(w('results'))}">${d.results.map((r) => `<li><bdi>${esc(r.label)}</bdi>: ${esc(r.count)}</li>`).join('')}</ul>`
    : '';
  const response = d.response
    ? `<div class="response"><p><strong>${esc(w('response', { status: words.status(d.response.status) }))}</strong></p>${personText(d.response.text, null)}</div>`
    : '';
  return list + results + response;
}

function entry(e: AnnexEntry, words: DocumentWords): string {
  const id = anchorId(e.ref);
  const kind = words.t(`seriesWords.kinds.${e.kind}.one`);
  return `<li class="entry" id="${esc(id)}" tabindex="-1"><p class="entry-head"><a class="ref" href="${hashHref(id)}" dir="ltr">${esc(e.ref)}</a> <span class="kind">${esc(kind)}</span></p><blockquote class="said">${personText(e.text, e.language)}</blockquote>${credit(e.credit, words)}${details(e, words)}</li>`;
}

function section(s: AnnexSection, index: number, words: DocumentWords): string {
  const ref = sectionRef(index);
  const id = anchorId(ref);
  const title = `${esc(words.t(`words.format.${s.format}`))}: <bdi>${esc(s.sessionTitle)}</bdi>`;
  return `<section class="annex-section" id="${esc(id)}" tabindex="-1" aria-labelledby="${esc(id)}-h"><${words.h(2)} id="${esc(id)}-h"><span dir="ltr">${esc(ref)}</span> ${title}</${words.h(2)}>
<p class="attribution">${esc(words.w('attribution', { rule: words.w(`attributions.${s.attribution}`) }))}</p>
${s.entries.length ? `<ol class="entries">${s.entries.map((e) => entry(e, words)).join('')}</ol>` : `<p>${esc(words.w('noEntries'))}</p>`}</section>`;
}

export function annex(doc: InformationDocument, words: DocumentWords): string {
  if (doc.annex.length === 0) return '';
  return `<section class="annex" id="${ANNEX_ID}" tabindex="-1" aria-labelledby="${ANNEX_ID}-h"><${words.h(1)} id="${ANNEX_ID}-h">${esc(words.w('annex'))}</${words.h(1)}><p>${esc(words.w('annexIntro'))}</p>${doc.annex
    .map((s, i) => section(s, i, words))
    .join('')}</section>`;
}
