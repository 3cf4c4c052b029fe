import { z } from 'zod';
import { CAFE_DEFAULTS, CAFE_LIMITS, type CafeRound, type CafeTable } from '../domain/cafe/setup.js';
import type { CafePhase, CafeRun } from '../domain/cafe/run.js';
import type { Timer } from '../domain/timer/timer.js';
import type { PersonCredit } from '../domain/attribution.js';
import { TABLE_KINDS, type SeatingFigures, type SeatingPlan, type TableKind } from '../domain/seating/types.js';
import { idSchema, NO_CONTROL_CHARS } from './schemas.js';

export const cafeTableInput = z.strictObject({
  /** Keep an existing table's id to keep it; leave it out for a new table. */
  id: idSchema.optional(),
  label: z.string().trim().min(1, 'A table needs a label').max(CAFE_LIMITS.labelLength).regex(NO_CONTROL_CHARS),
  kind: z.enum(TABLE_KINDS),
  capacity: z.number().int().min(1).max(CAFE_LIMITS.tableCapacity),
  hostParticipantId: idSchema.nullable().default(null),
  videoUrl: z
    .url({ protocol: /^https?$/, message: 'A video link must be an http(s) address' })
    .max(2000)
    .nullable()
    .default(null),
});

/** `cafe:set-tables` and PUT /api/sessions/:id/cafe/tables: the whole list, in order. */
export const setTablesPayload = z.strictObject({
  tables: z.array(cafeTableInput).max(CAFE_LIMITS.tables),
});

/** `cafe:make-tables` and POST /api/sessions/:id/cafe/tables/auto. */
export const makeTablesPayload = z.strictObject({
  tableSize: z
    .number()
    .int()
    .min(2)
    .max(CAFE_LIMITS.tableCapacity - 1)
    .default(CAFE_DEFAULTS.tableSize),
});

/** `cafe:set-rounds` and PUT /api/sessions/:id/cafe/rounds. */
export const setRoundsPayload = z.strictObject({
  rounds: z
    .array(
      z.strictObject({
        question: z.string().trim().min(1, 'A round needs a question').max(CAFE_LIMITS.questionLength).regex(NO_CONTROL_CHARS),
        durationMinutes: z
          .number()
          .positive()
          .max(CAFE_LIMITS.roundDurationMs / 60_000),
      }),
    )
    .min(1)
    .max(CAFE_LIMITS.rounds),
});

/** `cafe:plan` and POST /api/sessions/:id/cafe/plan: a new plan (another seed re-plans). */
export const planPayload = z.strictObject({
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .optional(),
});

/** `cafe:move` and POST /api/sessions/:id/cafe/plan/moves: one person, one round (from 1). */
export const movePayload = z.strictObject({
  participantId: idSchema,
  round: z.number().int().min(1).max(CAFE_LIMITS.rounds),
  tableId: idSchema,
});

/** `cafe:lock` and PUT /api/sessions/:id/cafe/plan/lock. */
export const lockPayload = z.strictObject({ locked: z.boolean() });

export interface CafePlanView {
  seed: number;
  plan: SeatingPlan;
  figures: SeatingFigures;
  locked: boolean;
  createdAt: number; // epoch ms
}

/** The café as the facilitator and moderators see it. */
export interface CafeView {
  tables: CafeTable[];
  rounds: CafeRound[];
  plan: CafePlanView | null;
  run: CafeRun;
  /** The latest prompts, to everyone and to tables, oldest first. */
  prompts: PromptView[];
}

/** `cafe:extend-round` and POST /api/sessions/:id/cafe/run/extend. */
export const extendRoundPayload = z.strictObject({ minutes: z.number().int().min(1).max(60) });

/** `cafe:prompt` and POST /api/sessions/:id/cafe/prompts: to everyone (`tableId: null`) or one table. */
export const promptPayload = z.strictObject({
  text: z.string().trim().min(1, 'A prompt needs some text').max(CAFE_LIMITS.promptLength).regex(NO_CONTROL_CHARS),
  tableId: idSchema.nullable().default(null),
});

export interface PromptView {
  id: string;
  /** The round it was sent in; 0 before the first round. */
  round: number;
  /** null: to everyone. */
  tableId: string | null;
  text: string;
  sentAt: number; // epoch ms
}

/** A table as everyone may see it: the table map on the projector and the participant screen. */
export interface TableSummary {
  id: string;
  /** Its place in the list, from 1: what the room calls it ("table 7"). */
  number: number;
  label: string;
  kind: TableKind;
  capacity: number;
  /** SEAT11: a hub's own table (its room discusses together); which hub is never said here. */
  hub: boolean;
  /** People seated there in the focus round. */
  seated: number;
}

/** What everyone in a café session sees of it; the same for all, sent to the session room. */
export interface CafePublicView {
  rounds: CafeRound[];
  run: CafeRun;
  phase: CafePhase;
  /** The round the seating below is for (see focusRound); null when there is none. */
  focusRound: number | null;
  tables: TableSummary[];
  /** The latest prompts to everyone, oldest first. */
  prompts: PromptView[];
  /** HARV6: the projector shows the harvest (themes and their key ideas) instead of the round. */
  harvestShown: boolean;
}

/**
 * `cafe:live`: the public view. Staff and projector screens always get the table map (`tables`,
 * with who sits where); everyone else only when the tables themselves changed, and keeps the map
 * they have otherwise: at a round start a participant needs the round, its timer and their own
 * seat (`cafe:seat`), not a map of every table (CAFE-PERF2).
 */
export type CafeLiveUpdate = Omit<CafePublicView, 'tables'> & { tables?: TableSummary[] };

/** `cafe:show-harvest` and PUT /api/sessions/:id/cafe/projector/harvest (HARV6). */
export const showHarvestPayload = z.strictObject({ show: z.boolean() });

/** Someone at one's table, as the session's attribution allows (`attribute`: nothing under `anonymous`). */
export interface TablemateView extends PersonCredit {
  isHost: boolean;
}

/** One person's seat in the focus round. */
export interface SeatView {
  round: number;
  table: TableSummary & { videoUrl: string | null };
  host: TablemateView | null;
  /** The others at the table, host excluded. */
  tablemates: TablemateView[];
  /** Whether the viewer hosts this table. */
  youHost: boolean;
  /** SEAT10: `stay` at the same table as the round before, `move` from another, `new` (first round, or no seat before). */
  change: 'new' | 'move' | 'stay';
  /** The latest prompts to this table in this round, oldest first. */
  prompts: PromptView[];
}

/** What a member receives about their own seat: null when they have none (staff, observers, not planned yet). */
export interface SeatPayload {
  seat: SeatView | null;
}

/** A timer change that moves nobody (pause, resume, extend). */
export interface RoundTimerPayload {
  round: number;
  timer: Timer | null;
}

/** The café as a member sees it on (re)connect. */
export interface CafeLive {
  live: CafePublicView;
  seat: SeatView | null;
}
