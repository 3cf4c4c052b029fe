// Remote hubs (issue 18, docs/hubs.md): a group watching together, joined as one participant by
// its coordinator, with its headcount. Helper "hubs" owns this file.
//
// Kept free of imports from schemas.ts and townhall.ts: schemas.ts (joinBody) imports this file,
// and a cycle between them would read a schema before it is defined.
import { z } from 'zod';
import { STAKEHOLDER_GROUPS } from '../domain/words.js';

/** Largest headcount one hub may declare: a lecture hall, not a stadium (a typo of 10 000 is refused). */
export const HUB_MAX_HEADCOUNT = 2_000;

// One line, like a display name (HUB2): no control characters, no bidi overrides that would
// reorder other people's screens around the hub's name.
const ONE_LINE = /^[^\p{Cc}\p{Cf}]*$/u;

function oneLine(max: number) {
  return z
    .string()
    .max(max, `At most ${max} characters`)
    .regex(ONE_LINE, 'The text contains control characters')
    .transform((s) => s.trim());
}

export const HUB_LIMITS = { nameLength: 80, placeLength: 120 } as const;

/** A hub's registration: at join (`POST /api/join` with `role: 'hub'`) and `hub:update` (HUB1). */
export const hubDetailsSchema = z.strictObject({
  name: oneLine(HUB_LIMITS.nameLength).pipe(z.string().min(1, 'A hub needs a name')),
  place: oneLine(HUB_LIMITS.placeLength).default(''),
  headcount: z.number().int().min(1).max(HUB_MAX_HEADCOUNT),
  /** The stakeholder groups present (at least one). */
  groups: z
    .array(z.enum(STAKEHOLDER_GROUPS))
    .min(1)
    .max(STAKEHOLDER_GROUPS.length)
    .refine((list) => new Set(list).size === list.length, 'Groups must not repeat'),
});
export type HubDetails = z.output<typeof hubDetailsSchema>;
export type HubDetailsInput = z.input<typeof hubDetailsSchema>;

/** `hub:update`: any of the registration's fields. */
export const hubUpdatePayload = z
  .strictObject({
    name: hubDetailsSchema.shape.name.optional(),
    place: oneLine(HUB_LIMITS.placeLength).optional(),
    headcount: hubDetailsSchema.shape.headcount.optional(),
    groups: hubDetailsSchema.shape.groups.optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'Nothing to update');
export type HubUpdate = z.output<typeof hubUpdatePayload>;
