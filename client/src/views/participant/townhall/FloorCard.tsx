import type { Attribution } from '@open-talks/shared';
import type { FloorView } from '@open-talks/shared/protocol';
import { useTranslation } from 'react-i18next';
import { Countdown } from '../../../components/cafe/Countdown';
import { personLabel, personMode } from '../../../components/townhall/person';

/** Who has the floor, on what, and how long they have left. */
export function FloorCard({ floor, attribution, mine = false, className = '' }: { floor: FloorView | null; attribution: Attribution; mine?: boolean; className?: string }) {
  const { t } = useTranslation();
  return (
    <section className={`floor-card ${className}`} aria-labelledby="floor-heading">
      <h2 id="floor-heading">{t('townhall.floor.heading')}</h2>
      {floor ? (
        <>
          <p className="floor-speaker" aria-live="polite" dir="auto">
            {[personLabel(t, floor.speaker, attribution), personMode(t, floor.speaker)].filter(Boolean).join(' · ')}
          </p>
          {floor.topic && (
            <p className="floor-topic" dir="auto">
              {floor.topic}
            </p>
          )}
          <Countdown timer={floor.timer} label={t('townhall.floor.timeLeft')} kind="speaker" mine={mine} />
        </>
      ) : (
        <p className="muted">{t('townhall.floor.nobody')}</p>
      )}
    </section>
  );
}
