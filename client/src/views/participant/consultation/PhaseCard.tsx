import { SCHEDULED_PHASES } from '@open-talks/shared/consultation';
import type { ConsultationView } from '@open-talks/shared/protocol';
import { useTranslation } from 'react-i18next';
import { ALLOWED, formatWhen } from './words';

/**
 * Where the consultation stands (CONS41): the phase in words, what one may do now, when each
 * phase starts, and the next change. Announced politely when the phase changes live.
 */
export function PhaseCard({ consultation }: { consultation: ConsultationView }) {
  const { t, i18n } = useTranslation();
  const { phase, schedule, next } = consultation;
  const allowed = ALLOWED[phase];
  const dated = SCHEDULED_PHASES.filter((p) => schedule[p] !== null);
  return (
    <section className="card consult-phase" aria-labelledby="consult-phase-heading">
      <h2 id="consult-phase-heading">{t('consult.phase.heading')}</h2>
      <p className="consult-phase-now" role="status" data-testid="consult-phase">
        {t(`consult.phase.now.${phase}`)}
      </p>
      <p>{t(`consult.phase.allowed.${phase}`)}</p>
      {allowed.contribute || allowed.comment ? null : phase !== 'draft' && <p className="hint">{t('consult.phase.readOnly')}</p>}
      {next && <p>{t('consult.phase.next', { phase: t(`consult.phase.name.${next.phase}`), when: formatWhen(i18n.language, next.at) })}</p>}
      {dated.length > 0 && (
        <details>
          <summary>{t('consult.phase.dates')}</summary>
          <dl className="consult-dates">
            {dated.map((p) => (
              <div key={p}>
                <dt>{t(`consult.phase.name.${p}`)}</dt>
                <dd>{formatWhen(i18n.language, schedule[p]!)}</dd>
              </div>
            ))}
          </dl>
        </details>
      )}
    </section>
  );
}
