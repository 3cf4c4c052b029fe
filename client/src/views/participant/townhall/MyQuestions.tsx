import { contentKey, directionOf, textDirection } from '@open-talks/shared';
import type { QuestionItem } from '@open-talks/shared/protocol';
import { useTranslation } from 'react-i18next';
import { LanguageControl } from '../../../components/machine/LanguageControl';

/**
 * The person's own questions that others do not see: waiting, hidden, or merged into another
 * question (QA15), which is shown with a link to it when this person can see it.
 */
export function MyQuestions({ mine, all, onShow }: { mine: readonly QuestionItem[]; all: readonly QuestionItem[]; onShow: (id: string) => void }) {
  const { t } = useTranslation();
  if (mine.length === 0) return null;
  const status = (q: QuestionItem) => {
    if (q.mergedInto !== null) {
      const target = all.find((other) => other.id === q.mergedInto && (other.status === 'visible' || other.status === 'answered'));
      if (!target) return t('thUi.qa.mergedElsewhere');
      return (
        <>
          {t('thUi.qa.mergedInto')}{' '}
          <a
            href={`#question-${target.id}`}
            dir="auto"
            onClick={(event) => {
              event.preventDefault();
              onShow(target.id);
            }}
          >
            {target.text}
          </a>
        </>
      );
    }
    if (q.status === 'pending') return t('townhall.qa.pending');
    return q.hiddenReason ? t('townhall.qa.hiddenBecause', { reason: q.hiddenReason }) : t('townhall.qa.hidden');
  };
  return (
    <>
      <h3>{t('thUi.qa.yourOthers')}</h3>
      <ul className="plain-list">
        {mine.map((q) => (
          <li key={q.id} className="question-item question-mine">
            <p className="question-text" lang={q.language} dir={textDirection(q.text, directionOf(q.language))}>
              {q.text}
            </p>
            <p className="question-meta">{status(q)}</p>
            <LanguageControl k={contentKey({ kind: 'question', id: q.id, field: 'text' })} language={q.language} />
          </li>
        ))}
      </ul>
    </>
  );
}
