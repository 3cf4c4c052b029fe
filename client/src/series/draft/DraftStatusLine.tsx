// The draft's connection status: the notepad's status line, with the refusals said in the
// series' words (a series link, a series member, a language of the series), not a session's.
import { useTranslation } from 'react-i18next';
import type { NotepadConnectionState } from '../../net/notepad';
import { NotepadStatusLine } from '../../notepad/NotepadStatusLine';

const SERIES_CLOSES = new Set(['unauthenticated', 'removed', 'forbidden', 'noSuchRoom']);

export function DraftStatusLine({ state, onReconnect }: { state: NotepadConnectionState; onReconnect: () => void }) {
  const { t } = useTranslation();
  if (state.closed && SERIES_CLOSES.has(state.closed)) {
    return (
      <div className="button-row notepad-status" data-status={`closed-${state.closed}`}>
        <p role="status" className="notice" data-testid="notepad-status">
          {t(`seriesDraft.closed.${state.closed}`)}
        </p>
      </div>
    );
  }
  return <NotepadStatusLine state={state} onReconnect={onReconnect} connectedText={t('seriesDraft.connected')} />;
}
