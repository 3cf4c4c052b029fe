// Freezing a draft into a version (SER7, SER85–SER90): the draft's text parsed into its blocks,
// each reference occurrence a footnote numbered in reading order, paragraph anchors, the
// statistics and the annex list frozen. A reference whose source changed and that nobody
// resolved, or an id nobody knows, stops the finalising: a frozen document never points to
// something the rapporteurs did not look at (SER5).
import { refusals, type Result } from '../../result.js';
import type { Language } from '../../words.js';
import { inlineSegments, parseDocumentText, referenceIds } from '../document-text.js';
import { describeReference, type ReferenceWords } from '../reference-text.js';
import {
  INFORMATION_DOCUMENT_SCHEMA,
  type AnnexSection,
  type EvidenceItem,
  type Footnote,
  type FrozenBlock,
  type FrozenInline,
  type InformationDocument,
  type ReferenceSummary,
  type SeriesReference,
  type SeriesStatistics,
  type TitleBlock,
} from '../types.js';
import { annexRefsByKey } from './annex.js';

const refuse = refusals('seriesDocument');

/** A reference as a version keeps it: enough to put it in words again in another language (SER93). */
export interface FrozenReference {
  id: string;
  quote: string | null;
  summary: ReferenceSummary;
  /** The annex entries of its sources ("A.2.14"), in source order. */
  annex: string[];
}

export interface FreezeMeta {
  series: { id: string; title: string; topic: string };
  version: number;
  language: Language;
  originalLanguage: Language;
  original: boolean;
  finalisedAt: number;
  changes: string;
}

export interface DraftInput {
  text: string;
  title: TitleBlock;
}

/** The paragraph anchor on the public page and in the exports (`#para-12`). */
export function paragraphAnchor(number: number): string {
  return `para-${number}`;
}

/**
 * Checks the draft's references against the series' references (SER87): every id known, none
 * `changed` and unresolved. The refusal lists them (`params.ids`, `params.labels`).
 */
export function frozenReferences(
  text: string,
  references: readonly SeriesReference[],
  evidence: readonly EvidenceItem[],
  annex: readonly AnnexSection[],
  words: ReferenceWords,
): Result<{ references: FrozenReference[] }> {
  const byId = new Map(references.map((r) => [r.id, r]));
  const used = [...new Set(referenceIds(text))];
  const unknown = used.filter((id) => !byId.has(id));
  if (unknown.length > 0) return refuse.conflict(`Unknown references in the draft: ${unknown.join(', ')}`, 'unknownReferences', { count: unknown.length, ids: unknown.join(', ') });
  // A quotation of something moderators hid or removed never goes out, resolved or not (SER68).
  const gone = used.map((id) => byId.get(id)!).filter((r) => r.quote !== null && r.quoteGone === true);
  if (gone.length > 0) {
    return refuse.conflict(`Quotations whose source is gone are still in the draft: ${gone.map((r) => r.id).join(', ')}`, 'quoteSourceGone', {
      count: gone.length,
      ids: gone.map((r) => r.id).join(', '),
    });
  }
  const changed = used.map((id) => byId.get(id)!).filter((r) => r.status === 'changed');
  if (changed.length > 0) {
    const labels = changed.map((r) => r.quote ?? describeReference(r.summary, words));
    return refuse.conflict(`References whose sources changed are not resolved: ${labels.join('; ')}`, 'unresolvedReferences', {
      count: changed.length,
      ids: changed.map((r) => r.id).join(', '),
      labels: labels.join('; '),
    });
  }
  const refOf = annexRefsByKey(evidence, annex);
  return {
    ok: true,
    references: used.map((id) => {
      const r = byId.get(id)!;
      return { id, quote: r.quote, summary: r.summary, annex: r.sources.flatMap((key) => refOf.get(key) ?? []) };
    }),
  };
}

