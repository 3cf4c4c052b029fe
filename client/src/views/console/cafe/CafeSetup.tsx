import type { ParticipantView } from '@open-talks/shared/protocol';
import { useTranslation } from 'react-i18next';
import { useLive } from '../../../state/live-store';
import { PlanPanel } from './PlanPanel';
import { RoundsEditor } from './RoundsEditor';
import { TablesEditor } from './TablesEditor';

/** The World Café part of the console: tables, rounds and the seating plan. */
export function CafeSetup({ participants }: { participants: ParticipantView[] }) {
  const { t } = useTranslation();
  const cafe = useLive((s) => s.cafe);
  // Fetched by the console on every (re)connect (useCafeView): the server is the only source.

  return (
    <section className="cafe-setup" aria-labelledby="cafe-heading">
      <h2 id="cafe-heading">{t('cafe.heading')}</h2>
      {!cafe ? (
        <p role="status">{t('app.loading')}</p>
      ) : (
        <>
          <div className="console-grid">
            <TablesEditor tables={cafe.tables} participants={participants} />
            <RoundsEditor rounds={cafe.rounds} />
          </div>
          <PlanPanel cafe={cafe} participants={participants} />
        </>
      )}
    </section>
  );
}
