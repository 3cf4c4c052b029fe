import { can, contentKey, type Attribution } from '@open-talks/shared';
import { CONSULTATION_LIMITS as L, STANCES, type Stance } from '@open-talks/shared/consultation';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ContributionText } from '../../../components/machine/ContributionText';
import { LanguageControl } from '../../../components/machine/LanguageControl';
import { useOwnLanguage, WrittenIn } from '../../../components/machine/WrittenIn';
import { personLabel } from '../../../components/townhall/person';
import { useComments } from '../../../consultation';
import { useCommand } from '../../../hooks/useCommand';
import { useViewer } from '../../../state/selectors';
import { Message } from '../../console/cafe/Message';

const STANCE_ICON: Record<Stance, string> = { agree: '✓', disagree: '✗', neutral: '○' };

/** A contribution's comments, paged from the server, and the form to add one with a stance (CONS44). */
export function CommentThread({ contributionId, attribution, mayComment }: { contributionId: string; attribution: Attribution; mayComment: boolean }) {
  const { t } = useTranslation();
  const { thread, loading, error, more, loadMore } = useComments(contributionId, true);
  // The staff and translators may say any comment's language; an author their own (MT3, MT39).
  const me = useViewer();
  const retagsAll = me ? can(me.role, 'content:translate') : false;
  return (
    <div className="consult-comments">
      {!thread && loading && <p role="status">{t('app.loading')}</p>}
      {error && <p className="form-error">{error}</p>}
      {thread && thread.items.length === 0 && <p className="hint">{t('consult.comments.none')}</p>}
      {thread && thread.items.length > 0 && (
        <ol className="consult-comment-list" aria-label={t('consult.comments.label')}>
          {thread.items.map((c) => (
            <li key={c.id} className="consult-comment">
              <p className="consult-comment-meta">
                <span className={`consult-stance consult-stance-${c.stance}`}>
                  <span aria-hidden="true">{STANCE_ICON[c.stance]} </span>
                  {t(`consult.stance.${c.stance}`)}
                </span>
                {' · '}
                {personLabel(t, c.author, attribution)}
                {c.status === 'pending' && ` · ${t('consult.comments.pending')}`}
              </p>
              <ContributionText k={contentKey({ kind: 'comment', id: c.id, field: 'text' })} text={c.text} language={c.language} />
              {(c.mine || retagsAll) && <LanguageControl k={contentKey({ kind: 'comment', id: c.id, field: 'text' })} language={c.language} />}
            </li>
          ))}
        </ol>
      )}
      {more && (
        <button type="button" className="secondary" onClick={loadMore}>
          {t('consult.comments.more', { n: thread!.total - thread!.items.length })}
        </button>
      )}
      {mayComment && <CommentForm contributionId={contributionId} />}
    </div>
  );
}

function CommentForm({ contributionId }: { contributionId: string }) {
  const { t } = useTranslation();
  const id = useId();
  const { send, message } = useCommand();
  const [stance, setStance] = useState<Stance>('neutral');
  const [text, setText] = useState('');
  const own = useOwnLanguage();
  // Left unset it follows the person's language, which can arrive after the first render (MT37).
  const [language, setLanguage] = useState<string | undefined>(undefined);
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!text.trim()) return;
    const ack = await send('contribution:comment', { contributionId, stance, text, language: language ?? own }, t('consult.comments.sent'));
    if (ack) setText('');
  }
  return (
    <form className="consult-comment-form" onSubmit={submit}>
      <fieldset>
        <legend>{t('consult.comments.stance')}</legend>
        {STANCES.map((s) => (
          <label key={s} className="choice">
            <input type="radio" name={`${id}-stance`} value={s} checked={stance === s} onChange={() => setStance(s)} />
            {t(`consult.stance.${s}`)}
          </label>
        ))}
      </fieldset>
      <label htmlFor={`${id}-text`}>{t('consult.comments.yourComment')}</label>
      <textarea id={`${id}-text`} rows={3} maxLength={L.commentLength} value={text} onChange={(e) => setText(e.target.value)} required dir="auto" lang={language ?? own} />
      <WrittenIn id={`${id}-language`} value={language ?? own} onChange={setLanguage} />
      <button type="submit" disabled={!text.trim()}>
        {t('consult.comments.send')}
      </button>
      <Message message={message} />
    </form>
  );
}
