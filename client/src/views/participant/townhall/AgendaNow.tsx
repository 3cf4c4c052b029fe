import type { AgendaView } from '@open-talks/shared/protocol';
import { useTranslation } from 'react-i18next';
import { Countdown } from '../../../components/cafe/Countdown';
import { keys, SLOT, slotted, TranslatedMark, useShownText, useTranslated } from '../../../components/translated';

/** The agenda item under way and its time box, with what comes next. */
export function AgendaNow({ agenda, className = '' }: { agenda: AgendaView; className?: string }) {
  const { t } = useTranslation();
  const current = agenda.items.find((item) => item.id === agenda.currentId);
  const next = agenda.items.find((item) => item.status === 'upcoming');
  // LANG59: the titles in the reader's language; the item under way says which version it is.
  const now = useTranslated(keys.agendaTitle(current?.id ?? ''), current?.title ?? '');
  const shown = useShownText();
  const title = (item: { id: string; title: string }) => {
    const s = shown(keys.agendaTitle(item.id), item.title);
    return (
      <span lang={s.language} dir={s.dir}>
        {s.text}
      </span>
    );
  };
  if (agenda.items.length === 0) return null;
  return (
    <section className={`agenda-now ${className}`} aria-labelledby="agenda-heading">
      <h2 id="agenda-heading">{t('townhall.agenda.heading')}</h2>
      {current ? (
        <>
          <p className="agenda-current" aria-live="polite" dir="auto">
            {slotted(t('townhall.agenda.now', { title: SLOT }), <span {...now.attrs}>{now.shown.text}</span>)}
          </p>
          <TranslatedMark of={now} />
          <Countdown timer={agenda.timer} label={t('townhall.agenda.timeLeft')} kind="agenda" />
        </>
      ) : (
        <p className="muted">{agenda.items.every((i) => i.status === 'done') ? t('townhall.agenda.over') : t('townhall.agenda.notStarted')}</p>
      )}
      {next && (
        <p className="agenda-next" dir="auto">
          {slotted(t('townhall.agenda.next', { title: SLOT }), title(next))}
        </p>
      )}
      <details>
        <summary>{t('townhall.agenda.all', { count: agenda.items.length })}</summary>
        <ol className="agenda-list">
          {agenda.items.map((item) => (
            <li key={item.id} aria-current={item.status === 'current' ? 'step' : undefined}>
              {title(item)} · {t('townhall.agenda.minutes', { count: Math.round(item.durationMs / 60_000) })} · {t(`townhall.agenda.status.${item.status}`)}
            </li>
          ))}
        </ol>
      </details>
    </section>
  );
}
