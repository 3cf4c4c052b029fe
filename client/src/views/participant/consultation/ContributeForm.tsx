import { LANGUAGES, type Language } from '@open-talks/shared';
import { CONSULTATION_LIMITS as L } from '@open-talks/shared/consultation';
import type { ContributionView } from '@open-talks/shared/protocol';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSimilar } from '../../../consultation';
import { useCommand } from '../../../hooks/useCommand';
import { Message } from '../../console/cafe/Message';
import { SupportControl } from './SupportControl';

const WARN_BELOW = 200; // characters left: from here the count is announced too

/**
 * Write a contribution, or edit one's own (CONS43): title, text up to 5,000 characters with the
 * characters left, language (the person's own by default). While they type, the server's most
 * similar contributions are offered to support instead (`consultation:similar`, debounced).
 */
export function ContributeForm({
  questionId,
  language,
  preModerated,
  editing,
  supported,
  limit,
  onDone,
}: {
  questionId: string;
  language: Language;
  preModerated: boolean;
  /** Their own contribution to edit, or none for a new one. */
  editing?: ContributionView;
  supported: readonly string[];
  limit: number;
  onDone?: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const { send, message } = useCommand();
  const [title, setTitle] = useState(editing?.title ?? '');
  const [text, setText] = useState(editing?.text ?? '');
  const [lang, setLang] = useState<string>(editing?.language ?? language);
  const titleField = useRef<HTMLInputElement>(null);
  const { similar } = useSimilar(questionId, editing ? '' : title, editing ? '' : text);
  const others = similar.filter((c) => c.id !== editing?.id);
  const left = L.textLength - text.length;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!title.trim() || !text.trim()) return;
    if (editing) {
      const ack = await send('contribution:edit', { contributionId: editing.id, title, text, language: lang }, t('consult.contribute.edited'));
      if (ack) onDone?.();
      return;
    }
    const done = preModerated ? t('consult.contribute.sentForReview') : t('consult.contribute.published');
    const ack = await send('contribution:submit', { questionId, title, text, language: lang }, done);
    if (!ack) return;
    setTitle('');
    setText('');
    titleField.current?.focus();
    onDone?.();
  }

  return (
    <form className="consult-contribute" onSubmit={submit} aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{editing ? t('consult.contribute.editHeading') : t('consult.contribute.heading')}</h3>
      <label htmlFor={`${id}-title`}>{t('consult.contribute.title')}</label>
      <input ref={titleField} id={`${id}-title`} value={title} maxLength={L.titleLength} onChange={(e) => setTitle(e.target.value)} required dir="auto" />
      <label htmlFor={`${id}-text`}>{t('consult.contribute.text')}</label>
      <textarea id={`${id}-text`} rows={6} value={text} maxLength={L.textLength} onChange={(e) => setText(e.target.value)} aria-describedby={`${id}-left`} required dir="auto" />
      <p id={`${id}-left`} className="hint" aria-live={left < WARN_BELOW ? 'polite' : 'off'}>
        {t('consult.contribute.left', { n: left, max: L.textLength })}
      </p>
      <label htmlFor={`${id}-lang`}>{t('consult.contribute.language')}</label>
      <select id={`${id}-lang`} value={lang} onChange={(e) => setLang(e.target.value)}>
        {LANGUAGES.map((l) => (
          <option key={l} value={l}>
            {t(`words.languageName.${l}`)}
          </option>
        ))}
      </select>
      {!editing && preModerated && <p className="hint">{t('consult.contribute.preModerated')}</p>}
      {!editing && (
        <section className="consult-similar" aria-labelledby={`${id}-similar`} hidden={others.length === 0}>
          <h4 id={`${id}-similar`}>{t('consult.similar.heading')}</h4>
          <p className="visually-hidden" role="status">
            {others.length > 0 ? t('consult.similar.found', { n: others.length }) : ''}
          </p>
          <ul>
            {others.map((c) => (
              <li key={c.id} className="consult-similar-item">
                <p id={`${id}-similar-${c.id}`} className="consult-similar-title" dir="auto">
                  {c.title}
                </p>
                <p className="hint">{t('consult.card.supports', { n: c.supports })}</p>
                <SupportControl item={c} supported={supported} limit={limit} open describedBy={`${id}-similar-${c.id}`} />
              </li>
            ))}
          </ul>
        </section>
      )}
      <div className="button-row">
        <button type="submit" disabled={!title.trim() || !text.trim()}>
          {editing ? t('consult.contribute.saveEdit') : t('consult.contribute.send')}
        </button>
        {editing && (
          <button type="button" className="secondary" onClick={onDone}>
            {t('consult.cancel')}
          </button>
        )}
      </div>
      <Message message={message} />
    </form>
  );
}
