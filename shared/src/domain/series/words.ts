// The series' words (DESIGN.md, "series", "information document"; docs/series.md). Kept free of
// zod so the client can import them.
import type { Role } from '../words.js';

/** Who belongs to a series: its organiser (the facilitator who made it) and its rapporteurs. */
export const SERIES_ROLES = ['facilitator', 'rapporteur'] as const satisfies readonly Role[];
export type SeriesRole = (typeof SERIES_ROLES)[number];

/** What the evidence panel lists; each kind comes from one format's record. */
export const EVIDENCE_KINDS = ['cafe-theme', 'cafe-idea', 'townhall-question', 'poll', 'speaker-turn', 'consultation-contribution', 'opinion-group'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/**
 * A reference's state against its sources as they are now (SER-REF rules): `ok`; `changed` (a
 * source was merged, re-themed, edited or hidden: the rapporteur looks and resolves); never a
 * silent pointer to nothing.
 */
export const REFERENCE_STATUSES = ['ok', 'changed'] as const;
export type ReferenceStatus = (typeof REFERENCE_STATUSES)[number];

/** Why a reference's source changed. `merged` is followed to the item it went into. */
export const SOURCE_CHANGES = ['merged', 'hidden', 'edited', 're-themed', 'removed'] as const;
export type SourceChange = (typeof SOURCE_CHANGES)[number];

/** Where a series is: drafting, or with a finalised version (it can be drafted again for the next one). */
export const DOCUMENT_EXPORT_FORMATS = ['docx', 'html', 'md', 'json'] as const;
export type DocumentExportFormat = (typeof DOCUMENT_EXPORT_FORMATS)[number];

/** Inline and block markers in the draft's text (see document-text.ts). */
export const REF_TOKEN = /\[\[ref:([A-Za-z0-9_-]{1,64})\]\]/g;
export const STATS_LINE = '[[stats]]';
export const ANNEX_LINE = '[[annex]]';

/** The notepad room of a series document in one language (the original or a translation). */
export function seriesDocumentRoom(seriesId: string, language: string): string {
  return `series/${seriesId}/document/${language}`;
}

const ROOM = /^series\/([A-Za-z0-9_-]{1,64})\/document\/(ar|zh|en|fr|ru|es)$/;
export function parseSeriesDocumentRoom(name: string): { seriesId: string; language: 'ar' | 'zh' | 'en' | 'fr' | 'ru' | 'es' } | null {
  const m = ROOM.exec(name);
  return m ? { seriesId: m[1]!, language: m[2] as 'ar' } : null;
}
