// The consultation's words (DESIGN.md, "Words"; docs/consultation.md), as closed sets. Kept free
// of zod so the client can import them without the schema library.

/**
 * A consultation's phases, in order (CONS1). `draft`: being prepared, only staff see it;
 * `contributions`: contributions, comments, supports and statements are open; `comments`:
 * "comments and support", no new contributions; `closed`: read-only; `answered`: the organiser
 * has published the official responses.
 */
export const CONSULTATION_PHASES = ['draft', 'contributions', 'comments', 'closed', 'answered'] as const;
export type ConsultationPhase = (typeof CONSULTATION_PHASES)[number];

/** The phases a schedule can start by date (the draft is where every consultation begins). */
export const SCHEDULED_PHASES = ['contributions', 'comments', 'closed', 'answered'] as const satisfies readonly ConsultationPhase[];
export type ScheduledPhase = (typeof SCHEDULED_PHASES)[number];

/** Who may join: anyone with the link or code, or only people holding an invitation code. */
export const CONSULTATION_ACCESS = ['link', 'invitation'] as const;
export type ConsultationAccess = (typeof CONSULTATION_ACCESS)[number];

/** `pre`: a contribution (comment, proposed statement) shows once a moderator approves it; `post`: at once. */
export const CONSULTATION_MODERATION = ['pre', 'post'] as const;
export type ConsultationModeration = (typeof CONSULTATION_MODERATION)[number];

export const CONTRIBUTION_STATUSES = ['pending', 'published', 'hidden'] as const;
export type ContributionStatus = (typeof CONTRIBUTION_STATUSES)[number];

/** A comment's stance on the contribution it answers. */
export const STANCES = ['agree', 'disagree', 'neutral'] as const;
export type Stance = (typeof STANCES)[number];

/** Why a participant flags a contribution. */
export const FLAG_REASONS = ['off-topic', 'abusive'] as const;
export type FlagReason = (typeof FLAG_REASONS)[number];

/** An official response's status. */
export const RESPONSE_STATUSES = ['under-consideration', 'taken-up', 'partly-taken-up', 'not-taken-up'] as const;
export type ResponseStatus = (typeof RESPONSE_STATUSES)[number];

/** An answer to a statement (pol.is): agree, disagree or pass. */
export const STATEMENT_VOTES = ['agree', 'disagree', 'pass'] as const;
export type StatementVote = (typeof STATEMENT_VOTES)[number];

/** How a list of contributions is sorted; `random` is stable per `seed` so pages do not overlap. */
export const CONTRIBUTION_SORTS = ['supported', 'newest', 'discussed', 'random'] as const;
export type ContributionSort = (typeof CONTRIBUTION_SORTS)[number];

/** Where a seed contribution came from, when it was carried in from another session (CONS-import). */
export const ORIGIN_FORMATS = ['cafe', 'townhall'] as const;
export type OriginFormat = (typeof ORIGIN_FORMATS)[number];

/** Limits shared by the schemas, the domain and the forms (a form never allows what the server refuses). */
export const CONSULTATION_LIMITS = {
  backgroundLength: 10_000,
  questionLength: 500,
  questionDescriptionLength: 2_000,
  questions: 20,
  titleLength: 200,
  textLength: 5_000,
  commentLength: 2_000,
  statementLength: 140,
  reasonLength: 1_000,
  responseLength: 5_000,
  themeLength: 60,
  themesPerContribution: 10,
  /** Contributions one official response may answer together. */
  responseContributions: 100,
  supportsPerQuestionMax: 50,
  supportsPerQuestionDefault: 5,
  flagThresholdDefault: 3,
  pageSize: 20,
  pageSizeMax: 100,
  searchLength: 200,
  similarCount: 5,
  invitationsPerRequest: 500,
  emailLength: 254,
} as const;
