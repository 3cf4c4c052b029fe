import { z } from 'zod';
import { CAFE_DEFAULTS, CAFE_LIMITS, type CafeRound, type CafeTable } from '../domain/cafe/setup.js';
import { TABLE_KINDS, type SeatingFigures, type SeatingPlan } from '../domain/seating/types.js';
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
  tableSize: z.number().int().min(2).max(CAFE_LIMITS.tableCapacity - 1).default(CAFE_DEFAULTS.tableSize),
});

/** `cafe:set-rounds` and PUT /api/sessions/:id/cafe/rounds. */
export const setRoundsPayload = z.strictObject({
  rounds: z
    .array(
      z.strictObject({
        question: z.string().trim().min(1, 'A round needs a question').max(CAFE_LIMITS.questionLength).regex(NO_CONTROL_CHARS),
        durationMinutes: z.number().positive().max(CAFE_LIMITS.roundDurationMs / 60_000),
      }),
    )
    .min(1)
    .max(CAFE_LIMITS.rounds),
});

/** `cafe:plan` and POST /api/sessions/:id/cafe/plan: a new plan (another seed re-plans). */
export const planPayload = z.strictObject({ seed: z.number().int().min(0).max(2 ** 31 - 1).optional() });

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
}
