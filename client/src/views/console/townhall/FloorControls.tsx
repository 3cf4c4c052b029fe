import type { FloorView } from '@open-talks/shared/protocol';
import { useTranslation } from 'react-i18next';
import { Countdown } from '../../../components/cafe/Countdown';
import { modeLabel, staffPersonLabel } from './staff-person';
import type { Commands } from '../../../hooks/useCommand';

/** Who has the floor, their intervention countdown, and pause, resume, more time, end (HAND8, HAND9); `floorHandle` is the hand they had (HAND11). */
export function FloorControls({ floor, floorHandle, commands }: { floor: FloorView | null; floorHandle: string | null; commands: Commands }) {
  const { t } = useTranslation();
  const { send, busy } = commands;
  if (!floor) {
    return (
      <p className="th-floor th-floor-empty" data-testid="floor">
        {t('thConsole.floor.nobody')}
      </p>
    );
  }
  const name = staffPersonLabel(t, floor.speaker);
  const extend = (seconds: number, label: string) => (
    <button
      type="button"
      className="secondary"
      aria-disabled={busy}
      onClick={() => void send('hand:extend-floor', { seconds }, t('thConsole.floor.extended', { time: label }))}
      aria-label={t('thConsole.floor.extendBy', { time: label })}
    >
      +{label}
    </button>
  );
  const running = floor.timer.status === 'running';
  return (
    <div className="th-floor" data-testid="floor" data-hand={floorHandle ?? undefined}>
      <p className="th-floor-speaker">
        <strong>{t('thConsole.floor.hasFloor', { name })}</strong> {(floor.speaker.mode || floor.speaker.hub) && <span className="muted">({modeLabel(t, floor.speaker)})</span>}
      </p>
      {floor.topic && (
        <p className="th-meta" dir="auto">
          {t('thConsole.floor.topic', { topic: floor.topic })}
        </p>
      )}
      <Countdown timer={floor.timer} label={t('thConsole.floor.timeLeft')} kind="speaker" />
      <div className="button-row">
        {running && (
          <button type="button" className="secondary" aria-disabled={busy} onClick={() => void send('hand:pause-floor', {}, t('thConsole.floor.paused'))}>
            {t('run.pause')}
          </button>
        )}
        {floor.timer.status === 'paused' && (
          <button type="button" aria-disabled={busy} onClick={() => void send('hand:resume-floor', {}, t('thConsole.floor.resumed'))}>
            {t('run.resume')}
          </button>
        )}
        {extend(30, t('thConsole.seconds', { count: 30 }))}
        {extend(60, t('thConsole.minutes', { count: 1 }))}
        <button type="button" className="danger" aria-disabled={busy} onClick={() => void send('hand:end-floor', {}, t('thConsole.floor.ended', { name }))}>
          {t('thConsole.floor.end')}
        </button>
      </div>
    </div>
  );
}
