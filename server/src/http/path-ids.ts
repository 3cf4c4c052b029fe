import { ideaIdSchema, idSchema, languageSchema } from '@open-talks/shared/protocol';
import { z } from 'zod';
import type { Router } from 'express';
import { AppError, describeIssues } from '../errors.js';

/** Every id a path carries, with the schema the same id has in a body (HTTP1). */
const PATH_IDS: Record<string, z.ZodType<string>> = {
  id: idSchema,
  participantId: idSchema,
  questionId: idSchema,
  pollId: idSchema,
  itemId: idSchema,
  tableId: idSchema,
  ideaId: ideaIdSchema,
  language: languageSchema,
  refId: idSchema,
  sessionId: idSchema,
  memberId: idSchema,
  /** A series document's version number (publish part). */
  version: z.string().regex(/^[1-9][0-9]{0,6}$/, 'not a version number'),
};

/**
 * Checks the router's path ids before any route runs, so an id never reaches storage unchecked:
 * PostgreSQL refuses a null byte with an error of its own, which used to come back as a 500.
 */
export function checkPathIds(router: Router): Router {
  for (const [name, schema] of Object.entries(PATH_IDS)) {
    router.param(name, (_req, _res, next, value: unknown) => {
      const parsed = schema.safeParse(value);
      next(parsed.success ? undefined : new AppError('bad_request', `${name} in the path: ${describeIssues(parsed.error)}`));
    });
  }
  return router;
}
