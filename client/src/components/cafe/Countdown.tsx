import { formatCountdown, remainingMs, serverNow, warningDue, type Timer } from '@open-talks/shared';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLive } from '../../state/live-store';

const REDRAW_MS = 250; // a second boundary is never shown more than a quarter second late

/**
 * A round's countdown, counted locally from the server's deadline and this device's clock
 * offset (TIME10): the server never sends ticks. The one-minute warning and the end are said
 * in words (and announced once to screen readers), not only shown in colour.
 */
export function Countdown({ timer, label, className = '' }: { timer: Timer | null; label: string; className?: string }) {
  const { t } = useTranslation();
  const offset = useLive((s) => s.clockOffset);
  const [now, setNow] = useState(() => Date.now());
  const running = timer?.status === 'running';
  useEffect(() => {
    if (!running) return;
    const id = setInterval(() => setNow(Date.now()), REDRAW_MS);
    return () => clearInterval(id);
  }, [running]);

  const at = serverNow(now, offset);
  const left = timer ? remainingMs(timer, at) : 0;
  const warning = timer ? warningDue(timer, at) : false;
  const over = timer !== null && (timer.status === 'ended' || (running && left === 0));
  const state = over ? 'over' : timer?.status === 'paused' ? 'paused' : warning ? 'warning' : 'running';

  // Said once per change of state, not every second.
  const [announcement, setAnnouncement] = useState('');
  const said = useRef(state);
  useEffect(() => {
    if (said.current === state) return;
    said.current = state;
    if (state === 'warning') setAnnouncement(t('run.oneMinuteLeft'));
    else if (state === 'over') setAnnouncement(t('run.timeUp'));
    else if (state === 'paused') setAnnouncement(t('run.pausedNotice'));
    else setAnnouncement('');
  }, [state, t]);

  return (
    <div className={`countdown countdown-${state} ${className}`}>
      <span className="countdown-label">{label}</span>
      <span className="countdown-time" role="timer" aria-live="off" data-testid="countdown">
        {formatCountdown(left)}
      </span>
      {state !== 'running' && (
        <span className="countdown-state">
          {state === 'warning' && <span aria-hidden="true">⚠ </span>}
          {t(`run.timerState.${state}`)}
        </span>
      )}
      <span className="visually-hidden" role="status">
        {announcement}
      </span>
    </div>
  );
}
