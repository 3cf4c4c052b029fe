import { z } from 'zod';
import { normalizeJoinCode } from '../domain/join-code.js';
import { hubDetailsSchema } from './hub.js';
import { ASSIGNABLE_ROLES, ATTRIBUTIONS, LANGUAGES, LIMITS, MODES, SELF_JOIN_ROLES, SESSION_FORMATS, STAKEHOLDER_GROUPS } from '../domain/words.js';

// Control characters would let a name hide or reorder text around it in other people's screens.
export const NO_CONTROL_CHARS = /^[^\p{Cc}\p{Cf}]*$/u;

export const idSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'not a valid id');

export const displayNameSchema = z
  .string()
  .trim()
  .min(1, 'Display name must not be empty; leave it out to stay anonymous')
  .max(LIMITS.displayNameLength, `Display name must be at most ${LIMITS.displayNameLength} characters`)
  .regex(NO_CONTROL_CHARS, 'Display name must not contain control characters');

export const titleSchema = z
  .string()
  .trim()
  .min(1, 'Title must not be empty')
  .max(LIMITS.titleLength, `Title must be at most ${LIMITS.titleLength} characters`)
  .regex(NO_CONTROL_CHARS, 'Title must not contain control characters');

export const formatSchema = z.enum(SESSION_FORMATS);
export const languageSchema = z.enum(LANGUAGES);
export const attributionSchema = z.enum(ATTRIBUTIONS);
export const modeSchema = z.enum(MODES);
export const stakeholderGroupSchema = z.enum(STAKEHOLDER_GROUPS);

export const joinCodeSchema = z
  .string()
  .max(32)
  .transform((value, ctx) => {
    const code = normalizeJoinCode(value);
    if (code === null) {
      ctx.addIssue({ code: 'custom', message: 'A join code has 6 letters or digits' });
      return z.NEVER;
    }
    return code;
  });

/** POST /api/sessions */
export const createSessionBody = z.strictObject({
  title: titleSchema,
  format: formatSchema,
  languages: z
    .array(languageSchema)
    .min(1, 'Choose at least one language')
    .max(LANGUAGES.length)
    .refine((list) => new Set(list).size === list.length, 'Languages must not repeat')
    .default(['en']),
  attribution: attributionSchema.default('named'),
  /** Observers may read the tables' notes (NOTE3); the facilitator can change it later. */
  observerNotes: z.boolean().default(true),
  facilitatorName: displayNameSchema.optional(),
  language: languageSchema.optional(),
});
export type CreateSessionBody = z.input<typeof createSessionBody>;

/** `session:configure` and PATCH /api/sessions/:id: what may change after creation. */
export const sessionSettingsBody = z.strictObject({
  observerNotes: z.boolean(),
});

/** POST /api/join */
export const joinBody = z
  .strictObject({
    joinCode: joinCodeSchema,
    displayName: displayNameSchema.nullish(),
    stakeholderGroup: stakeholderGroupSchema,
    mode: modeSchema,
    language: languageSchema.optional(),
    role: z.enum(SELF_JOIN_ROLES).default('participant'),
    /** A consultation open by invitation only: a single-use code from the organiser (CONS-access). */
    invitationCode: z.string().trim().min(1).max(32).optional(),
    /** A hub's registration (HUB1): required with `role: 'hub'`, refused with any other role. */
    hub: hubDetailsSchema.optional(),
  })
  .superRefine((body, ctx) => {
    if (body.role === 'hub' && body.hub === undefined) ctx.addIssue({ code: 'custom', path: ['hub'], message: 'A hub joins with its name, place, headcount and groups' });
    if (body.role !== 'hub' && body.hub !== undefined) ctx.addIssue({ code: 'custom', path: ['hub'], message: 'Only a hub joins with hub details' });
  });
export type JoinBody = z.input<typeof joinBody>;

/** PATCH /api/sessions/:id/participants/:participantId and `participant:set-role` */
export const setRoleBody = z.strictObject({ role: z.enum(ASSIGNABLE_ROLES) });
export const setRolePayload = setRoleBody.extend({ participantId: idSchema });

/** DELETE /api/sessions/:id/participants/:participantId and `participant:remove` */
export const removePayload = z.strictObject({ participantId: idSchema });

/** PATCH /api/sessions/:id/me and `profile:update`; `displayName: null` means anonymous. */
export const profileUpdateBody = z
  .strictObject({
    displayName: displayNameSchema.nullable().optional(),
    language: languageSchema.optional(),
    mode: modeSchema.optional(),
    stakeholderGroup: stakeholderGroupSchema.optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'Nothing to update');
export type ProfileUpdate = z.output<typeof profileUpdateBody>;

/** Commands that take no arguments still get a schema, so extra junk is refused. */
export const emptyPayload = z.strictObject({});
