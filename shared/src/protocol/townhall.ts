// Town Hall command payloads (issue 5, docs/townhall.md). The zod schemas check shape and size;
// the pure domain (shared/src/domain/townhall/) decides the rest (text lengths after cleaning,
// poll definitions, positions), so each rule lives in one place. Views are in townhall-views.ts.
import { z } from 'zod';
import { POLL_KINDS } from '../domain/townhall/polls.js';
import { MAX_TIMER_MS } from '../domain/timer/timer.js';
import { idSchema, languageSchema } from './schemas.js';
import { canonicalTag } from '../domain/content/language-tag.js';

// Free text may hold line breaks (they collapse to one space) and the joiners some scripts and
// emoji need (ZWJ, ZWNJ), but no other control characters and no bidi overrides or isolates,
// which would let a text reorder what follows it on other people's screens.
const PLAIN_TEXT = /^(?:[^\p{Cc}\u202A-\u202E\u2066-\u2069]|[\t\n\r])*$/u;

/** A person's free text: the domain cleans it (one line) and checks its length afterwards. */
export function plainText(max: number) {
  return z.string().max(max, `At most ${max} characters`).regex(PLAIN_TEXT, 'The text contains control characters');
}

const MAX_MINUTES = MAX_TIMER_MS / 60_000; // 240

// ── Q&A ────────────────────────────────────────────────────────────────────────────────────
/** `qa:ask`: 1…500 characters once whitespace is collapsed (QA1). */
export const askPayload = z.strictObject({
  text: plainText(2_000),
  anonymous: z.boolean().default(false),
  /** BCP 47: the language it is written in; the asker's language when left out (MT1). */
  language: z
    .string()
    .trim()
    .max(35)
    .transform((tag, ctx) => canonicalTag(tag) ?? (ctx.addIssue({ code: 'custom', message: 'Not a BCP 47 language tag' }), z.NEVER))
    .optional(),
});
/** `qa:vote`: `up: false` takes the vote back (QA9). */
export const qaVotePayload = z.strictObject({ questionId: idSchema, up: z.boolean() });
/** `qa:approve`, `qa:pin`, `qa:answer`. */
export const questionPayload = z.strictObject({ questionId: idSchema });
/** `qa:hide`: an optional one-line reason the author sees (QA4). */
export const hidePayload = z.strictObject({ questionId: idSchema, reason: plainText(1_000).nullable().default(null) });
/** `qa:edit`: a moderator fixes the text (QA5). */
export const editQuestionPayload = z.strictObject({ questionId: idSchema, text: plainText(2_000) });
/** `qa:merge`: the duplicate `sourceId` goes into `targetId` (QA8). */
export const mergePayload = z.strictObject({ sourceId: idSchema, targetId: idSchema });

// ── Speaker queue ──────────────────────────────────────────────────────────────────────────
/** `hand:raise`: omit `topic` to keep the one a raised hand has, `''` clears it (HAND1, HAND2). */
export const raisePayload = z.strictObject({ topic: plainText(500).optional() });
/**
 * A raised hand as staff name it: the opaque `handle` of `QueueHand` (HAND11), never a participant
 * id, so that under `anonymous` attribution nothing staff receive ties a hand to a person (ATTR4).
 */
export const handHandleSchema = idSchema;
/** `hand:dismiss`: a moderator lowers someone's hand (HAND3). */
export const dismissPayload = z.strictObject({ handle: handHandleSchema });
/** `hand:move`: to a 0-based place of the base order (HAND4). */
export const moveHandPayload = z.strictObject({ handle: handHandleSchema, toIndex: z.number().int().min(0) });
/** `hand:alternate`: "alternate in-room and remote" on or off (HAND6). */
export const alternatePayload = z.strictObject({ on: z.boolean() });
/** `hand:give-floor`: to the next hand, or to the one the moderator picks (HAND8). */
export const giveFloorPayload = z.strictObject({ handle: handHandleSchema.optional() });
/** `hand:extend-floor`: more time for the speaker (HAND9). */
export const extendFloorPayload = z.strictObject({ seconds: z.number().int().min(1).max(3_600) });

