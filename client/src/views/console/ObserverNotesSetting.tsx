import type { SessionView } from '@open-talks/shared/protocol';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { command } from '../../net/realtime';
import { refusalText } from '../../net/refusal';
import { Message } from './cafe/Message';

/**
 * Whether observers may read the tables' notes (NOTE3). The box shows what the server holds
 * (`session.observerNotes` follows `session:changed`); while a change is on its way it shows the
 * asked-for value (disabled), so a click visibly takes on a slow link, and a refusal puts it back.
 */
export function ObserverNotesSetting({ session }: { session: SessionView }) {
  const { t } = useTranslation();
  const [pending, setPending] = useState<boolean>();
  const [message, setMessage] = useState<{ text: string; error: boolean }>();

  const change = async (observerNotes: boolean) => {
    setPending(observerNotes);
    const ack = await command('session:configure', { observerNotes });
    setPending(undefined);
    setMessage(ack.ok ? { text: t(observerNotes ? 'observers.notesOn' : 'observers.notesOff'), error: false } : { text: refusalText(t, ack.error), error: true });
  };

  return (
    <div className="observer-notes">
      <label className="choice">
        <input type="checkbox" checked={pending ?? session.observerNotes} disabled={pending !== undefined} onChange={(e) => void change(e.target.checked)} />
        {t('observers.notesSetting')}
      </label>
      <Message message={message} />
    </div>
  );
}
