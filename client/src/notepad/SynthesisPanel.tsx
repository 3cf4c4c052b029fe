import { NOTEPAD_TEXT } from '@open-talks/shared';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { NotesEditor } from './NotesEditor';
import { NotepadStatusLine } from './NotepadStatusLine';
import { useNotepad } from './useNotepad';

/** The rapporteurs' synthesis: one shared text, written live, which opens the exported record. */
export default function SynthesisPanel({ sessionId, token, userName, userColor }: { sessionId: string; token: string; userName: string; userColor: string }) {
  const { t } = useTranslation();
  const { connection, state } = useNotepad(`session/${sessionId}/synthesis`, token, { name: userName, color: userColor });
  const headingId = useId();
  const readOnly = state.serverReadOnly || state.closed !== null;
  return (
    <section className="card notepad" aria-labelledby={headingId} data-testid="synthesis">
      <h2 id={headingId}>{t('rapporteur.synthesis')}</h2>
      <p className="hint">{t('rapporteur.synthesisHint')}</p>
      {/* NOTE5: rapporteurs and the facilitator write the synthesis, moderators read it; nobody at a table sees it. */}
      <NotepadStatusLine state={state} onReconnect={() => connection?.reconnect()} {...(!state.serverReadOnly && { connectedText: t('notepadWords.synthesisConnected') })} />
      {connection && <NotesEditor text={connection.doc.getText(NOTEPAD_TEXT)} awareness={connection.provider.awareness} readOnly={readOnly} label={t('rapporteur.synthesis')} />}
    </section>
  );
}
