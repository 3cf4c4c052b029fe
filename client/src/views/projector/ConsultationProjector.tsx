import type { SessionState } from '@open-talks/shared/protocol';
import { useTranslation } from 'react-i18next';
import { JoinProjector } from './JoinProjector';
import './consultation-projector.css';

/**
 * A consultation on the big screen (CONS56), at a launch event or a café that feeds it: how to
 * join (code, QR, the title in the header), its phase, and the live counts per question.
 */
export function ConsultationProjector({ live }: { live: SessionState }) {
  const { t } = useTranslation();
  const consultation = live.consultation?.consultation;
  return (
    <div className="pj-consultation">
      <JoinProjector live={live} />
      {consultation && (
        <section className="pj-consultation-counts" aria-labelledby="pj-consultation-heading">
          <h2 id="pj-consultation-heading">{t('consultConsole.projector.heading', { phase: t(`consultConsole.phase.${consultation.phase}`) })}</h2>
          <ol>
            {consultation.questions.map((q) => (
              <li key={q.id} data-testid="pj-question">
                <bdi className="pj-consultation-question">{q.text}</bdi>
                <span className="pj-consultation-numbers">
                  {t('consultConsole.projector.contributions', { count: q.counts.contributions })} · {t('consultConsole.projector.comments', { count: q.counts.comments })} ·{' '}
                  {t('consultConsole.projector.supports', { count: q.counts.supports })}
                </span>
              </li>
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}
