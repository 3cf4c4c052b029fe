// The consultation's part of the record (docs/record.md, "The consultation's record"; CONS68):
// facts gathered from storage, and the record built from them under the attribution.
import type { ConsultationPhase, OriginFormat, ResponseStatus, ScheduledPhase, Stance } from '../consultation/words.js';
import type { ConsultationConfig } from '../consultation/types.js';
import type { Language, StakeholderGroup } from '../words.js';
import type { Credit } from './types.js';

export interface ConsultOrigin {
  format: OriginFormat;
  sessionTitle: string;
  kind: 'theme' | 'key-idea' | 'question';
  table: string | null;
  round: number | null;
}

/** A published contribution as stored, with its author's name and group (never leaves the server as is). */
export interface FactConsultContribution {
  id: string;
  questionId: string;
  authorId: string | null;
  authorName: string | null;
  group: string | null;
  title: string;
  text: string;
  language: Language;
  supports: number;
  stances: Record<Stance, number>;
  themes: string[];
  origin: ConsultOrigin | null;
  createdAt: number;
  response: { status: ResponseStatus; text: string; at: number } | null;
}

export interface FactConsultComment {
  id: string;
  contributionId: string;
  authorId: string;
  authorName: string | null;
  group: string | null;
  stance: Stance;
  text: string;
  language: Language;
  createdAt: number;
}

/** A stored opinion report, reduced to what the record shows. */
export interface FactOpinion {
  questionId: string;
  answerers: number;
  groups: { index: number; size: number }[];
  statements: { text: string; tally: Record<'agree' | 'disagree' | 'pass', number>; kind: 'consensus' | 'divisive' | null }[];
}

export interface FactConsultation {
  config: ConsultationConfig;
  /** The phase in force when the record was made. */
  phase: ConsultationPhase;
  contributions: FactConsultContribution[];
  comments: FactConsultComment[];
  /** Set when the comments were counted, not gathered (`comments` is then empty): series evidence needs only their number. */
  commentCount?: number;
  opinions: FactOpinion[];
}

export interface RecordConsultComment {
  /** "C-3.1": the contribution's reference, then the comment's number under it. */
  reference: string;
  stance: Stance;
  text: string;
  language: Language;
  credit: Credit;
  at: number;
}

export interface RecordConsultContribution {
  /** "C-3": numbered across the consultation, question by question, oldest first (never by author). */
  reference: string;
  title: string;
  text: string;
  language: Language;
  credit: Credit;
  supports: number;
  stances: Record<Stance, number>;
  themes: string[];
  origin: ConsultOrigin | null;
  at: number;
  response: { status: ResponseStatus; text: string; at: number } | null;
  comments: RecordConsultComment[];
}

export interface RecordConsultQuestion {
  number: number;
  text: string;
  description: string;
  contributions: RecordConsultContribution[];
  /** Themes moderators gave its contributions, with how many each. */
  themes: { name: string; count: number }[];
  /** Where statements were on and a report was computed. */
  opinions: FactOpinion | null;
}

/** Counts per stakeholder group or language; null where `anonymous` hides a count (ATTR5, REC1). */
export interface ConsultStatsRow<K extends string> {
  key: K;
  contributors: number | null;
  contributions: number | null;
  comments: number | null;
}

export interface RecordConsultation {
  background: string;
  phase: ConsultationPhase;
  schedule: { phase: ScheduledPhase; at: number | null }[];
  questions: RecordConsultQuestion[];
  statistics: {
    total: { contributors: number; contributions: number; comments: number };
    /** Empty under `anonymous` only when every count is hidden; groups in STAKEHOLDER_GROUPS order. */
    byGroup: ConsultStatsRow<StakeholderGroup>[];
    byLanguage: ConsultStatsRow<Language>[];
  };
}
