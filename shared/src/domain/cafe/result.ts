// The one result shape of every café decision, like the Town Hall's (townhall/result.ts): the
// decided change, or a refusal the server sends as it is. A refused decision changes nothing.

export type CafeErrorCode = 'conflict' | 'bad_request' | 'not_found';

export interface CafeError {
  code: CafeErrorCode;
  message: string;
  /** A key the client translates (`reasons.<reason>`: `cafe.*`, `seat.*`, `seating.*`), with its parameters. */
  reason?: string;
  params?: Record<string, string | number>;
}

/** `{ ok: true, ...value }` or `{ ok: false, error }`. */
export type CafeResult<T extends object> = ({ ok: true } & T) | CafeFailure;

export type CafeFailure = { ok: false; error: CafeError };

/** A refusal translated as `reasons.cafe.<reason>`. */
export const conflict = (message: string, reason?: string, params?: Record<string, string | number>): CafeFailure =>
  refuse('conflict', message, reason && `cafe.${reason}`, params);
export const badRequest = (message: string): CafeFailure => refuse('bad_request', message);
export const notFound = (message: string): CafeFailure => refuse('not_found', message);

/** A refusal with a reason key from any catalog section. */
export function refuse(code: CafeErrorCode, message: string, reason?: string, params?: Record<string, string | number>): CafeFailure {
  return { ok: false, error: { code, message, ...(reason && { reason }), ...(params && { params }) } };
}
