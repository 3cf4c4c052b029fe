// The one result shape of every domain decision (café, Town Hall): the decided change, or a
// refusal the server sends as it is. A refused decision changes nothing. The codes are a subset
// of the protocol's ErrorCode, kept here so the domain stays free of zod.

export type DomainErrorCode = 'conflict' | 'bad_request' | 'not_found';

export interface DomainError {
  code: DomainErrorCode;
  message: string;
  /** A key the client translates (`reasons.<reason>`), with its parameters. */
  reason?: string;
  params?: Record<string, string | number>;
}

/** `{ ok: true, ...value }` or `{ ok: false, error }`. */
export type Result<T extends object> = ({ ok: true } & T) | Failure;

export type Failure = { ok: false; error: DomainError };

/** A refusal with a reason key from any catalog section. */
export function refuse(code: DomainErrorCode, message: string, reason?: string, params?: Record<string, string | number>): Failure {
  return { ok: false, error: { code, message, ...(reason && { reason }), ...(params && { params }) } };
}

/** `conflict`, `badRequest` and `notFound` for one domain, whose reasons are `reasons.<section>.<reason>`. */
export function refusals(section: string) {
  return {
    conflict: (message: string, reason?: string, params?: Record<string, string | number>): Failure => refuse('conflict', message, reason && `${section}.${reason}`, params),
    badRequest: (message: string): Failure => refuse('bad_request', message),
    notFound: (message: string): Failure => refuse('not_found', message),
  };
}
