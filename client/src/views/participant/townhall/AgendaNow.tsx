import type { AgendaView } from '@open-talks/shared/protocol';
import { useTranslation } from 'react-i18next';
import { Countdown } from '../../../components/cafe/Countdown';

/** The agenda item under way and its time box, with what comes next. */
export function AgendaNow({ agenda, className = '' }: { agenda: AgendaView; className?: string }) {
  const { t } = useTranslation();
  if (agenda.items.length === 0) return null;
  const current = agenda.items.find((item) => item.id === agenda.currentId);
  const next = agenda.items.find((item) => item.status === 'upcoming');
  return (
    <section className={`agenda-now ${className}`} aria-labelledby="agenda-heading">
      <h2 id="agenda-heading">{t('townhall.agenda.heading')}</h2>
      {current ? (
        <>
          <p className="agenda-current" aria-live="polite" dir="auto">
            {t('townhall.agenda.now', { title: current.title })}
          </p>
          <Countdown timer={agenda.timer} label={t('townhall.agenda.timeLeft')} kind="agenda" />
        </>
      ) : (
        <p className="muted">{agenda.items.every((i) => i.status === 'done') ? t('townhall.agenda.over') : t('townhall.agenda.notStarted')}</p>
      )}
      {next && (
        <p className="agenda-next" dir="auto">
          {t('townhall.agenda.next', { title: next.title })}
        </p>
      )}
      <details>
        <summary>{t('townhall.agenda.all', { count: agenda.items.length })}</summary>
        <ol className="agenda-list">
          {agenda.items.map((item) => (
            <li key={item.id} aria-current={item.status === 'current' ? 'step' : undefined}>
              <span dir="auto">{item.title}</span> · {t('townhall.agenda.minutes', { count: Math.round(item.durationMs / 60_000) })} · {t(`townhall.agenda.status.${item.status}`)}
            </li>
          ))}
        </ol>
      </details>
    </section>
  );
}
