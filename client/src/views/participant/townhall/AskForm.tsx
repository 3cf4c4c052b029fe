import { QA_LIMITS } from '@open-talks/shared';
import type { QuestionItem } from '@open-talks/shared/protocol';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Message } from '../../console/cafe/Message';
import { useCommand } from '../../../hooks/useCommand';
import { useOwnLanguage, WrittenIn } from '../../../components/machine/WrittenIn';

/**
 * Ask a question, as oneself or anonymously when the session allows it. "Sent, waiting for a
 * moderator" / "Your question is up" shows only while the question is still as it was sent
 * (THUI3): approved, answered or merged, the list says where it is.
 */
export function AskForm({ anonymousAllowed, preModerated, questions }: { anonymousAllowed: boolean; preModerated: boolean; questions: readonly QuestionItem[] }) {
  const { t } = useTranslation();
  const { send, message } = useCommand();
  const [asked, setAsked] = useState<Pick<QuestionItem, 'id' | 'status'> | null>(null);
  const now = asked && questions.find((q) => q.id === asked.id);
  // Not yet in the list (the broadcast may come after the ack) counts as still true.
  const stale = message !== undefined && !message.error && now !== null && now !== undefined && (now.status !== asked!.status || Boolean(now.mergedInto));
  const [text, setText] = useState('');
  const field = useRef<HTMLTextAreaElement>(null);
  const [anonymous, setAnonymous] = useState(false);
  const own = useOwnLanguage();
  const [language, setLanguage] = useState<string | null>(null);
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!text.trim()) return;
    const done = preModerated ? t('townhall.qa.sentForReview') : t('townhall.qa.sent');
    const ack = await send('qa:ask', { text, anonymous: anonymousAllowed && anonymous, language: language ?? own }, done);
    if (!ack) return;
    setAsked({ id: ack.question.id, status: ack.question.status });
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
      {/* One row on a phone: the language is a detail of sending (QA16 keeps the page short). */}
      <div className="ask-send">
        <WrittenIn id="ask-language" value={language ?? own} onChange={setLanguage} />
        <button type="submit" disabled={!text.trim()}>
          {t('townhall.qa.ask')}
        </button>
      </div>
      <Message message={stale ? undefined : message} />
    </form>
  );
}
