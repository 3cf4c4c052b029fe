import { contentKey, QA_LIMITS } from '@open-talks/shared';
import type { QuestionItem } from '@open-talks/shared/protocol';
import { memo, useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ContributionText } from '../../../components/machine/ContributionText';
import { LanguageControl } from '../../../components/machine/LanguageControl';
import { isMergeTarget, sortQuestions } from './question-sort';
import { staffPersonLabel } from './staff-person';
import { useTownhall } from '../../../state/selectors';
import type { Commands } from '../../../hooks/useCommand';

/** What a row needs of the panel's command hook: a stable `send` (THUI11) and whether one is in flight. */
type RowCommands = Pick<Commands, 'send' | 'busy'>;

type Editing = 'none' | 'hide' | 'edit' | 'merge';

/**
 * One question with what a moderator may do to it now (QA3…QA8). THUI11: memoised, with only
 * plain values and a stable `send` as props, so a vote re-renders its own row, not the list.
 */
export const QuestionRow = memo(function QuestionRow({
  question: q,
  mergedText,
  canMerge,
  send,
  busy,
}: {
  question: QuestionItem;
  /** The text of the question this one was merged into, if any. */
  mergedText: string | null;
  canMerge: boolean;
  send: Commands['send'];
  busy: boolean;
}) {
  const { t, i18n } = useTranslation();
  const commands: RowCommands = { send, busy };
  const [editing, setEditing] = useState<Editing>('none');
  // Back from a form, keyboard focus returns to the row's actions (if the row is still here).
  const actions = useRef<HTMLDivElement>(null);
  const refocus = useRef(false);
  const close = () => {
    refocus.current = true;
    setEditing('none');
  };
  useEffect(() => {
    if (editing !== 'none' || !refocus.current) return;
    refocus.current = false;
    actions.current?.querySelector('button')?.focus();
  }, [editing]);
  const textId = `th-q-${q.id}`;
  const time = new Intl.DateTimeFormat(i18n.language, { timeStyle: 'short' }).format(q.createdAt);
  const short = (text: string) => (text.length > 60 ? `${text.slice(0, 59)}…` : text);
  const act = (label: string, onClick: () => void, className = 'secondary') => (
    <button type="button" className={className} aria-disabled={busy} aria-describedby={textId} onClick={onClick}>
      {label}
    </button>
  );
  const done = (key: string) => t(`thConsole.qa.done.${key}`, { text: short(q.text) });

  return (
    <li className={`th-question th-status-${q.status}${q.pinned ? ' th-pinned' : ''}`} data-question={q.id}>
      <ContributionText k={contentKey({ kind: 'question', id: q.id, field: 'text' })} text={q.text} language={q.language} className="th-question-text" id={textId} />
      <p className="th-meta">
        <span>{q.anonymous || !q.author ? t('thConsole.qa.anonymous') : staffPersonLabel(t, q.author)}</span>
        {/* A merged question keeps no votes: they went to its target (QA8). */}
        {q.mergedInto === null && <span className="th-votes">{t('thConsole.qa.votes', { count: q.votes })}</span>}
        <span className="th-badge">{q.pinned ? t('thConsole.qa.nowAnswering') : t(`thConsole.qa.status.${q.status}`)}</span>
        <span>{time}</span>
        {q.editedAt !== null && <span>{t('thConsole.qa.edited')}</span>}
      </p>
      {/* The staff correct a question's language (MT3, MT39). */}
      <LanguageControl k={contentKey({ kind: 'question', id: q.id, field: 'text' })} language={q.language} />
      {q.hiddenReason && <p className="th-meta">{t('thConsole.qa.hiddenReason', { reason: q.hiddenReason })}</p>}
      {q.mergedInto && <p className="th-meta">{t('thConsole.qa.mergedInto', { text: mergedText !== null ? short(mergedText) : '…' })}</p>}
      {q.mergedInto === null && editing === 'none' && (
        <div className="button-row th-actions" ref={actions}>
          {(q.status === 'pending' || q.status === 'hidden') &&
            act(
              q.status === 'pending' ? t('thConsole.qa.approve') : t('thConsole.qa.restore'),
              () => void send('qa:approve', { questionId: q.id }, done(q.status === 'pending' ? 'approved' : 'restored')),
              '',
            )}
          {q.status === 'visible' && !q.pinned && act(t('thConsole.qa.pin'), () => void send('qa:pin', { questionId: q.id }, done('pinned')), '')}
          {q.pinned && act(t('thConsole.qa.unpin'), () => void send('qa:unpin', {}, done('unpinned')))}
          {q.status === 'visible' && act(t('thConsole.qa.markAnswered'), () => void send('qa:answer', { questionId: q.id }, done('answered')))}
          {q.status === 'answered' && act(t('thConsole.qa.reopen'), () => void send('qa:reopen', { questionId: q.id }, done('reopened')))}
          {q.status !== 'hidden' && act(t('thConsole.qa.hide'), () => setEditing('hide'))}
          {act(t('thConsole.qa.edit'), () => setEditing('edit'))}
          {canMerge && act(t('thConsole.qa.mergeOpen'), () => setEditing('merge'))}
        </div>
      )}
      {editing === 'hide' && <HideForm question={q} commands={commands} done={done('hidden')} onClose={close} />}
      {editing === 'edit' && <EditForm question={q} commands={commands} done={done('edited')} onClose={close} />}
      {editing === 'merge' && <MergeForm question={q} commands={commands} short={short} onClose={close} />}
    </li>
  );
});

