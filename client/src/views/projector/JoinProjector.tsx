import type { SessionState } from '@open-talks/shared/protocol';
import { useTranslation } from 'react-i18next';
import { VoteAt } from './VoteAt';

/** Before anything else: how to join, and how many are here (counts only: nothing to open on a screen). */
export function JoinProjector({ live }: { live: SessionState }) {
  const { t } = useTranslation();
  const cafe = live.cafe?.live;
  const { attendance } = live;
  const others = attendance.present - attendance.participants.present;
  return (
    <div className="pj-join">
      <VoteAt joinCode={live.session.joinCode} label="join" />
      {cafe && cafe.rounds.length > 0 && (
        <p className="projector-status">
          {t('run.nextRound', { round: 1, total: cafe.rounds.length })} <bdi>{cafe.rounds[0]?.question}</bdi>
        </p>
      )}
      <section className="pj-attendance" aria-labelledby="attendance-heading">
        <h2 id="attendance-heading" className="visually-hidden">
          {t('attendance.heading')}
        </h2>
        <p className="attendance-total">
          <strong data-testid="present-count">{t('attendance.present', { count: attendance.participants.present })}</strong>{' '}
          <span className="pj-muted">({t('attendance.joined', { count: attendance.participants.joined })})</span>
        </p>
        {attendance.hubs.present > 0 && (
          <p className="attendance-hubs" data-testid="hubs-count">
            {t('hubs.summary', { hubs: t('hubs.hubCount', { count: attendance.hubs.present }), people: t('hubs.peopleCount', { count: attendance.hubs.people }) })}
          </p>
        )}
        {others > 0 && (
          <p className="pj-muted" data-testid="others-count">
            {t('attendanceApart.staffAndObservers', { count: others })}
          </p>
        )}
      </section>
    </div>
  );
}
