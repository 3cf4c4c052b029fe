// VERSION1–VERSION4 (docs/spec.md): the handshake that tells a tab left open across a deploy to
// reload, instead of letting it speak an old protocol to a new server and fail in odd ways.

/**
 * The wire protocol's version, sent by the client with every Socket.IO handshake (`auth.version`)
 * and every notepad connection (`?version=`). Bump it (by one) whenever a change would break a tab
 * that loaded the previous build: an event or command renamed, removed or given an incompatible
 * payload or ack, a notepad message or close code changed. Additions an old tab can ignore need
 * no bump: every bump sends every open tab a reload notice.
 */
export const PROTOCOL_VERSION = 1;

/** The query parameter of a notepad connection, and the key in the Socket.IO `auth`, that carry it. */
export const VERSION_PARAM = 'version';

/** The Socket.IO `connect_error` code of a refused version (VERSION2). */
export const OUTDATED_CLIENT = 'outdated_client';

/** The close code of a notepad connection with a refused version (VERSION3): 44xx, so the client stops retrying. */
export const OUTDATED_CLOSE_CODE = 4426;

/** VERSION2: only this build's exact version is let in; a missing one is from before the handshake. */
export function versionAccepted(sent: unknown): boolean {
  return sent === PROTOCOL_VERSION || sent === String(PROTOCOL_VERSION);
}
