import { contentKey, type Attribution } from '@open-talks/shared';
import type { QuestionItem } from '@open-talks/shared/protocol';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { ContributionText } from '../../../components/machine/ContributionText';
import { LanguageControl } from '../../../components/machine/LanguageControl';
import { personLabel } from '../../../components/townhall/person';
import './townhall-phone.css';

/**
 * One question on the board, compact: a big vote button at the start of the line (THUI12: at
 * least 44 px; pressed again, the vote is taken back), the text and who asked beside it. Whether
 * one voted is said in words and an icon, and by `aria-pressed`, never by colour alone.
 */
export const QuestionCard = memo(function QuestionCard({
  q,
  voted,
  attribution,
  onVote,
}: {
  q: QuestionItem;
  voted: boolean;
  attribution: Attribution;
  onVote: (q: QuestionItem) => void;
}) {
  const { t } = useTranslation();
  const textId = `question-text-${q.id}`;
  const canVote = q.status === 'visible' && !q.mine;
  return (
    // Focusable from a merged question's link (QA15); not in the tab order.
    <li id={`question-${q.id}`} tabIndex={-1} className={`question-item question-compact${q.pinned ? ' question-pinned' : ''}`}>
      {q.pinned && <p className="now-answering">{t('townhall.qa.nowAnswering')}</p>}
      <div className="question-line">
        {canVote ? (
          <button type="button" className={voted ? 'vote voted' : 'vote secondary'} aria-pressed={voted} aria-describedby={textId} onClick={() => onVote(q)}>
            <span aria-hidden="true" className="vote-icon">
              {voted ? '✓' : '▲'}
            </span>
            <span aria-hidden="true" className="vote-number">
              {q.votes}
            </span>
            <span className="visually-hidden">{t('townhall.qa.upvote')}</span>
          </button>
        ) : (
          <p className="vote-tally" aria-hidden="true">
            <span className="vote-number">{q.votes}</span>
          </p>
        )}
        <div className="question-body">
          <ContributionText k={contentKey({ kind: 'question', id: q.id, field: 'text' })} text={q.text} language={q.language} className="question-text" id={textId} />
          <p className="question-meta">
            {q.author ? personLabel(t, q.author, attribution) : t('townhall.qa.anonymous')}
            {q.mine && ` · ${t('townhall.qa.yours')}`}
            {q.status === 'answered' && ` · ${t('townhall.qa.answered')}`}
            {' · '}
            <span className="vote-count">{t('townhall.qa.votes', { count: q.votes })}</span>
            {voted && (
              <span className="you-voted">
                {' · '}
                <span aria-hidden="true">✓ </span>
                {t('thPhase.qa.youVoted')}
              </span>
            )}
          </p>
          {q.mine && <LanguageControl k={contentKey({ kind: 'question', id: q.id, field: 'text' })} language={q.language} />}
        </div>
      </div>
    </li>
  );
});
