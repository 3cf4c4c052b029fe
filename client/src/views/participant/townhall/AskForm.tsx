import { QA_LIMITS } from '@open-talks/shared';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Message } from '../../console/cafe/Message';
import { useCommand } from './useCommand';

/** Ask a question, as oneself or anonymously when the session allows it. */
export function AskForm({ anonymousAllowed, preModerated }: { anonymousAllowed: boolean; preModerated: boolean }) {
  const { t } = useTranslation();
  const { send, message } = useCommand();
  const [text, setText] = useState('');
  const field = useRef<HTMLTextAreaElement>(null);
  const [anonymous, setAnonymous] = useState(false);
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!text.trim()) return;
    const done = preModerated ? t('townhall.qa.sentForReview') : t('townhall.qa.sent');
    if (!(await send('qa:ask', { text, anonymous: anonymousAllowed && anonymous }, done))) return;
    setText('');
    // The emptied form's button is disabled; focus goes back to the field, ready for the next
    // question, instead of dropping to the page (QA14). The status line says it was sent.
    field.current?.focus();
  }
  return (
    <form className="ask-form" onSubmit={submit}>
      <label htmlFor="ask-text">{t('townhall.qa.yourQuestion')}</label>
      <textarea ref={field} id="ask-text" rows={2} maxLength={QA_LIMITS.textLength} value={text} onChange={(e) => setText(e.target.value)} aria-describedby="ask-hint" required />
      <p id="ask-hint" className="hint">
        {t('townhall.qa.limit', { count: QA_LIMITS.textLength - text.length })}
        {preModerated && ` ${t('townhall.qa.preModerated')}`}
      </p>
      {anonymousAllowed && (
        <label className="choice">
          <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} />
          {t('townhall.qa.askAnonymously')}
        </label>
      )}
      <button type="submit" disabled={!text.trim()}>
        {t('townhall.qa.ask')}
      </button>
      <Message message={message} />
    </form>
  );
}
