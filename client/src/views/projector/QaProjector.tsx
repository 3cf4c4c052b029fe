import type { QuestionItem } from '@open-talks/shared/protocol';
import { useTranslation } from 'react-i18next';

const TOP = 5; // questions on the screen besides the one being answered

/**
 * Q&A (PROJ11): "Now answering" and the top questions by votes, with their counts. No author is
 * ever shown here: the projector speaks to the whole room, and under `anonymous` (or for an
 * anonymous question) the server sends none anyway (QA10).
 */
export function QaProjector({ questions }: { questions: readonly QuestionItem[] }) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  const pinned = questions.find((q) => q.pinned);
  const top = questions
    .filter((q) => !q.pinned && q.status === 'visible')
    .sort((a, b) => b.votes - a.votes || a.createdAt - b.createdAt)
    .slice(0, TOP);
  return (
    <div className="pj-qa" data-testid="projector-qa">
      <section className="projector-pinned pj-pinned" aria-labelledby="pinned-heading">
        <h2 id="pinned-heading" className="pj-kicker">
          {t('townhall.qa.nowAnswering')}
        </h2>
        {pinned ? (
          <>
            <p className="projector-question">
              <bdi>{pinned.text}</bdi>
            </p>
            <p className="pj-votes">{t('townhall.qa.votes', { count: pinned.votes })}</p>
          </>
        ) : (
          <p className="pj-muted">{t('projector.nobodyPinned')}</p>
        )}
      </section>
      <section className="pj-top" aria-labelledby="pj-top-heading">
        <h2 id="pj-top-heading" className="pj-kicker">
          {t('projector.topQuestions')}
        </h2>
        {top.length === 0 ? (
          <p className="pj-muted">{t('projector.noQuestions')}</p>
        ) : (
          <ol className="pj-top-list" data-testid="projector-top-questions">
            {top.map((q) => (
              <li key={q.id}>
                <span className="pj-top-votes">{number.format(q.votes)}</span>
                <span className="pj-top-text">
                  <bdi>{q.text}</bdi>
                </span>
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