interface FormProps {
  question: QuestionItem;
  commands: RowCommands;
  onClose: () => void;
}

/** Escape leaves an inline form without sending it. */
function escapeCloses(onClose: () => void) {
  return (event: KeyboardEvent) => {
    if (event.key === 'Escape') onClose();
  };
}

function FormButtons({ submit, busy, onClose }: { submit: string; busy: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="button-row">
      <button type="submit" aria-disabled={busy}>
        {submit}
      </button>
      <button type="button" className="secondary" onClick={onClose}>
        {t('thConsole.cancel')}
      </button>
    </div>
  );
}

function HideForm({ question, commands, done, onClose }: FormProps & { done: string }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const id = `th-hide-${question.id}`;
  async function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = reason.trim();
    if (await commands.send('qa:hide', { questionId: question.id, reason: trimmed || null }, done)) onClose();
  }
  return (
    <form className="th-inline-edit" onSubmit={submit} onKeyDown={escapeCloses(onClose)}>
      <label htmlFor={id}>{t('thConsole.qa.hideReason')}</label>
      <input id={id} maxLength={QA_LIMITS.hiddenReasonLength} value={reason} onChange={(e) => setReason(e.target.value)} autoFocus dir="auto" />
      <FormButtons submit={t('thConsole.qa.hide')} busy={commands.busy} onClose={onClose} />
    </form>
  );
}

function EditForm({ question, commands, done, onClose }: FormProps & { done: string }) {
  const { t } = useTranslation();
  const [text, setText] = useState(question.text);
  const id = `th-edit-${question.id}`;
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (await commands.send('qa:edit', { questionId: question.id, text }, done)) onClose();
  }
  return (
    <form className="th-inline-edit" onSubmit={submit} onKeyDown={escapeCloses(onClose)}>
      <label htmlFor={id}>{t('thConsole.qa.editLabel')}</label>
      <textarea id={id} rows={2} maxLength={QA_LIMITS.textLength} value={text} onChange={(e) => setText(e.target.value)} required autoFocus dir="auto" />
      <FormButtons submit={t('thConsole.save')} busy={commands.busy} onClose={onClose} />
    </form>
  );
}

/** Reads the questions itself while open, so the rows need not carry the whole list. */
function MergeForm({ question, commands, short, onClose }: FormProps & { short: (text: string) => string }) {
  const { t } = useTranslation();
  const questions = useTownhall((th) => th.qa.questions) ?? [];
  const targets = sortQuestions(questions, 'top').filter((x) => x.id !== question.id && isMergeTarget(x));
  const [targetId, setTargetId] = useState(targets[0]?.id ?? '');
  const id = `th-merge-${question.id}`;
  async function submit(event: FormEvent) {
    event.preventDefault();
    const target = targets.find((x) => x.id === targetId);
    if (!target) return;
    const ack = await commands.send('qa:merge', { sourceId: question.id, targetId }, t('thConsole.qa.done.merged', { text: short(target.text) }));
    if (ack) onClose();
  }
  return (
    <form className="th-inline-edit" onSubmit={submit} onKeyDown={escapeCloses(onClose)}>
      <label htmlFor={id}>{t('thConsole.qa.mergeInto')}</label>
      <select id={id} value={targetId} onChange={(e) => setTargetId(e.target.value)} autoFocus>
        {targets.map((x) => (
          <option key={x.id} value={x.id}>
            {t('thConsole.qa.mergeOption', { text: short(x.text), votes: x.votes })}
          </option>
        ))}
      </select>
      <FormButtons submit={t('thConsole.qa.merge')} busy={commands.busy} onClose={onClose} />
    </form>
  );
}
