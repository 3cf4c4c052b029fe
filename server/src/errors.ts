import type { ApiError, ErrorCode } from '@open-talks/shared/protocol';
import type { Result } from '@open-talks/shared';
import type { z } from 'zod';

/** An error we mean to show the caller: a code from the protocol and a plain message. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** A key the client translates (`reasons.<reason>`), with its parameters. */
    readonly detail?: { reason: string; params?: Record<string, string | number> },
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof AppError) return { code: error.code, message: error.message, ...error.detail };
  return { code: 'internal', message: 'Something went wrong on the server; it has been logged.' };
}

/** One readable line from zod's issues: "displayName: must be at most 60 characters". */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new AppError('bad_request', describeIssues(result.error));
  return result.data;
}

/** A refusal from a pure domain decision (the café's, the Town Hall's): the same fields as `AppError`. */
/** A refused domain decision becomes the error the caller sees; nothing was changed. */
export function orThrow<T extends object>(result: Result<T>): T {
  if (!result.ok) {
    const { code, message, reason, params } = result.error;
    throw new AppError(code, message, reason ? { reason, ...(params && { params }) } : undefined);
  }
  return result;
}
