import type { SessionView } from '@open-talks/shared/protocol';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { command } from '../../net/realtime';
import { refusalText } from '../../net/refusal';
import { Message } from './cafe/Message';

/**
 * Whether observers may read the tables' notes (NOTE3). The box shows what the server holds
 * (`session.observerNotes` follows `session:changed`), so it is never ahead of what was saved.
 */
export function ObserverNotesSetting({ session }: { session: SessionView }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean }>();

  const change = async (observerNotes: boolean) => {
    setBusy(true);
    const ack = await command('session:configure', { observerNotes });
    setBusy(false);
    setMessage(ack.ok ? { text: t(observerNotes ? 'observers.notesOn' : 'observers.notesOff'), error: false } : { text: refusalText(t, ack.error), error: true });
  };

  return (
    <div className="observer-notes">
      <label className="choice">
        <input type="checkbox" checked={session.observerNotes} disabled={busy} onChange={(e) => void change(e.target.checked)} />
        {t('observers.notesSetting')}
      </label>
      <Message message={message} />
    </div>
  );
}
