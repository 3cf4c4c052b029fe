import { useTranslation } from 'react-i18next';
import type { NotepadConnectionState } from '../net/notepad';

/** Connected, connecting, offline (changes kept here), or why the server closed. Announced politely. */
export function NotepadStatusLine({ state, onReconnect }: { state: NotepadConnectionState; onReconnect: () => void }) {
  const { t } = useTranslation();
  // A reader is not told that the table sees "your changes": they make none.
  const status = state.status === 'closed' ? 'offline' : state.status === 'connected' && state.serverReadOnly ? 'connectedReadOnly' : state.status;
  const text = state.closed ? t(`notepad.closed.${state.closed}`) : t(`notepad.status.${status}`);
  return (
    <div className="button-row notepad-status" data-status={state.closed ? `closed-${state.closed}` : state.status}>
      <p role="status" className={state.closed ? 'notice' : 'muted'} data-testid="notepad-status">
        {text}
      </p>
      {state.closed === 'rateLimited' && (
        <button type="button" className="secondary" onClick={onReconnect}>
          {t('notepad.reconnect')}
        </button>
      )}
    </div>
  );
}
