import { formatJoinCode } from '@open-talks/shared';
import type { CafePublicView } from '@open-talks/shared/protocol';
import { useTranslation } from 'react-i18next';
import { Countdown } from '../../components/cafe/Countdown';
import { TableMap } from '../../components/cafe/TableMap';

/** The room's big screen while the café runs: round, question, countdown, latest prompt, table map. */
export function CafeProjector({ live, joinCode }: { live: CafePublicView; joinCode: string }) {
  const { t } = useTranslation();
  const total = live.rounds.length;
  const round = live.focusRound;
  const question = round ? live.rounds[round - 1]?.question : undefined;
  const latest = live.prompts.at(-1);
  let status: string;
  if (live.phase === 'finished') status = t('run.finished');
  else if (live.phase === 'in-round') status = t('run.roundOf', { round: live.run.round, total });
  else if (live.phase === 'between-rounds') status = `${t('run.roundOver', { round: live.run.round, total })} ${t('run.nextRound', { round, total })}`;
  else status = t('run.nextRound', { round, total });

  return (
    <div className="projector-cafe">
      <div className="projector-round">
        <p className="projector-status" aria-live="polite">
          {status}
        </p>
        {question && live.phase !== 'finished' && (
          <p className="projector-question" dir="auto">
            {question}
          </p>
        )}
        {live.phase === 'in-round' && <Countdown timer={live.run.timer} label={t('run.timeLeft')} className="countdown-big" />}
      </div>
      {latest && (
        <p className="projector-prompt" aria-live="polite">
          <span className="visually-hidden">{t('run.toEveryone')}: </span>
          {latest.text}
        </p>
      )}
      {live.tables.length > 0 && live.phase !== 'finished' && (
        <section aria-labelledby="table-map-heading">
          <h2 id="table-map-heading">{t('run.tableMap')}</h2>
          <TableMap tables={live.tables} />
        </section>
      )}
      <p className="projector-small-join">{t('run.stillJoin', { host: `${location.host}/join`, code: formatJoinCode(joinCode) })}</p>
    </div>
  );
}
