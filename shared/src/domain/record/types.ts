// The session record as exported and published (docs/record.md, "JSON schema"). Built once by
// `buildRecord` under the session's attribution; every renderer (Markdown, HTML, DOCX, JSON,
// CSV) and the public page read only this, so what one format shows, all show.
import type { PollKind, PollStatus } from '../townhall/polls.js';
import type { RecordConsultation } from './consultation-types.js';
import type { Attribution, Language, Mode, SessionFormat, StakeholderGroup } from '../words.js';

/** Bumped when a field changes meaning or goes away; adding a field keeps the version. */
export const RECORD_SCHEMA_VERSION = 2; // 2: attendance.byGroup counts may be null (REC1)
export const RECORD_SCHEMA_ID = 'open-talks/record';

/** Who said something, as far as the attribution allows (REC2–REC4). */
export interface Credit {
  /** The display name: only under `named` (null also when the person stayed anonymous). */
  name: string | null;
  /** The stakeholder group: under `named` and `group`; never under `anonymous`. */
  group: StakeholderGroup | null;
  /**
   * Only on what a hub said (HUB41): its name and place under `named`, its headcount under
   * `named` and `group`; absent under `anonymous` and for everyone who is not a hub.
   */
  hub?: { name: string | null; place: string | null; headcount: number };
}

/** A hub that took part, as its coordinator registered it (HUB40). */
export interface RecordHub {
  name: string;
  place: string;
  headcount: number;
  groups: StakeholderGroup[];
}

/**
 * The hubs that took part (HUB40): how many and the people present through them, always; under
 * `named` each hub; under `group` how many hubs named each stakeholder group, groups named by
 * fewer than 3 hubs left out; under `anonymous` the two numbers only.
 */
export interface RecordHubs {
  count: number;
  people: number;
  /** Under `named` only, in the order they joined. */
  list?: RecordHub[];
  /** Under `group` only: hubs naming each group, those under 3 left out. */
  byGroup?: Partial<Record<StakeholderGroup, number>>;
}

export interface RecordIdea {
  text: string;
  credit: Credit;
  /** Marked by the table's host as one of its key ideas. */
  marked: boolean;
  round: number;
  /** The table's label, or null when the idea carries no table. */
  table: string | null;
  /** The harvest theme it was placed in, or null while it is in none. */
  theme: string | null;
  at: number; // epoch ms: when it was written
  /** BCP 47: the language it was written in (MT50); null for ideas from before it was kept. */
  language: string | null;
}

export interface RecordTable {
  label: string;
  kind: string;
  notes: string;
  /** NOTE20: the language the notes are written in (BCP 47); null when not known. */
  notesLanguage: string | null;
  ideas: RecordIdea[];
}

export interface RecordRound {
  number: number;
  question: string;
  tables: RecordTable[];
}

export interface RecordCafe {
  rounds: RecordRound[];
  harvest: { themes: { name: string; ideas: RecordIdea[] }[]; unthemed: RecordIdea[] };
}

export type RecordQuestionStatus = 'visible' | 'answered' | 'merged';

export interface RecordQuestion {
  /** Its number in the record's Q&A list (1…), not a stored id. */
  number: number;
  text: string;
  votes: number;
  status: RecordQuestionStatus;
  /** For a merged duplicate: the number of the question it was merged into. */
  mergedInto: number | null;
  credit: Credit;
  askedAt: number; // epoch ms
  answeredAt: number | null; // epoch ms
}

export interface RecordPollSummary {
  ballots: number;
  /** Choice polls: every option with its count; null otherwise. */
  options: { label: string; count: number }[] | null;
  /** Rating polls; null otherwise. */
  rating: { average: number | null; distribution: { value: number; count: number }[] } | null;
  /** Word clouds: the most given words; null otherwise. */
  words: { word: string; count: number }[] | null;
}

export interface RecordPoll {
  question: string;
  kind: PollKind;
  status: Exclude<PollStatus, 'draft'>;
  overall: RecordPollSummary;
  /** Groups in the fixed order of STAKEHOLDER_GROUPS; see REC6 for what anonymous leaves out. */
  byGroup: { group: StakeholderGroup; summary: RecordPollSummary }[];
}

export interface RecordSpeakerTurn {
  startedAt: number; // epoch ms
  endedAt: number | null; // epoch ms; null while still speaking
  durationMs: number | null;
  topic: string | null;
  credit: Credit;
  /** In the room or remote: not under `anonymous` (with the time it would narrow a person down). */
  mode: Mode | null;
}

export interface RecordAgendaItem {
  title: string;
  durationMs: number;
  startedAt: number | null;
  endedAt: number | null;
}

export interface RecordTownhall {
  agenda: RecordAgendaItem[];
  questions: RecordQuestion[];
  polls: RecordPoll[];
  speakers: RecordSpeakerTurn[];
  /** The captions, one stream per language (CAPS20). */
  transcript: RecordCaptionStream[];
}

/** One caption stream's whole transcript, oldest first. */
export interface RecordCaptionStream {
  language: Language;
  dir: 'ltr' | 'rtl';
  lines: { at: number; text: string }[];
}

export const CONTRIBUTION_TYPES = ['notes', 'key-idea', 'question'] as const;
export type ContributionType = (typeof CONTRIBUTION_TYPES)[number];

/** One row of the annex (and of the CSV): every contribution verbatim (REC7). */
export interface Contribution {
  /** Its number in the annex (1…), in the annex order (REC5). */
  number: number;
  type: ContributionType;
  round: number | null;
  table: string | null;
  /** The café round's question the contribution answers; null for Town Hall questions. */
  question: string | null;
  text: string;
  credit: Credit;
  votes: number | null;
  /** A key idea's harvest theme (null while in none, and for notes and questions). */
  theme: string | null;
  at: number | null; // epoch ms
}

export interface Attendance {
  total: number;
  /** Every group, zeros included; null under `anonymous`: not shown, for a group of 1 or 2 and for those hidden so the total gives none back (REC1, ATTR5, `hideSmallCounts`). */
  byGroup: Record<StakeholderGroup, number | null>;
  byMode: Record<Mode, number>;
}

export interface SessionRecordDocument {
  schema: typeof RECORD_SCHEMA_ID;
  schemaVersion: typeof RECORD_SCHEMA_VERSION;
  session: {
    title: string;
    format: SessionFormat;
    languages: Language[];
    attribution: Attribution;
    date: number; // epoch ms: when the session was created
    endedAt: number | null;
  };
  generatedAt: number; // epoch ms
  attendance: Attendance;
  /** Only when hubs took part (HUB40): a record without hubs stays as it was. */
  hubs?: RecordHubs;
  synthesis: string;
  cafe: RecordCafe | null;
  townhall: RecordTownhall | null;
  contributions: Contribution[];
  /** A consultation's record (CONS68); absent for a café or a Town Hall, so their JSON is unchanged. */
  consultation?: RecordConsultation;
}
