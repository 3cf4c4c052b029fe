import { useEffect, useState } from 'react';
import { connectLive } from '../net/realtime';
import { forgetToken, getCredential, saveCredential, takeFromFragment } from '../state/credentials';
import { useLive } from '../state/live-store';

/**
 * Connects this tab to the session with the token this browser holds for it (or one handed
 * over in the link's #fragment) and keeps it connected while the view is shown.
 * Returns false when this browser has no way in.
 */
export function useLiveSession(sessionId: string, kind: 'participant' | 'projector'): boolean {
  const [token] = useState(() => {
    if (kind === 'projector') {
      const key = takeFromFragment('key');
      if (key) saveCredential({ ...(getCredential(sessionId) ?? { joinCode: '', title: '' }), sessionId, projectorKey: key });
      return key ?? getCredential(sessionId)?.projectorKey;
    }
    const handed = takeFromFragment('token');
    if (handed) saveCredential({ ...(getCredential(sessionId) ?? { joinCode: '', title: '' }), sessionId, token: handed });
    return handed ?? getCredential(sessionId)?.token;
  });
  // Not `s.live`: this hook's page would re-render on every delta (a vote count, a caption).
  const session = useLive((s) => s.live?.session);
  const isFacilitator = useLive((s) => s.live?.viewer.kind === 'participant' && s.live.viewer.participant.role === 'facilitator');
  const refusal = useLive((s) => s.refusal);

  useEffect(() => {
    if (token) return connectLive(token); // its disconnect is the cleanup
    return undefined;
  }, [token]);

  // Remember the title and code for the home page's list, and forget a token that was refused.
  useEffect(() => {
    if (session && kind === 'participant') {
      saveCredential({ sessionId, joinCode: session.joinCode, title: session.title, format: session.format, facilitator: isFacilitator });
    }
  }, [session, isFacilitator, kind, sessionId]);
  useEffect(() => {
    if (kind === 'participant' && (refusal === 'removed' || refusal === 'unauthenticated')) forgetToken(sessionId);
  }, [refusal, kind, sessionId]);

  return Boolean(token);
}
