import type { AgendaView } from '@open-talks/shared/protocol';
import { useTranslation } from 'react-i18next';
import { Countdown } from '../../components/cafe/Countdown';
import { Bilingual, keys, SLOT, slotted } from '../../components/translated';

/** The agenda item under way and what comes next, read-only: the participant's AgendaNow has a toggle (PROJ7). */
export function ProjectorAgenda({ agenda, compact = false }: { agenda: AgendaView; compact?: boolean }) {
  const { t } = useTranslation();
  if (agenda.items.length === 0) return null;
  const current = agenda.items.find((item) => item.id === agenda.currentId);
  const next = agenda.items.find((item) => item.status === 'upcoming');
  return (
    <section className={compact ? 'pj-agenda pj-agenda-compact' : 'pj-agenda'} aria-labelledby="pj-agenda-heading">
      <h2 id="pj-agenda-heading" className={compact ? 'visually-hidden' : 'pj-kicker'}>
        {t('projector.agendaNow')}
      </h2>
      {current ? (
        <>
          <p className="agenda-current">{slotted(t('townhall.agenda.now', { title: SLOT }), <Bilingual k={keys.agendaTitle(current.id)} text={current.title} />)}</p>
          <Countdown timer={agenda.timer} label={t('townhall.agenda.timeLeft')} kind="agenda" className={compact ? '' : 'countdown-big'} />
        </>
      ) : (
        <p className="pj-muted">{agenda.items.every((i) => i.status === 'done') ? t('townhall.agenda.over') : t('townhall.agenda.notStarted')}</p>
      )}
      {next && !compact && <p className="agenda-next">{slotted(t('townhall.agenda.next', { title: SLOT }), <Bilingual k={keys.agendaTitle(next.id)} text={next.title} />)}</p>}
    </section>
  );
}
