import type { Attribution, Language } from '@open-talks/shared';
import type { ConsultationQuestionView } from '@open-talks/shared/protocol';
import { useTranslation } from 'react-i18next';
import { PanelBoundary } from '../../../components/PanelBoundary';
import { keys, Translated } from '../../../components/translated';
import { ContributeForm } from './ContributeForm';
import { ContributionBoard } from './ContributionBoard';
import { Statements } from './Statements';
import type { ALLOWED } from './words';

type Allowed = (typeof ALLOWED)[keyof typeof ALLOWED];

/**
 * One question of the consultation (CONS42–CONS45): its text, "supports left: N of M", the form
 * to contribute while contributions are open, the board of contributions and, when the question
 * has them, the statements and opinion groups.
 */
export function QuestionSection({
  question,
  attribution,
  allowed,
  canContribute,
  language,
  preModerated,
  supported,
  limit,
  mine,
}: {
  question: ConsultationQuestionView;
  attribution: Attribution;
  allowed: Allowed;
  /** The person's role may contribute (not an observer). */
  canContribute: boolean;
  language: Language;
  preModerated: boolean;
  supported: readonly string[];
  limit: number;
  mine: ReadonlySet<string>;
}) {
  const { t } = useTranslation();
  const may = { comment: canContribute && allowed.comment, support: canContribute && allowed.support };
  return (
    <section className="consult-question" aria-labelledby={`question-${question.id}-heading`}>
      {/* LANG66: the question and its description in the participant's language when a version exists. */}
      <Translated k={keys.consultationQuestion(question.id, 'title')} text={question.text} as="h2" id={`question-${question.id}-heading`} tabIndex={-1} />
      {question.description && <Translated k={keys.consultationQuestion(question.id, 'text')} text={question.description} as="p" className="consult-question-description" />}
      <p className="hint">
        {t('consult.question.counts', { n: question.counts.contributions })} · {t('consult.card.comments', { n: question.counts.comments })}
      </p>
      {may.support && (
        <p className="consult-supports-left" data-testid="consult-supports-left">
          {t('consult.support.left', { n: Math.max(0, limit - supported.length), total: limit })}
        </p>
      )}
      {canContribute && allowed.contribute && (
        <PanelBoundary name="contribute">
          <ContributeForm questionId={question.id} language={language} preModerated={preModerated} supported={supported} limit={limit} />
        </PanelBoundary>
      )}
      {question.statements && (
        <PanelBoundary name="statements">
          <Statements questionId={question.id} mayAnswer={canContribute && allowed.statements} preModerated={preModerated} />
        </PanelBoundary>
      )}
      <PanelBoundary name="contributions">
        <ContributionBoard questionId={question.id} attribution={attribution} supported={supported} limit={limit} mine={mine} may={may} />
      </PanelBoundary>
    </section>
  );
}
