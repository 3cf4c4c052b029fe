// The series and its information document as every part of the app sees them (docs/series.md).
// `InformationDocument` is the frozen version: the exports (DOCX, HTML, Markdown, JSON) and the
// public page read only it, so what one shows, all show.
import type { Credit } from '../record/types.js';
import type { Attribution, Language, Mode, SessionFormat, StakeholderGroup } from '../words.js';
import type { EvidenceKind, ReferenceStatus, SeriesRole, SourceChange } from './words.js';

export interface Series {
  id: string;
  title: string;
  topic: string;
  languages: Language[];
  /** The series' default; each item still shows no more than its own session allows (SER2). */
  attribution: Attribution;
  /** The document's original language (one of `languages`). */
  originalLanguage: Language;
  createdAt: number;
}

/** A session of the series, as its console lists it. */
export interface SeriesSessionSummary {
  sessionId: string;
  title: string;
  format: SessionFormat;
  attribution: Attribution;
  languages: Language[];
  createdAt: number;
  endedAt: number | null;
  /** People who joined (all roles but the projector), and how many of them are in the room / remote. */
  attendance: { total: number; byMode: Record<Mode, number> };
  /** `not-started`, `running`, `ended` (a consultation: its phase's word). */
  state: string;
  /** The session's public record, when published. */
  publicPath: string | null;
}

export interface SeriesMemberView {
  id: string;
  role: SeriesRole;
  displayName: string | null;
  createdAt: number;
}

/** One thing a session produced, as the evidence panel and the annex list it (SER4). */
export interface EvidenceItem {
  /** Stable across rebuilds of the record: `<sessionId>:<kind>:<stored id>`; never derived from a person. */
  key: string;
  sessionId: string;
  sessionTitle: string;
  format: SessionFormat;
  kind: EvidenceKind;
  /** Word for word (a contribution's title and text joined by a blank line; a poll: its question). */
  text: string;
  /** A café idea's harvest theme, a consultation contribution's first theme tag; else null. */
  theme: string | null;
  /** Under the stricter of the series' and the session's attribution. */
  credit: Credit;
  language: Language | null;
  at: number | null;
  /** Format-specific facts: votes and status of a question, supports and response of a contribution, a poll's counts. */
  detail: EvidenceDetail;
}

export interface EvidenceDetail {
  votes?: number;
  status?: string;
  supports?: number;
  response?: { status: string; text: string } | null;
  /** A poll: its options with counts (or words, or the rating average). */
  results?: { label: string; count: number }[];
  /** An opinion group: its size and the statements it agrees with most. */
  size?: number;
  /** A theme: the number of ideas in it. */
  ideas?: number;
  table?: string | null;
  round?: number | null;
}

/** What a reference says in the draft, before it is put in words in a language. */
export interface ReferenceSummary {
  count: number;
  kind: EvidenceKind;
  /** The stakeholder groups of its sources, as far as attribution allows (none under `anonymous`). */
  groups: StakeholderGroup[];
}

/** A reference from the draft to evidence (SER5): `[[ref:<id>]]` in the text. */
export interface SeriesReference {
  id: string;
  /** Evidence keys, as they were when inserted (a merge moves the key to the survivor). */
  sources: string[];
  /** A quotation of one source, word for word; null for a summary reference. */
  quote: string | null;
  /** A quotation's language: its source's as the evidence shows it (null when not known or not shown). */
  quoteLanguage?: Language | null;
  /**
   * A quotation whose source is no longer evidence (hidden, removed): its words must not be
   * published (a freeze refuses it); the rapporteur removes the quotation from the draft.
   */
  quoteGone?: boolean;
  summary: ReferenceSummary;
  status: ReferenceStatus;
  /** What changed since insertion or the last resolve; empty when `ok`. */
  changes: { key: string; change: SourceChange }[];
  createdAt: number;
}

/** The participation table (SER6): computed from the sessions, small groups hidden (null). */
export interface SeriesStatistics {
  sessions: { sessionId: string; title: string; format: SessionFormat; people: number; contributions: number }[];
  peopleByFormat: Record<SessionFormat, number>;
  byGroup: Record<StakeholderGroup, number | null>;
  byMode: Record<Mode, number>;
  byLanguage: Record<Language, number | null>;
  contributionsByFormat: Record<SessionFormat, number>;
  total: { people: number; contributions: number };
  computedAt: number;
}

/** The title block (SER3): kept in the draft's Yjs map `title`. */
export interface TitleBlock {
  /** The document symbol or number, e.g. "OT/2026/INF.3". */
  symbol: string;
  /** The document's date, `YYYY-MM-DD`. */
  date: string;
  submittedBy: string;
  title: string;
}

/** An inline piece of a paragraph, heading or sub-item. */
export type InlineSegment = { kind: 'text'; text: string } | { kind: 'ref'; id: string };

/** A block of the parsed draft (document-text.ts). Numbers are computed, never typed. */
export type DocumentBlock =
  | { kind: 'heading'; level: 1 | 2; text: string; from: number; to: number }
  | { kind: 'paragraph'; number: number; text: string; items: { letter: string; text: string; from: number; to: number }[]; from: number; to: number }
  | { kind: 'stats'; from: number; to: number }
  | { kind: 'annex-list'; from: number; to: number };

/** A footnote of the frozen document: one per reference occurrence, in reading order. */
export interface Footnote {
  number: number;
  referenceId: string;
  /** The reference put in words in the version's language, e.g. "3 contributions, civil society and academia". */
  text: string;
  quote: string | null;
  /** The annex entries it points to ("A.2.14"). */
  annex: string[];
}

export type FrozenInline = { kind: 'text'; text: string } | { kind: 'footnote'; number: number; quote: string | null; label: string };

export type FrozenBlock =
  | { kind: 'heading'; level: 1 | 2; content: FrozenInline[] }
  | { kind: 'paragraph'; number: number; anchor: string; content: FrozenInline[]; items: { letter: string; content: FrozenInline[] }[] }
  | { kind: 'stats'; statistics: SeriesStatistics }
  | { kind: 'annex-list'; entries: { id: string; title: string }[] };

export interface AnnexEntry {
  /** "A.<section>.<n>": what footnotes point to; also the anchor on the public page. */
  ref: string;
  kind: EvidenceKind;
  text: string;
  credit: Credit;
  language: Language | null;
  at: number | null;
  detail: EvidenceDetail;
}

export interface AnnexSection {
  format: SessionFormat;
  sessionId: string;
  sessionTitle: string;
  /** The attribution the section was made under (the stricter of the series' and the session's). */
  attribution: Attribution;
  entries: AnnexEntry[];
}

export const INFORMATION_DOCUMENT_SCHEMA = 'open-talks/information-document';

/** A finalised version in one language (SER7): frozen, never edited again. */
export interface InformationDocument {
  schema: typeof INFORMATION_DOCUMENT_SCHEMA;
  schemaVersion: 1;
  series: { id: string; title: string; topic: string };
  version: number;
  language: Language;
  originalLanguage: Language;
  /** False for a translation attached to the version. */
  original: boolean;
  titleBlock: TitleBlock;
  finalisedAt: number;
  /** The list of changes the rapporteur wrote for this version (empty for version 1). */
  changes: string;
  blocks: FrozenBlock[];
  footnotes: Footnote[];
  annex: AnnexSection[];
}

/** A version as lists show it. */
export interface VersionSummary {
  version: number;
  languages: Language[];
  finalisedAt: number;
  changes: string;
  finalisedBy: string | null;
}
