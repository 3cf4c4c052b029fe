import type { ParticipantView } from '@open-talks/shared/protocol';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { command } from '../../../net/realtime';
import { useLive } from '../../../state/live-store';
import { PlanPanel } from './PlanPanel';
import { RoundsEditor } from './RoundsEditor';
import { TablesEditor } from './TablesEditor';

/** The World Café part of the console: tables, rounds and the seating plan. */
export function CafeSetup({ participants }: { participants: ParticipantView[] }) {
  const { t } = useTranslation();
  const cafe = useLive((s) => s.cafe);
  const status = useLive((s) => s.status);
  useEffect(() => {
    // Fetched on every (re)connect: the server is the only source of the café.
    if (status !== 'connected') return;
    void command('cafe:get', {}).then((ack) => ack.ok && useLive.getState().applyCafe(ack.cafe));
  }, [status]);

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
