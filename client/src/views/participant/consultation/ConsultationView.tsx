import { can, type Attribution } from '@open-talks/shared';
import type { ParticipantView } from '@open-talks/shared/protocol';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PanelBoundary } from '../../../components/PanelBoundary';
import { keys, Translated, TranslatedMark, useTranslated } from '../../../components/translated';
import { useConsultation, useConsultationView, useConsultationYou } from '../../../consultation';
import { getCredential } from '../../../state/credentials';
import { MyContributions } from './MyContributions';
import { PhaseCard } from './PhaseCard';
import { QuestionSection } from './QuestionSection';
import { ReturnLink } from './ReturnLink';
import { ALLOWED } from './words';
import './consultation.css';

/**
 * A participant's online consultation (CONS40): phone-first, one column, its own lazy chunk.
 * The background, where the phase stands, the questions (one shown at a time, picked from a
 * list), the person's own contributions and their personal return link.
 */
export default function ConsultationView({ sessionId, me, attribution }: { sessionId: string; me: ParticipantView; attribution: Attribution }) {
  const { t } = useTranslation();
  const consultation = useConsultationView();
  const you = useConsultationYou();
  const gone = useConsultation((s) => s.gone);
  const [chosen, setChosen] = useState<string | null>(null);
  // LANG65: the background in the participant's language when a version exists.
  const background = useTranslated(keys.consultation(sessionId, 'background'), consultation?.settings.background ?? '');
  const mineIds = useMemo(() => new Set(you?.mine.map((m) => m.id) ?? []), [you?.mine]);
  if (!consultation) return <p role="status">{t('app.loading')}</p>;
  const { phase, settings, questions } = consultation;
  const allowed = ALLOWED[phase];
  const canContribute = can(me.role, 'consultation:contribute');
  const question = questions.find((q) => q.id === chosen) ?? questions[0];
  const token = getCredential(sessionId)?.token;
  const paragraphs = background.shown.text.split(/\n\s*\n/).filter((p) => p.trim());

  return (
    <div className="consultation">
      {paragraphs.length > 0 && (
        <section className="card consult-background" aria-labelledby="consult-background-heading">
          <h2 id="consult-background-heading">{t('consult.background')}</h2>
          {paragraphs.map((p, i) => (
            <p key={i} {...background.attrs}>
              {p}
            </p>
          ))}
          <TranslatedMark of={background} />
        </section>
      )}
      <PhaseCard consultation={consultation} />
      {phase !== 'draft' && questions.length > 1 && (
        <nav className="consult-questions-nav" aria-label={t('consult.question.nav')}>
          <ol>
            {questions.map((q, i) => (
              <li key={q.id}>
                <button
                  type="button"
                  className={q.id === question?.id ? undefined : 'secondary'}
                  aria-current={q.id === question?.id ? 'true' : undefined}
                  onClick={() => setChosen(q.id)}
                >
                  <span className="consult-question-number">{t('consult.question.number', { n: i + 1 })}</span>{' '}
                  <Translated k={keys.consultationQuestion(q.id, 'title')} text={q.text} mark={false} />
                </button>
              </li>
            ))}
          </ol>
        </nav>
      )}
      {phase !== 'draft' && question && (
        <QuestionSection
          key={question.id}
          question={question}
          attribution={attribution}
          allowed={allowed}
          canContribute={canContribute}
          language={me.language}
          preModerated={settings.moderation === 'pre'}
          supported={you?.supported[question.id] ?? []}
          limit={settings.supportsPerQuestion}
          mine={mineIds}
        />
      )}
      {phase !== 'draft' && questions.length === 0 && <p className="notice">{t('consult.question.none')}</p>}
      {you && canContribute && (
        <PanelBoundary name="mine">
          <MyContributions
            mine={you.mine}
            gone={gone}
            questions={questions}
            canEdit={allowed.contribute}
            language={me.language}
            supported={you.supported}
            limit={settings.supportsPerQuestion}
          />
        </PanelBoundary>
      )}
      {you && token && <ReturnLink sessionId={sessionId} token={token} email={you.email} />}
    </div>
  );
}
