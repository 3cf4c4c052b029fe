import type { Attribution } from '@open-talks/shared';
import type { QuestionItem } from '@open-talks/shared/protocol';
import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { Message } from '../../console/cafe/Message';
import { MyQuestions } from './MyQuestions';
import { QuestionCard } from './QuestionCard';
import { useCommand } from '../../../hooks/useCommand';

type Sort = 'top' | 'newest';
/** Open questions shown before "Show all": a phone page stays a few screens long (QA16). */
export const OPEN_SHOWN = 3;

function sorted(questions: readonly QuestionItem[], sort: Sort): QuestionItem[] {
  const byTime = (a: QuestionItem, b: QuestionItem) => a.createdAt - b.createdAt || a.id.localeCompare(b.id);
  return [...questions].sort((a, b) => (sort === 'top' ? b.votes - a.votes || byTime(a, b) : -byTime(a, b)));
}

/**
 * The questions this person may see, with one vote each (pressed again: taken back). Open ones
 * first (the top few, then all on request), answered ones folded under their own heading (QA16).
 */
export function QuestionList({ questions, myVotes, attribution }: { questions: readonly QuestionItem[]; myVotes: readonly string[]; attribution: Attribution }) {
  const { t } = useTranslation();
  const [sort, setSort] = useState<Sort>('top');
  const [showAll, setShowAll] = useState(false);
  const [answeredOpen, setAnsweredOpen] = useState(false);
  const { send, message } = useCommand();
  const voted = new Set(myVotes);
  // The question being answered stays on top, whatever its votes (QA16).
  const open = sorted(
    questions.filter((q) => q.status === 'visible'),
    sort,
  ).sort((a, b) => Number(b.pinned) - Number(a.pinned));
  const answered = sorted(
    questions.filter((q) => q.status === 'answered'),
    sort,
  );
  const mine = sorted(
    questions.filter((q) => q.mine && (q.status === 'pending' || q.status === 'hidden')),
    'newest',
  );
  // Folded: the top few, plus the one being answered and one's own (just asked: still in view).
  const folded = open.filter((q, i) => i < OPEN_SHOWN || q.pinned || q.mine);
  const shown = showAll ? open : folded;
  // One callback for the list's life, so a vote re-renders the card it changed (QuestionCard is memoised).
  const latest = useRef({ send, voted });
  useLayoutEffect(() => {
    latest.current = { send, voted };
  });
  const vote = useCallback((q: QuestionItem) => void latest.current.send('qa:vote', { questionId: q.id, up: !latest.current.voted.has(q.id) }), []);
  const card = (q: QuestionItem) => <QuestionCard key={q.id} q={q} voted={voted.has(q.id)} attribution={attribution} onVote={vote} />;

  // From a merged question's link: unfold wherever the other question is, then go to it.
  function show(id: string) {
    flushSync(() => {
      setShowAll(true);
      setAnsweredOpen(true);
    });
    const target = document.getElementById(`question-${id}`);
    target?.focus({ preventScroll: true });
    target?.scrollIntoView({ block: 'center' });
  }

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
      <MyQuestions mine={mine} all={questions} onShow={show} />
      <h3>{t('townhall.qa.open', { count: open.length })}</h3>
      {open.length === 0 ? <p className="muted">{t('townhall.qa.none')}</p> : <ul className="plain-list">{shown.map(card)}</ul>}
      {folded.length < open.length && (
        <button type="button" className="secondary" aria-expanded={showAll} onClick={() => setShowAll(!showAll)}>
          {showAll ? t('thUi.qa.showFewer') : t('thUi.qa.showAll', { count: open.length })}
        </button>
      )}
      {answered.length > 0 && (
        <details className="answered-questions" open={answeredOpen} onToggle={(e) => setAnsweredOpen(e.currentTarget.open)}>
          <summary>
            <h3>{t('townhall.qa.answeredList', { count: answered.length })}</h3>
          </summary>
          <ul className="plain-list">{answered.map(card)}</ul>
        </details>
      )}
    </div>
  );
}
