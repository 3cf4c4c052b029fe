import type { CafePublicView } from '@open-talks/shared/protocol';
import { useTranslation } from 'react-i18next';
import { Countdown } from '../../components/cafe/Countdown';
import { TableMap } from '../../components/cafe/TableMap';
import { Bilingual, keys } from '../../components/translated';

/**
 * The room's big screen while the café runs (PROJ12, PROJ13): round x of n, the question, a big
 * countdown, the latest prompt and the table map; between rounds, "round n starts soon: check
 * your phone for your table".
 */
export function CafeProjector({ live }: { live: CafePublicView }) {
  const { t } = useTranslation();
  const total = live.rounds.length;
  const round = live.focusRound;
  const question = round ? live.rounds[round - 1]?.question : undefined;
  const latest = live.prompts.at(-1);
  const between = live.phase === 'between-rounds';
  let status: string;
  if (live.phase === 'finished') status = t('run.finished');
  else if (live.phase === 'in-round') status = t('run.roundOf', { round: live.run.round, total });
  else if (between) status = t('run.roundOver', { round: live.run.round, total });
  else status = t('run.nextRound', { round, total });

  return (
    <div className={between ? 'projector-cafe pj-cafe pj-between' : 'projector-cafe pj-cafe'} data-testid="projector-cafe">
      <div className="projector-round pj-round">
        <div className="pj-round-text">
          <p className="projector-status" aria-live="polite">
            {status}
          </p>
          {between && round && (
            <p className="pj-starts-soon" data-testid="starts-soon">
              {t('projector.startsSoon', { round })}
            </p>
          )}
          {question && round !== null && live.phase !== 'finished' && (
            <p className="projector-question" data-testid="projector-question">
              <Bilingual k={keys.roundQuestion(round)} text={question} />
            </p>
          )}
        </div>
        {live.phase === 'in-round' && <Countdown timer={live.run.timer} label={t('run.timeLeft')} kind="round" className="countdown-big pj-countdown" />}
      </div>
      {latest && live.phase === 'in-round' && (
        <p className="projector-prompt" aria-live="polite">
          <span className="visually-hidden">{t('run.toEveryone')}: </span>
          <Bilingual k={keys.prompt(latest.id)} text={latest.text} />
        </p>
      )}
      {live.tables.length > 0 && live.phase !== 'finished' && (
        <section className="pj-tables" aria-labelledby="table-map-heading">
          <h2 id="table-map-heading" className="pj-kicker">
            {t('run.tableMap')}
          </h2>
          <TableMap tables={live.tables} />
        </section>
      )}
    </div>
  );
}
