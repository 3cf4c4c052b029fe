// The y-websocket wire protocol as this server speaks it (docs/notepads.md). Message types are
// y-websocket's; close codes follow its convention: 4400–4499 mean "reconnecting cannot help"
// (the upstream provider then stops retrying and emits 'closed'); other codes are transient.
import * as encoding from 'lib0/encoding';
import * as authProtocol from 'y-protocols/auth';
import { OUTDATED_CLOSE_CODE } from '@open-talks/shared';

export const MESSAGE = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
} as const;

/** NOTE7: why the server closed a notepad connection. The reason text is for logs; clients show their own words per code. */
export const CLOSE = {
  /** Server shutting down: the provider reconnects to the next server. */
  goingAway: { code: 1001, reason: 'server shutting down' },
  /** Something failed on the server (storage): transient, the provider tries again. */
  serverError: { code: 1011, reason: 'server error, try again' },
  /** Access went up (read → write): reconnect to start writing. */
  accessChanged: { code: 4000, reason: 'access changed, reconnect' },
  badMessage: { code: 4400, reason: 'malformed or unknown message' },
  badRoom: { code: 4400, reason: 'not a notepad room name' },
  unauthenticated: { code: 4401, reason: 'token missing or not valid' },
  forbidden: { code: 4403, reason: 'no access to this notepad' },
  removed: { code: 4403, reason: 'removed from this session' },
  noSuchRoom: { code: 4404, reason: 'no such table or round' },
  tooLarge: { code: 4413, reason: 'the notepad reached its size limit' },
  /** NOTE13: changes that wait for changes never sent, past a small bound. */
  missingDependencies: { code: 4413, reason: 'changes depend on changes never sent' },
  /** NOTE15: an awareness message larger than a caret needs. */
  presenceTooLarge: { code: 4413, reason: 'presence message too large' },
  rateLimited: { code: 4429, reason: 'too many changes too fast' },
  /** NOTE14: the person opened more notepad connections than allowed; their oldest goes. */
  tooManyConnections: { code: 4409, reason: 'too many notepad connections for this person; the oldest was closed' },
  noPong: { code: 4408, reason: 'no answer to ping' },
  /** VERSION3: the page is from another build (or from before the handshake): reload it. */
  outdated: { code: OUTDATED_CLOSE_CODE, reason: 'this page is from another version: reload it' },
} as const satisfies Record<string, { code: number; reason: string }>;

export type CloseKind = keyof typeof CLOSE;

/** The reason a read-only connection is told, once, as a y-protocols auth "permission denied" message. */
export const READ_ONLY_REASON = 'read-only';

export function readOnlyMessage(): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE.auth);
  authProtocol.writePermissionDenied(encoder, READ_ONLY_REASON);
  return encoding.toUint8Array(encoder);
}