/** The version's document in one language from frozen references (the original, or a translation). */
export function freezeWith(
  draft: DraftInput,
  references: readonly FrozenReference[],
  statistics: SeriesStatistics | null,
  annex: readonly AnnexSection[],
  words: ReferenceWords,
  meta: FreezeMeta,
): Result<{ document: InformationDocument }> {
  const byId = new Map(references.map((r) => [r.id, r]));
  const footnotes: Footnote[] = [];
  const inline = (text: string): FrozenInline[] =>
    inlineSegments(text).map((segment) => {
      if (segment.kind === 'text') return segment;
      const reference = byId.get(segment.id)!;
      const footnote: Footnote = {
        number: footnotes.length + 1,
        referenceId: reference.id,
        text: describeReference(reference.summary, words),
        quote: reference.quote,
        annex: reference.annex,
      };
      footnotes.push(footnote);
      return { kind: 'footnote', number: footnote.number, quote: reference.quote, label: footnote.text };
    });

  const unknown = referenceIds(draft.text).filter((id) => !byId.has(id));
  if (unknown.length > 0)
    return refuse.conflict(`Unknown references in the draft: ${[...new Set(unknown)].join(', ')}`, 'unknownReferences', {
      count: unknown.length,
      ids: [...new Set(unknown)].join(', '),
    });
  const blocks: FrozenBlock[] = [];
  for (const block of parseDocumentText(draft.text)) {
    switch (block.kind) {
      case 'heading':
        blocks.push({ kind: 'heading', level: block.level, content: inline(block.text) });
        break;
      case 'paragraph':
        // The paragraph's own text first, then its items: footnotes number in reading order.
        blocks.push({
          kind: 'paragraph',
          number: block.number,
          anchor: paragraphAnchor(block.number),
          content: inline(block.text),
          items: block.items.map((item) => ({ letter: item.letter, content: inline(item.text) })),
        });
        break;
      case 'stats':
        // A translation shows the original's frozen statistics, never newer ones; when the
        // original had none, the translation leaves the block out (review item 9).
        if (!statistics && !meta.original) break;
        if (!statistics) return refuse.conflict('The statistics of the series could not be computed', 'statisticsUnavailable');
        blocks.push({ kind: 'stats', statistics });
        break;
      case 'annex-list':
        blocks.push({ kind: 'annex-list', entries: annex.map((section, index) => ({ id: `A.${index + 1}`, title: section.sessionTitle })) });
        break;
      default:
        throw new Error(`unknown block ${JSON.stringify(block satisfies never)}`);
    }
  }
  return {
    ok: true,
    document: {
      schema: INFORMATION_DOCUMENT_SCHEMA,
      schemaVersion: 1,
      series: meta.series,
      version: meta.version,
      language: meta.language,
      originalLanguage: meta.originalLanguage,
      original: meta.original,
      titleBlock: { ...draft.title },
      finalisedAt: meta.finalisedAt,
      changes: meta.changes,
      blocks,
      footnotes,
      annex: [...annex],
    },
  };
}

/** The original-language version: references checked (SER87), then frozen. */
export function freezeDocument(
  draft: DraftInput,
  references: readonly SeriesReference[],
  evidence: readonly EvidenceItem[],
  statistics: SeriesStatistics | null,
  annex: readonly AnnexSection[],
  words: ReferenceWords,
  meta: FreezeMeta,
): Result<{ document: InformationDocument; references: FrozenReference[] }> {
  const checked = frozenReferences(draft.text, references, evidence, annex, words);
  if (!checked.ok) return checked;
  const frozen = freezeWith(draft, checked.references, statistics, annex, words, meta);
  if (!frozen.ok) return frozen;
  return { ok: true, document: frozen.document, references: checked.references };
}

/** Whether the draft has a statistics block (the statistics are computed only then). */
export function needsStatistics(text: string): boolean {
  return parseDocumentText(text).some((b) => b.kind === 'stats');
}
