import { z } from 'zod';
import { PROJECTOR_THEMES, PROJECTOR_VIEWS } from '../domain/projector.js';
import { idSchema, languageSchema } from './schemas.js';

/**
 * `projector:show` and PUT /api/sessions/:id/projector (PROJ1–PROJ6): what the room's big screen
 * shows. Only the fields given change; `pollId: null` and `language: null` go back to the default.
 */
export const projectorShowPayload = z
  .strictObject({
    view: z.enum(PROJECTOR_VIEWS).optional(),
    pollId: idSchema.nullable().optional(),
    byGroup: z.boolean().optional(),
    language: languageSchema.nullable().optional(),
    theme: z.enum(PROJECTOR_THEMES).optional(),
    /** LANG70: a second language beside the first; null: one language. */
    secondLanguage: languageSchema.nullable().optional(),
  })
  .refine((p) => Object.values(p).some((v) => v !== undefined), { message: 'Say what the projector shows' });
