import { AppError } from '../errors.js';
import type { Principal } from '../sessions/principal.js';
import type { SessionRecord, Store } from '../store/index.js';
import { hashToken, isProjectorToken } from './tokens.js';

/** Resolves a bearer token; removed participants and unknown tokens are refused. */
export type Authenticate = (token: string | undefined) => Promise<Principal>;

/** Token → principal, for Socket.IO, HTTP and the notepads alike. */
export function tokenAuthenticator(store: Store): Authenticate {
  return async (token) => {
    if (!token) throw new AppError('unauthenticated', 'A token is required (Authorization: Bearer <token>)');
    const hash = hashToken(token);
    if (isProjectorToken(token)) {
      const session = await store.sessions.byProjectorTokenHash(hash);
      if (!session) throw new AppError('unauthenticated', 'This projector link is no longer valid');
      return { session, participant: null, role: 'observer' };
    }
    const participant = await store.participants.byTokenHash(hash);
    if (!participant) throw new AppError('unauthenticated', 'This token is not valid');
    if (participant.removedAt !== null) throw new AppError('removed', 'You were removed from this session');
    const session = await sharedSession(store, participant.sessionId);
    if (!session) throw new AppError('unauthenticated', 'This token is not valid');
    return { session, participant, role: participant.role };
  };
}

/**
 * The session's record, shared by every connect and command of a burst (SYNC3: invalidated by
 * its writes). The participant is always read afresh: a role change or a removal counts at once.
 */
export function sharedSession(store: Store, sessionId: string): Promise<SessionRecord | undefined> {
  return store.shared.cached(sessionId, 'session', () => store.sessions.byId(sessionId));
}
