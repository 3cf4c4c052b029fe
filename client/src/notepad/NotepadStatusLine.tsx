import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { connectionNews } from '../announce/policy';
import type { NotepadConnectionState } from '../net/notepad';

/**
 * Connected, connecting, offline (changes kept here), or why the server closed. Shown always;
 * said only when the connection is lost, comes back, or is closed (A11Y15), not on each load.
 */
export function NotepadStatusLine({ state, onReconnect, connectedText }: { state: NotepadConnectionState; onReconnect: () => void; connectedText?: string }) {
  const { t } = useTranslation();
  // A reader is not told that the table sees "your changes": they make none.
  const status = state.status === 'closed' ? 'offline' : state.status === 'connected' && state.serverReadOnly ? 'connectedReadOnly' : state.status;
  let text = state.closed ? t(`notepad.closed.${state.closed}`) : t(`notepad.status.${status}`);
  // A document that is not a table's (the harvest) says "connected" in its own words.
  if (!state.closed && state.status === 'connected' && connectedText) text = connectedText;
  const said = useConnectionNews(state.status, text);
  return (
    <div className="button-row notepad-status" data-status={state.closed ? `closed-${state.closed}` : state.status}>
      <p className={state.closed ? 'notice' : 'muted'} data-testid="notepad-status">
        {text}
      </p>
      <p className="visually-hidden" role="status" data-testid="notepad-announcer">
        {said}
      </p>
      {(state.closed === 'rateLimited' || state.closed === 'tooManyConnections') && (
        <button type="button" className="secondary" onClick={onReconnect}>
          {t('notepad.reconnect')}
        </button>
      )}
    </div>
  );
}

/** The words to say now: the status's own, when connectionNews says it is news; else what was said last. */
function useConnectionNews(status: NotepadConnectionState['status'], text: string): string {
  const before = useRef<NotepadConnectionState['status'] | null>(null);
  const lost = useRef(false);
  const [said, setSaid] = useState('');
  useEffect(() => {
    const news = connectionNews(before.current, status, lost.current);
    before.current = status;
    if (news === 'lost') lost.current = true;
    if (news === 'back') lost.current = false;
    if (news) setSaid(text);
  }, [status, text]);
  return said;
}
