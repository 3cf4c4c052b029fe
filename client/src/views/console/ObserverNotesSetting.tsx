import type { SessionView } from '@open-talks/shared/protocol';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { command } from '../../net/realtime';

/**
 * Whether observers may read the tables' notes (NOTE3). The box shows what the server holds
 * (`session.observerNotes` follows `session:changed`), so it is never ahead of what was saved.
 */
export function ObserverNotesSetting({ session }: { session: SessionView }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');

  const change = async (observerNotes: boolean) => {
    setBusy(true);
    const ack = await command('session:configure', { observerNotes });
    setBusy(false);
    setStatus(ack.ok ? t(observerNotes ? 'observers.notesOn' : 'observers.notesOff') : t('errors.internal'));
  };

  return (
    <div className="observer-notes">
      <label className="choice">
        <input type="checkbox" checked={session.observerNotes} disabled={busy} onChange={(e) => void change(e.target.checked)} />
        {t('observers.notesSetting')}
      </label>
      <p role="status" className="hint">
        {status}
      </p>
    </div>
  );
}
