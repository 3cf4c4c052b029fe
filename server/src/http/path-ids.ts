import { idSchema } from '@open-talks/shared/protocol';
import type { Router } from 'express';
import { AppError, describeIssues } from '../errors.js';

/** Every id a path carries; checked like the same id in a body (HTTP1). */
const PATH_IDS = ['id', 'participantId', 'questionId', 'pollId', 'itemId'] as const;

/**
 * Checks the router's path ids before any route runs, so an id never reaches storage unchecked:
 * PostgreSQL refuses a null byte with an error of its own, which used to come back as a 500.
 */
export function checkPathIds(router: Router): Router {
  for (const name of PATH_IDS) {
    router.param(name, (_req, _res, next, value: unknown) => {
      const parsed = idSchema.safeParse(value);
      next(parsed.success ? undefined : new AppError('bad_request', `${name} in the path: ${describeIssues(parsed.error)}`));
    });
  }
  return router;
}
