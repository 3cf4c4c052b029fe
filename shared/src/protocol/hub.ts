// Remote hubs (issue 18, docs/hubs.md): a group watching together, joined as one participant by
// its coordinator, with its headcount. Helper "hubs" owns this file.
import { z } from 'zod';
import { stakeholderGroupSchema } from './schemas.js';
import { plainText } from './townhall.js';

/** Largest headcount one hub may declare: a lecture hall, not a stadium (a typo of 10 000 is refused). */
export const HUB_MAX_HEADCOUNT = 2_000;

/** A hub's registration: at join (`POST /api/join` with `role: 'hub'`) and `hub:update`. */
export const hubDetailsSchema = z.strictObject({
  name: plainText(80)
    .transform((s) => s.trim())
    .pipe(z.string().min(1, 'A hub needs a name')),
  place: plainText(120)
    .transform((s) => s.trim())
    .default(''),
  headcount: z.number().int().min(1).max(HUB_MAX_HEADCOUNT),
  /** The stakeholder groups present (at least one). */
  groups: z
    .array(stakeholderGroupSchema)
    .min(1)
    .max(7)
    .refine((list) => new Set(list).size === list.length, 'Groups must not repeat'),
});
export type HubDetails = z.output<typeof hubDetailsSchema>;

/** `hub:update`: any of the registration's fields. */
export const hubUpdatePayload = hubDetailsSchema.partial().refine((body) => Object.keys(body).length > 0, 'Nothing to update');
