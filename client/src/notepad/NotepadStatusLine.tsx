import { useTranslation } from 'react-i18next';
import type { NotepadConnectionState } from '../net/notepad';

/** Connected, connecting, offline (changes kept here), or why the server closed. Announced politely. */
export function NotepadStatusLine({ state, onReconnect, connectedText }: { state: NotepadConnectionState; onReconnect: () => void; connectedText?: string }) {
  const { t } = useTranslation();
  // A reader is not told that the table sees "your changes": they make none.
  const status = state.status === 'closed' ? 'offline' : state.status === 'connected' && state.serverReadOnly ? 'connectedReadOnly' : state.status;
  let text = state.closed ? t(`notepad.closed.${state.closed}`) : t(`notepad.status.${status}`);
  // A document that is not a table's (the harvest) says "connected" in its own words.
  if (!state.closed && state.status === 'connected' && connectedText) text = connectedText;
  return (
    <div className="button-row notepad-status" data-status={state.closed ? `closed-${state.closed}` : state.status}>
      <p role="status" className={state.closed ? 'notice' : 'muted'} data-testid="notepad-status">
        {text}
      </p>
      {(state.closed === 'rateLimited' || state.closed === 'tooManyConnections') && (
        <button type="button" className="secondary" onClick={onReconnect}>
          {t('notepad.reconnect')}
        </button>
      )}
    </div>
  );
}
