import type { Attribution } from '@open-talks/shared';
import type { TownhallLive } from '@open-talks/shared/protocol';
import { useTranslation } from 'react-i18next';
import { Countdown } from '../../components/cafe/Countdown';
import { personLabel, personMode } from '../../components/townhall/person';
import { ProjectorAgenda } from './ProjectorAgenda';

/** Above a poll or the questions: the agenda item and who has the floor, small. */
export function TownhallStrip({ townhall, attribution }: { townhall: TownhallLive; attribution: Attribution }) {
  const { t } = useTranslation();
  const floor = townhall.floor;
  if (townhall.agenda.currentId === null && !floor) return null;
  return (
    <div className="pj-strip">
      {townhall.agenda.currentId !== null && <ProjectorAgenda agenda={townhall.agenda} compact />}
      {floor && (
        <section className="pj-strip-floor" aria-labelledby="pj-strip-floor-heading">
          <h2 id="pj-strip-floor-heading" className="visually-hidden">
            {t('projector.speaking')}
          </h2>
          <p className="floor-speaker" dir="auto">
            {[personLabel(t, floor.speaker, attribution), personMode(t, floor.speaker)].filter(Boolean).join(' · ')}
          </p>
          {floor.topic && (
            <p className="floor-topic" dir="auto">
              {floor.topic}
            </p>
          )}
          <Countdown timer={floor.timer} label={t('townhall.floor.timeLeft')} kind="speaker" />
        </section>
      )}
    </div>
  );
}
