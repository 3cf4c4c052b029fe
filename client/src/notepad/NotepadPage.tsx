import { mayCurateIdeas, type Role } from '@open-talks/shared';
import type { SessionState } from '@open-talks/shared/protocol';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { tableName } from '../components/cafe/table-name';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { api } from '../net/api';
import { connectLive } from '../net/realtime';
import { getCredential } from '../state/credentials';
import NotepadPanel from './NotepadPanel';
import { presenceName } from './presence-name';
import PreviousRounds from './PreviousRounds';

const USER_COLOR = '#1f6feb';
const STAFF: ReadonlySet<Role> = new Set(['facilitator', 'moderator', 'rapporteur']);

/**
 * A notepad on its own page (/s/:id/notes/:tableId/:round), e.g. for a table laptop; the views
 * mount NotepadPanel themselves. Uses this browser's token for the session. The server decides
 * access; what this page assumes only shapes the screen.
 */
export default function NotepadPage({ sessionId, tableId, round }: { sessionId: string; tableId: string; round: number }) {
  const { t } = useTranslation();
  const token = getCredential(sessionId)?.token;
  // undefined while loading; null when the server refused this token (removed, or not a member).
  const [state, setState] = useState<SessionState | null>();
  useEffect(() => {
    if (token) api.session(sessionId, token).then(setState, () => setState(null));
  }, [sessionId, token]);
  const table = state?.cafe?.live.tables.find((candidate) => candidate.id === tableId);
  useDocumentTitle(table ? t('title.notes', { table: tableName(t, table), round }) : t('title.notesRound', { round }), state?.session.title);
  // Key ideas go to the server as commands over the session's live connection (IDEA1, IDEA5).
  useEffect(() => {
    if (token) return connectLive(token); // its disconnect is the cleanup
    return undefined;
  }, [token]);
  if (!token) return <p className="notice">{t('notepad.noToken')}</p>;
  if (state === null) return <p className="notice">{t('session.notMember')}</p>;
  if (!state) return <p role="status">{t('app.loading')}</p>;

  const me = state.viewer.kind === 'participant' ? state.viewer.participant : null;
  const attribution = state.session.attribution;
  const userName = presenceName(t, attribution, me);
  // The seat says whether this table has a host and whether it is me (mayCurateIdeas).
  const seat = state.cafe?.seat?.table.id === tableId ? state.cafe.seat : null;
  return (
    <div className="notepad-page">
      <NotepadPanel
        sessionId={sessionId}
        tableId={tableId}
        round={round}
        token={token}
        userName={userName}
        userColor={USER_COLOR}
        canCurate={mayCurateIdeas({ canWrite: true, hasHost: seat?.host != null, isHost: seat?.youHost ?? false, isStaff: STAFF.has(me?.role ?? 'observer') })}
      />
      <PreviousRounds sessionId={sessionId} tableId={tableId} currentRound={round} token={token} userName={userName} userColor={USER_COLOR} />
    </div>
  );
}
