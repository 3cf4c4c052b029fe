import { NOTEPAD_TEXT } from '@open-talks/shared';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { WrittenIn } from '../components/machine/WrittenIn';
import { refusalText } from '../net/refusal';
import { KeyIdeas } from './KeyIdeas';
import { useNotesLanguage } from './notes-language';
import { NotesEditor } from './NotesEditor';
import { NotepadStatusLine } from './NotepadStatusLine';
import { useNotepad } from './useNotepad';

export interface NotepadPanelProps {
  sessionId: string;
  /** A table's notepad for one round (from 1); leave both out for the session's harvest. */
  tableId?: string;
  round?: number;
  token: string;
  /** Read-only by the viewer's own reckoning (e.g. a past round); the server may say so too. */
  readOnly?: boolean;
  /** Shown to others beside this person's cursor, as the attribution allows. */
  userName: string;
  userColor: string;
  /** May mark, edit, reorder and drop key ideas: the host, or anyone if the table has none (mayCurateIdeas). */
  canCurate?: boolean;
  /** The heading; defaults to "Notes, round n" or "Harvest". */
  title?: string;
}

export function notepadRoom(sessionId: string, tableId?: string, round?: number): string {
  return tableId && round ? `session/${sessionId}/table/${tableId}/round/${round}` : `session/${sessionId}/harvest`;
}

/**
 * A table's (or the harvest's) shared notepad: free notes and key ideas, live with the others,
 * kept on this device while offline. Default export so views can React.lazy() it.
 */
export default function NotepadPanel(props: NotepadPanelProps) {
  const { t } = useTranslation();
  const { sessionId, tableId, round, token, userName, userColor } = props;
  const room = notepadRoom(sessionId, tableId, round);
  const { connection, state } = useNotepad(room, token, { name: userName, color: userColor });
  const headingId = useId();
  const readOnlyId = useId();
  const languageId = useId();
  const readOnly = Boolean(props.readOnly) || state.serverReadOnly || state.closed !== null;
  const title = props.title ?? (round ? t('notepad.titleRound', { round }) : t('notepad.harvest'));
  const notes = useNotesLanguage(tableId, round);
  const [languageFailure, setLanguageFailure] = useState<string | null>(null);
  const choose = (language: string) => {
    setLanguageFailure(null);
    void notes.choose(language).then((ack) => {
      if (!ack.ok) setLanguageFailure(refusalText(t, ack.error));
    });
  };

  return (
    <section className="card notepad" aria-labelledby={headingId} data-testid="notepad">
      <h2 id={headingId}>{title}</h2>
      <NotepadStatusLine state={state} onReconnect={() => connection?.reconnect()} />
      {readOnly && (
        <p className="notice" id={readOnlyId} data-testid="notepad-read-only">
          {t('notepad.readOnly')}
        </p>
      )}
      {tableId && round && notes.language && !readOnly && (
        <p className="notes-language">
          <WrittenIn id={languageId} label={t('notepad.notesWrittenIn')} value={notes.language} onChange={choose} />
          {languageFailure && (
            <span className="form-error" role="alert">
              {' '}
              {t('notepad.notesLanguageFailed', { reason: languageFailure })}
            </span>
          )}
        </p>
      )}
      {connection && (
        <>
          <NotesEditor
            text={connection.doc.getText(NOTEPAD_TEXT)}
            awareness={connection.provider.awareness}
            readOnly={readOnly}
            language={notes.language}
            label={round ? t('notepad.editorLabel', { round }) : t('notepad.harvest')}
            {...(readOnly && { describedBy: readOnlyId })}
          />
          {tableId && round && (
            <KeyIdeas
              doc={connection.doc}
              canAdd={!readOnly}
              canCurate={!readOnly && (props.canCurate ?? false)}
              round={round}
              tableId={tableId}
              outboxKey={`${room}:${token.slice(-8)}`}
            />
          )}
        </>
      )}
    </section>
  );
}
