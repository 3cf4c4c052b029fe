import type { ErrorCode } from '@open-talks/shared/protocol';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError, toApiError } from '../errors.js';

/** The HTTP status of each error code, for the API and the lite pages alike. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  removed: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

/**
 * Errors from Express itself and body-parser, turned into ours (HTTP1). Their own messages can
 * quote the input, so each gets a fixed one; anything else they call a client error is a 400.
 */
export function fromParserError(error: unknown): AppError | undefined {
  // The router could not decode a path parameter ('%E0%A4%A').
  if (error instanceof URIError) return new AppError('bad_request', 'The path is not valid URL encoding');
  const { type, status } = (error ?? {}) as { type?: unknown; status?: unknown };
  if (type === 'entity.too.large') return new AppError('payload_too_large', 'The request body is too large');
  if (type === 'entity.parse.failed') return new AppError('bad_request', 'The request body is not valid JSON');
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') return new AppError('bad_request', 'Unsupported body encoding');
  // A body that does not match its Content-Encoding (broken gzip, say), a length that lies, …
  if (typeof status === 'number' && status >= 400 && status < 500) return new AppError('bad_request', 'The request body could not be read');
  return undefined;
}

export const errorHandler: ErrorRequestHandler = (error, req, res, _next) => {
  const appError = error instanceof AppError ? error : fromParserError(error);
  const body = toApiError(appError ?? error);
  if (!appError) req.log.error({ err: error }, 'request failed');
  res.status(HTTP_STATUS[body.code]).json({ error: body });
};

export const apiNotFound: RequestHandler = (_req, res) => {
  res.status(404).json({ error: { code: 'not_found', message: 'No such API endpoint' } });
};
