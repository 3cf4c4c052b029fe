import type { PollItem } from '@open-talks/shared/protocol';
import { useTranslation } from 'react-i18next';
import { PollResults } from '../../../components/townhall/PollResults';
import { keys, TranslatedMark, useTranslated } from '../../../components/translated';
import { BallotForm } from './BallotForm';

/**
 * One poll: answer it (and change the answer while it is open), and its results when shown.
 * A closed poll folds to one line that opens to its results (POLL14).
 */
export function PollCard({ item, canVote }: { item: PollItem; canVote: boolean }) {
  const { t } = useTranslation();
  const { poll, results, ballot } = item;
  const open = poll.status === 'open';
  // LANG58: the question in the reader's language; its "Show original" shows the options' originals too.
  const question = useTranslated(keys.pollQuestion(poll.id), poll.question);
  const showOriginal = question.showingOriginal;
  if (!open) {
    return (
      <details className="card poll-card poll-closed">
        <summary>
          <span className="poll-question" {...question.attrs}>
            {question.shown.text}
          </span>{' '}
          <span className="muted">· {t('townhall.poll.closed')}</span>
        </summary>
        <TranslatedMark of={question} />
        {ballot && <p>{t('townhall.poll.youAnswered')}</p>}
        {results ? <PollResults poll={poll} results={results} showOriginal={showOriginal} /> : <p className="muted">{t('townhall.poll.resultsHidden')}</p>}
      </details>
    );
  }
  return (
    <article className="card poll-card" id={`poll-card-${poll.id}`} tabIndex={-1} aria-labelledby={`poll-${poll.id}`}>
      <h3 id={`poll-${poll.id}`} {...question.attrs}>
        {question.shown.text}
      </h3>
      <TranslatedMark of={question} />
      <p className="muted">
        {t(`townhall.poll.kind.${poll.kind}`)} · {t('townhall.poll.open')}
      </p>
      {canVote && <BallotForm item={item} showOriginal={showOriginal} />}
      {results && <PollResults poll={poll} results={results} showOriginal={showOriginal} />}
    </article>
  );
}