// ── Polls ──────────────────────────────────────────────────────────────────────────────────
/** A poll's definition: `poll:create`, and `poll:edit` of a draft (POLL1, POLL2). */
export const pollDefinition = z.strictObject({
  kind: z.enum(POLL_KINDS),
  question: plainText(1_000),
  /** Choice polls: 2…20 option texts, in order (ids `o1`, `o2`, … are given by the server). */
  options: z.array(plainText(400)).max(20).optional(),
  /** Multiple choice: at most this many ticks (null: no cap). */
  maxChoices: z.number().int().min(1).max(20).nullable().optional(),
  /** Rating: the scale (default 1–5) with optional end labels. */
  scale: z
    .strictObject({
      min: z.number().int().min(-100).max(100),
      max: z.number().int().min(-100).max(100),
      minLabel: plainText(200).nullable().optional(),
      maxLabel: plainText(200).nullable().optional(),
    })
    .nullable()
    .optional(),
  /** Word cloud: answers per person, 1…5 (default 1). */
  maxEntries: z.number().int().min(1).max(5).optional(),
});
export const editPollPayload = pollDefinition.extend({ pollId: idSchema });
/** `poll:open`, `poll:close`. */
export const pollIdPayload = z.strictObject({ pollId: idSchema });
/** `poll:results-visible`: show or hide results to participants (POLL4). */
export const resultsVisiblePayload = z.strictObject({ pollId: idSchema, visible: z.boolean() });
/** `poll:project`: the poll the projector shows (null: none). Opening a poll also projects it. */
export const projectPollPayload = z.strictObject({ pollId: idSchema.nullable() });
/**
 * `poll:vote`: option ids (an id, or a list for multiple choice), a whole number (rating), or
 * text (a word cloud: one answer or a list). The domain checks it against the poll (POLL5).
 */
export const pollVotePayload = z.strictObject({
  pollId: idSchema,
  choice: z.union([plainText(200), z.number().int().min(-100).max(100), z.array(plainText(200)).min(1).max(20)]),
});

// ── Captions ───────────────────────────────────────────────────────────────────────────────
/**
 * `caption:add`: one line, or a pasted feed: each non-empty line of `text` becomes one caption
 * (1…500 characters once whitespace is collapsed). `language` defaults to the captioner's.
 */
export const captionPayload = z.strictObject({ text: plainText(10_000), language: languageSchema.optional() });

// ── Agenda ─────────────────────────────────────────────────────────────────────────────────
const durationMinutes = z.number().positive().max(MAX_MINUTES);
/** `agenda:add`: at the end, or at `index` among the items not yet started (AGENDA1). */
export const agendaAddPayload = z.strictObject({
  title: plainText(1_000),
  durationMinutes,
  index: z.number().int().min(0).optional(),
});
/** `agenda:edit`: an item not yet started (AGENDA2). */
export const agendaEditPayload = z
  .strictObject({ itemId: idSchema, title: plainText(1_000).optional(), durationMinutes: durationMinutes.optional() })
  .refine((body) => body.title !== undefined || body.durationMinutes !== undefined, 'Nothing to change');
/** `agenda:remove`. */
export const agendaItemPayload = z.strictObject({ itemId: idSchema });
/** `agenda:move`: to a 0-based place after the items already started (AGENDA2). */
export const agendaMovePayload = z.strictObject({ itemId: idSchema, toIndex: z.number().int().min(0) });
/** `agenda:extend`: more time for the current item (AGENDA5). */
export const agendaExtendPayload = z.strictObject({ minutes: z.number().int().min(1).max(60) });

// ── Settings ───────────────────────────────────────────────────────────────────────────────
/** `townhall:configure` and PATCH /api/sessions/:id/townhall/settings. */
export const townhallSettingsPayload = z
  .strictObject({
    /** `pre`: questions wait for approval; `post`: they show at once (QA1). */
    moderation: z.enum(['pre', 'post']).optional(),
    /** The speaker's intervention time (HAND8). */
    interventionSeconds: z.number().int().min(1).max(3_600).optional(),
    /** Whether people may ask without their name or group (QA1, QA10). */
    anonymousQuestions: z.boolean().optional(),
    /** The audio/video room for remote speakers (HAND12): an https address, or null to remove it. */
    videoRoomUrl: z
      .url({ protocol: /^https$/, message: 'A video room link must be an https address' })
      .max(2000)
      .nullable()
      .optional(),
    /** The caption stream on the projector (CAPS12); null: follow the session's first language. */
    projectorCaptionLanguage: languageSchema.nullable().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'Nothing to change');
