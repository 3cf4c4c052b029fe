import type { Attribution } from '@open-talks/shared';
import type { QuestionItem } from '@open-talks/shared/protocol';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { personLabel } from '../../../components/townhall/person';
import { Message } from '../../console/cafe/Message';
import { useCommand } from './useCommand';

type Sort = 'top' | 'newest';

function sorted(questions: readonly QuestionItem[], sort: Sort): QuestionItem[] {
  const byTime = (a: QuestionItem, b: QuestionItem) => a.createdAt - b.createdAt || a.id.localeCompare(b.id);
  return [...questions].sort((a, b) => (sort === 'top' ? b.votes - a.votes || byTime(a, b) : -byTime(a, b)));
}

/** The questions this person may see, with one vote each (pressed again: taken back). */
export function QuestionList({ questions, myVotes, attribution }: { questions: readonly QuestionItem[]; myVotes: readonly string[]; attribution: Attribution }) {
  const { t } = useTranslation();
  const [sort, setSort] = useState<Sort>('top');
  const { send, message, busy } = useCommand();
  const voted = new Set(myVotes);
  const open = sorted(questions.filter((q) => q.status === 'visible'), sort);
  const answered = sorted(questions.filter((q) => q.status === 'answered'), sort);
  const mine = sorted(questions.filter((q) => q.mine && (q.status === 'pending' || q.status === 'hidden')), 'newest');

  const item = (q: QuestionItem) => (
    <li key={q.id} className={`question-item${q.pinned ? ' question-pinned' : ''}`}>
      {q.pinned && <p className="now-answering">{t('townhall.qa.nowAnswering')}</p>}
      <p className="question-text" dir="auto">
        {q.text}
      </p>
      <p className="question-meta">
        {q.author ? personLabel(t, q.author, attribution) : t('townhall.qa.anonymous')}
        {q.mine && ` · ${t('townhall.qa.yours')}`}
        {q.status === 'answered' && ` · ${t('townhall.qa.answered')}`}
      </p>
      {q.status === 'visible' && !q.mine ? (
        <button
          type="button"
          className={voted.has(q.id) ? 'vote voted' : 'vote secondary'}
          aria-pressed={voted.has(q.id)}
          disabled={busy}
          onClick={() => void send('qa:vote', { questionId: q.id, up: !voted.has(q.id) })}
        >
          <span aria-hidden="true">▲ </span>
          {t('townhall.qa.upvote')} <span className="vote-count">{t('townhall.qa.votes', { count: q.votes })}</span>
        </button>
      ) : (
        <p className="vote-count">{t('townhall.qa.votes', { count: q.votes })}</p>
      )}
    </li>
  );

  return (
    <div className="question-list">
      <div className="inline-form">
        <label htmlFor="qa-sort">{t('townhall.qa.sortBy')}</label>
        <select id="qa-sort" value={sort} onChange={(e) => setSort(e.target.value as Sort)}>
          <option value="top">{t('townhall.qa.sortTop')}</option>
          <option value="newest">{t('townhall.qa.sortNewest')}</option>
        </select>
      </div>
      <Message message={message} />
      {mine.length > 0 && (
        <>
          <h3>{t('townhall.qa.yourQuestions')}</h3>
          <ul className="plain-list">
            {mine.map((q) => (
              <li key={q.id} className="question-item question-mine">
                <p className="question-text" dir="auto">
                  {q.text}
                </p>
                <p className="question-meta">
                  {q.status === 'pending' ? t('townhall.qa.pending') : q.hiddenReason ? t('townhall.qa.hiddenBecause', { reason: q.hiddenReason }) : t('townhall.qa.hidden')}
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>{t('townhall.qa.open', { count: open.length })}</h3>
      {open.length === 0 ? <p className="muted">{t('townhall.qa.none')}</p> : <ul className="plain-list">{open.map(item)}</ul>}
      {answered.length > 0 && (
        <details>
          <summary>{t('townhall.qa.answeredList', { count: answered.length })}</summary>
          <ul className="plain-list">{answered.map(item)}</ul>
        </details>
      )}
    </div>
  );
}
