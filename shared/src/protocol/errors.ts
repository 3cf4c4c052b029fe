/** Error codes carried by every failed ack and every HTTP error body. */
export const ERROR_CODES = [
  'bad_request', // the payload does not match its schema
  'unauthenticated', // no token, or a token nobody has
  'forbidden', // the role may not do this (see PERMISSIONS)
  'not_found', // no such session, participant or join code
  'removed', // the participant was removed from the session
  'conflict', // the action contradicts the current state
  'rate_limited', // too many requests; try again later
  'payload_too_large',
  'unavailable', // the session is moving to another server (a node died or restarts); retry in a moment
  'internal', // our fault; logged on the server
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiError {
  code: ErrorCode;
  /** Plain English, for scripts and logs. */
  message: string;
  /**
   * Why, as a key the client translates (`reasons.<reason>` in the catalogs, with `params`), so a
   * refusal reads in the person's language; the message is the fallback for a key it lacks.
   */
  reason?: string;
  params?: Record<string, string | number>;
}

export type Ack<T extends object = object> = ({ ok: true } & T) | { ok: false; error: ApiError };

export type AckCallback<T extends object = object> = (ack: Ack<T>) => void;
