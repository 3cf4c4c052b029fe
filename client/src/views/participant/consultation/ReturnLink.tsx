import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyField } from '../../../components/CopyField';
import { useCommand } from '../../../hooks/useCommand';
import { Message } from '../../console/cafe/Message';

/**
 * The personal return link (CONS47): the person's own token in the link's #fragment, which
 * useLiveSession reads on any device (then takes off the address bar); and an optional e-mail to
 * get it again, never shown to others (`consultation:set-email`).
 */
export function ReturnLink({ sessionId, token, email }: { sessionId: string; token: string; email: string | null }) {
  const { t } = useTranslation();
  const { send, message } = useCommand();
  const [draft, setDraft] = useState(email ?? '');
  const link = `${location.origin}/s/${sessionId}#token=${token}`;
  async function save(event: FormEvent) {
    event.preventDefault();
    const value = draft.trim();
    await send('consultation:set-email', { email: value || null }, value ? t('consult.returnLink.emailSaved') : t('consult.returnLink.emailRemoved'));
  }
  return (
    <section className="card consult-return" aria-labelledby="consult-return-heading">
      <h2 id="consult-return-heading">{t('consult.returnLink.heading')}</h2>
      <CopyField label={t('consult.returnLink.label')} value={link} hint={t('consult.returnLink.hint')} />
      <form onSubmit={save} className="consult-email">
        <label htmlFor="consult-email">{t('consult.returnLink.email')}</label>
        <div className="copy-row">
          <input id="consult-email" type="email" autoComplete="email" value={draft} onChange={(e) => setDraft(e.target.value)} aria-describedby="consult-email-hint" />
          <button type="submit">{t('consult.returnLink.saveEmail')}</button>
        </div>
        <p id="consult-email-hint" className="hint">
          {t('consult.returnLink.emailHint')}
        </p>
        <Message message={message} />
      </form>
    </section>
  );
}
