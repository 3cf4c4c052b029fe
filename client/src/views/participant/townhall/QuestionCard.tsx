import type { Attribution } from '@open-talks/shared';
import type { QuestionItem } from '@open-talks/shared/protocol';
import { useTranslation } from 'react-i18next';
import { personLabel } from '../../../components/townhall/person';

/** One question on the board, with its vote button (pressed again: the vote is taken back). */
export function QuestionCard({ q, voted, attribution, onVote }: { q: QuestionItem; voted: boolean; attribution: Attribution; onVote: (q: QuestionItem) => void }) {
  const { t } = useTranslation();
  return (
    // Focusable from a merged question's link (QA15); not in the tab order.
    <li id={`question-${q.id}`} tabIndex={-1} className={`question-item${q.pinned ? ' question-pinned' : ''}`}>
      {q.pinned && <p className="now-answering">{t('townhall.qa.nowAnswering')}</p>}
      <p className="question-text" dir="auto">
        {q.text}
      </p>
      {/* Who asked and the vote on one line: a phone shows more questions per screen (QA16). */}
      <div className="question-foot">
        <p className="question-meta">
          {q.author ? personLabel(t, q.author, attribution) : t('townhall.qa.anonymous')}
          {q.mine && ` · ${t('townhall.qa.yours')}`}
          {q.status === 'answered' && ` · ${t('townhall.qa.answered')}`}
        </p>
        {q.status === 'visible' && !q.mine ? (
          <button type="button" className={voted ? 'vote voted' : 'vote secondary'} aria-pressed={voted} onClick={() => onVote(q)}>
            <span aria-hidden="true">▲ </span>
            {t('townhall.qa.upvote')} <span className="vote-count">{t('townhall.qa.votes', { count: q.votes })}</span>
          </button>
        ) : (
          <p className="vote-count">{t('townhall.qa.votes', { count: q.votes })}</p>
        )}
      </div>
    </li>
  );
}
