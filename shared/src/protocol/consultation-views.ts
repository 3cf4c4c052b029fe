// What consultation screens receive (issue 15, docs/consultation.md). Three audiences: everyone
// (participants, observers, the public page: published contributions only), staff (facilitator
// and moderators: pending and hidden ones, flags, versions) and the author (their own, whatever
// its status). Every person in a view is `attribute`d (ATTR1–ATTR4): under `anonymous` nobody's
// name, group or mode, staff included. Server events are small deltas; `session:state` carries
// the whole `ConsultationLive` on every (re)connect, and lists are paged on the server.
import type { PersonCredit } from '../domain/attribution.js';
import type { ConsultationSchedule, ConsultationSettings } from '../domain/consultation/types.js';
import type { ConsultationPhase, ContributionStatus, OriginFormat, ResponseStatus, ScheduledPhase, Stance, StatementVote } from '../domain/consultation/words.js';
import type { StakeholderGroup } from '../domain/words.js';

export interface ConsultationQuestionView {
  id: string;
  text: string;
  description: string;
  statements: boolean;
  /** Published contributions, their comments and supports (for the question list). */
  counts: { contributions: number; comments: number; supports: number };
}

/** The consultation as everyone sees it. */
export interface ConsultationView {
  /** The phase in force now: the stored one, moved on by any schedule date already passed (CONS2). */
  phase: ConsultationPhase;
  schedule: ConsultationSchedule;
  /** The next phase a date will start, if any. */
  next: { phase: ScheduledPhase; at: number } | null;
  settings: ConsultationSettings;
  questions: ConsultationQuestionView[];
}

/** Provenance of a seed contribution carried in from a café or a Town Hall ("from the World Café, table 4, round 2"). */
export interface ContributionOrigin {
  format: OriginFormat;
  sessionTitle: string;
  kind: 'theme' | 'key-idea' | 'question';
  table: string | null;
  round: number | null;
}

export interface ResponseView {
  id: string;
  contributionIds: string[];
  status: ResponseStatus;
  text: string;
  respondedAt: number;
  editedAt: number | null;
}

export interface ContributionView {
  id: string;
  questionId: string;
  title: string;
  text: string;
  /** BCP 47: the language it is written in (MT1). */
  language: string;
  /** As the attribution allows; the author sees their own in full (ATTR3); nobody for a seed carried in. */
  author: PersonCredit;
  status: ContributionStatus;
  /** To the author and staff only; null for everyone else. */
  hiddenReason: string | null;
  createdAt: number;
  editedAt: number | null;
  /** Earlier versions kept (staff read them with `contribution:versions`). */
  versions: number;
  supports: number;
  comments: number;
  stances: Record<Stance, number>;
  themes: string[];
  /** To the author and staff only (null for everyone else): the contribution this duplicate was merged into. */
  mergedInto: string | null;
  /** Marked to go into the information document (CONS-moderation). */
  carry: boolean;
  /** Staff only (0 for everyone else): distinct people who flagged it. */
  flags: number;
  origin: ContributionOrigin | null;
  /** The official response that answers it, if one is written. */
  response: ResponseView | null;
}

export interface ContributionPage {
  items: ContributionView[];
  total: number;
  page: number;
  pageSize: number;
  /** The seed a `random` order used: send it back for the next page. */
  seed: number | null;
}

export interface CommentView {
  id: string;
  contributionId: string;
  stance: Stance;
  text: string;
  /** BCP 47: the language it is written in (MT1). */
  language: string;
  author: PersonCredit;
  /** True only in the view its author gets: they may correct its language (MT39). Never names anyone. */
  mine: boolean;
  status: ContributionStatus;
  hiddenReason: string | null;
  createdAt: number;
}

export interface CommentPage {
  items: CommentView[];
  total: number;
  page: number;
  pageSize: number;
}

export interface ContributionVersion {
  /** 1 is the first text; the current one is not in the list. */
  version: number;
  title: string;
  text: string;
  /** BCP 47. */
  language: string;
  /** When this version was replaced. */
  replacedAt: number;
}

export interface ModerationCounts {
  pending: number;
  flagged: number;
  hidden: number;
  pendingComments: number;
  pendingStatements: number;
}

export interface InvitationView {
  code: string;
  usedAt: number | null;
}

/** What one participant has of their own: supports, contributions, return e-mail, statements answered. */
export interface ConsultationYou {
  /** Per question, the contributions they support (their supports left = limit − length). */
  supported: Record<string, string[]>;
  /** Their own contributions, whatever the status, with responses. */
  mine: ContributionView[];
  /** Their e-mail for getting the return link again; only ever sent to them. */
  email: string | null;
  /** Per question, statements they answered, and how many are published. */
  statements: Record<string, { answered: number; total: number }>;
}

export interface ConsultationLive {
  consultation: ConsultationView;
  /** Null for a display or an observer without a person record. */
  you: ConsultationYou | null;
  /** Staff only. */
  moderation: ModerationCounts | null;
  /** The facilitator only, when access is by invitation. */
  invitations: InvitationView[] | null;
}

// ── Statements and opinion groups ─────────────────────────────────────────────────────────
export interface StatementView {
  id: string;
  questionId: string;
  text: string;
  status: ContributionStatus;
  /** Seeded by the organiser (else proposed by a participant). */
  seeded: boolean;
  createdAt: number;
  answers: number;
}

export type VoteTally = Record<StatementVote, number>;

export interface StatementResult {
  statementId: string;
  text: string;
  tally: VoteTally;
  /** Per opinion group (by index in `OpinionReport.groups`). */
  byOpinionGroup: VoteTally[];
  /** Per stakeholder group; null where fewer than 3 answered from that group (ATTR5); {} under anonymous. */
  byStakeholderGroup: Partial<Record<StakeholderGroup, VoteTally | null>>;
  /** 0…1: how much every opinion group agrees (or every one disagrees). */
  consensus: number;
  /** 0…1: how much the opinion groups differ on it. */
  divisiveness: number;
  kind: 'consensus' | 'divisive' | null;
}

export interface OpinionGroupView {
  /** 0-based, stable within one report. */
  index: number;
  size: number;
  /** The statements this group agrees with most, ids. */
  representative: string[];
}

export interface OpinionReport {
  questionId: string;
  computedAt: number;
  /** People with enough answers to be placed. */
  answerers: number;
  groups: OpinionGroupView[];
  statements: StatementResult[];
  /** A sample of placed people (at most ~500) for a scatter plot: no ids, only the projection and group. */
  points: { x: number; y: number; group: number }[];
}
