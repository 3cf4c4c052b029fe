// Consultation command payloads (issue 15, docs/consultation.md). The zod schemas check shape and
// size; the pure domain (shared/src/domain/consultation/) decides the rest (phases, limits,
// merges), so each rule lives in one place. Views are in consultation-views.ts.
import { z } from 'zod';
import {
  CONSULTATION_ACCESS,
  CONSULTATION_LIMITS as L,
  CONSULTATION_MODERATION,
  CONSULTATION_PHASES,
  CONTRIBUTION_SORTS,
  CONTRIBUTION_STATUSES,
  FLAG_REASONS,
  RESPONSE_STATUSES,
  STANCES,
  STATEMENT_VOTES,
} from '../domain/consultation/words.js';
import { idSchema, joinCodeSchema, languageSchema, stakeholderGroupSchema } from './schemas.js';
import { plainText } from './townhall.js';
import { languageTagSchema } from './content.js';

/** Epoch ms; a phase date. Whether it is in the future is the domain's check (a clear refusal). */
const epochMs = z.number().int().min(0).max(8_640_000_000_000_000);

// ── Organiser: set-up ─────────────────────────────────────────────────────────────────────
/** `consultation:configure`: any subset; `schedule` entries null = "by hand". */
export const consultationConfigurePayload = z
  .strictObject({
    background: plainText(L.backgroundLength).optional(),
    access: z.enum(CONSULTATION_ACCESS).optional(),
    moderation: z.enum(CONSULTATION_MODERATION).optional(),
    supportsPerQuestion: z.number().int().min(1).max(L.supportsPerQuestionMax).optional(),
    flagThreshold: z.number().int().min(1).max(100).optional(),
    schedule: z
      .strictObject({
        contributions: epochMs.nullable().optional(),
        comments: epochMs.nullable().optional(),
        closed: epochMs.nullable().optional(),
        answered: epochMs.nullable().optional(),
      })
      .optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'Nothing to change');

export const questionTextSchema = plainText(L.questionLength);
/** `consultation:add-question`. */
export const addConsultationQuestionPayload = z.strictObject({
  text: questionTextSchema,
  description: plainText(L.questionDescriptionLength).default(''),
  statements: z.boolean().default(false),
});
/** `consultation:edit-question`. */
export const editConsultationQuestionPayload = z.strictObject({
  questionId: idSchema,
  text: questionTextSchema.optional(),
  description: plainText(L.questionDescriptionLength).optional(),
  statements: z.boolean().optional(),
});
export const consultationQuestionIdPayload = z.strictObject({ questionId: idSchema });
export const moveConsultationQuestionPayload = z.strictObject({ questionId: idSchema, toIndex: z.number().int().min(0) });
/** `consultation:set-phase`: by hand, forwards or back (CONS2). */
export const setPhasePayload = z.strictObject({ phase: z.enum(CONSULTATION_PHASES) });
/** `consultation:invite`: new single-use invitation codes. */
export const invitePayload = z.strictObject({ count: z.number().int().min(1).max(L.invitationsPerRequest) });
/**
 * `consultation:import`: carry a finished café's harvest or a Town Hall's unanswered questions in
 * as seed contributions. `sourceToken` is the organiser's facilitator token of the source session
 * (their console link's), which proves they run it too.
 */
export const importPayload = z.strictObject({
  sourceSessionId: idSchema,
  sourceToken: z.string().min(1).max(200),
  questionId: idSchema,
  include: z
    .strictObject({ themes: z.boolean().default(true), keyIdeas: z.boolean().default(true), questions: z.boolean().default(true) })
    .default({ themes: true, keyIdeas: true, questions: true }),
});

// ── Participants ──────────────────────────────────────────────────────────────────────────
export const contributionTitleSchema = plainText(L.titleLength);
export const contributionTextSchema = z.string().max(L.textLength + 1_000, `At most ${L.textLength} characters`);
/** `contribution:submit`; `language` defaults to the author's. Lengths after cleaning are the domain's. */
export const submitContributionPayload = z.strictObject({
  questionId: idSchema,
  title: contributionTitleSchema,
  text: contributionTextSchema,
  /** BCP 47, any language (MT1); the author's language when left out. */
  language: languageTagSchema.optional(),
});
/** `contribution:edit`: the author, while contributions are open; the old text is kept as a version. */
export const editContributionPayload = z.strictObject({
  contributionId: idSchema,
  title: contributionTitleSchema.optional(),
  text: contributionTextSchema.optional(),
  language: languageTagSchema.optional(),
});
export const contributionIdPayload = z.strictObject({ contributionId: idSchema });
/** `contribution:comment`. */
export const commentPayload = z.strictObject({
  contributionId: idSchema,
  stance: z.enum(STANCES),
  text: z.string().max(L.commentLength + 500, `At most ${L.commentLength} characters`),
  /** BCP 47, any language (MT1); the author's language when left out. */
  language: languageTagSchema.optional(),
});
/**
 * `contribution:support`: `support: false` takes it back. `moveFrom` takes a support back from
 * another contribution of the same question in the same step (moving it at the limit).
 */
export const supportPayload = z.strictObject({ contributionId: idSchema, support: z.boolean(), moveFrom: idSchema.optional() });
export const flagPayload = z.strictObject({ contributionId: idSchema, reason: z.enum(FLAG_REASONS) });
/** `consultation:set-email`: the participant's own e-mail for getting their return link again; null removes it. */
export const setEmailPayload = z.strictObject({ email: z.email().max(L.emailLength).nullable() });
/** `POST /api/consultation-link`: "send me my link again" to the e-mail stored with `consultation:set-email` (CONS19). */
export const consultationLinkBody = z.strictObject({ joinCode: joinCodeSchema, email: z.email().max(L.emailLength) });

// ── Lists and search (reads, as commands and as GET endpoints) ───────────────────────────
export const contributionListQuery = z.strictObject({
  questionId: idSchema.optional(),
  q: z.string().max(L.searchLength).optional(),
  theme: z.string().max(L.themeLength).optional(),
  group: stakeholderGroupSchema.optional(),
  language: languageSchema.optional(),
  /** Staff may list pending and hidden ones; everyone else sees published only. */
  status: z.enum(CONTRIBUTION_STATUSES).optional(),
  /** A response's status, or `none`: no official response yet (what the organiser still has to answer). */
  responseStatus: z.enum([...RESPONSE_STATUSES, 'none']).optional(),
  sort: z.enum(CONTRIBUTION_SORTS).default('supported'),
  /** For `random`: the same seed gives the same order, so paging neither repeats nor skips. */
  seed: z.number().int().min(0).max(2_147_483_647).optional(),
  page: z.number().int().min(1).max(100_000).default(1),
  pageSize: z.number().int().min(1).max(L.pageSizeMax).default(L.pageSize),
});
/** `consultation:similar`: the most similar contributions to a draft (CONS-similar). */
export const similarPayload = z.strictObject({
  questionId: idSchema,
  title: z
    .string()
    .max(L.titleLength + 100)
    .default(''),
  text: z
    .string()
    .max(L.textLength + 1_000)
    .default(''),
});
export const commentsQuery = z.strictObject({
  contributionId: idSchema,
  page: z.number().int().min(1).max(100_000).default(1),
  pageSize: z.number().int().min(1).max(L.pageSizeMax).default(50),
});

// ── Moderation ────────────────────────────────────────────────────────────────────────────
export const hideContributionPayload = z.strictObject({ contributionId: idSchema, reason: plainText(L.reasonLength) });
/** `contribution:merge`: the duplicate `sourceId` goes into `targetId`; supports add up, nobody twice. */
export const mergeContributionPayload = z.strictObject({ sourceId: idSchema, targetId: idSchema });
export const tagPayload = z.strictObject({
  contributionId: idSchema,
  themes: z.array(plainText(L.themeLength)).max(L.themesPerContribution),
});
/** `contribution:carry`: marked to go into the information document. */
export const carryPayload = z.strictObject({ contributionId: idSchema, carry: z.boolean() });
export const commentIdPayload = z.strictObject({ commentId: idSchema });
export const hideCommentPayload = z.strictObject({ commentId: idSchema, reason: plainText(L.reasonLength) });
export const moderationQueueQuery = z.strictObject({
  filter: z.enum(['pending', 'flagged', 'hidden', 'all']).default('pending'),
  page: z.number().int().min(1).max(100_000).default(1),
  pageSize: z.number().int().min(1).max(L.pageSizeMax).default(L.pageSize),
});

// ── Official responses ────────────────────────────────────────────────────────────────────
export const responseWritePayload = z.strictObject({
  contributionIds: z.array(idSchema).min(1).max(L.responseContributions),
  status: z.enum(RESPONSE_STATUSES),
  text: plainText(L.responseLength),
});
export const responseEditPayload = z.strictObject({
  responseId: idSchema,
  contributionIds: z.array(idSchema).min(1).max(L.responseContributions).optional(),
  status: z.enum(RESPONSE_STATUSES).optional(),
  text: plainText(L.responseLength).optional(),
});
export const responseIdPayload = z.strictObject({ responseId: idSchema });

// ── Statements (pol.is) ───────────────────────────────────────────────────────────────────
/** `statement:propose`: seeded by staff (shown at once) or proposed by a participant (moderation applies). */
export const proposeStatementPayload = z.strictObject({ questionId: idSchema, text: plainText(L.statementLength + 60) });
export const answerStatementPayload = z.strictObject({ statementId: idSchema, vote: z.enum(STATEMENT_VOTES) });
export const statementQuestionPayload = z.strictObject({ questionId: idSchema });
export const moderateStatementPayload = z.strictObject({ statementId: idSchema, status: z.enum(['published', 'hidden']) });
