import { formatCountdown, remainingMs, serverNow, warningDue, type Timer } from '@open-talks/shared';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnnounce } from '../../announce/store';
import { shouldAnnounce } from '../../announce/policy';
import { useLive } from '../../state/live-store';

/** Which timer: its name and its announcements say so (A11Y5–A11Y8). */
export type CountdownKind = 'speaker' | 'agenda' | 'round';

const REDRAW_MS = 250; // a second boundary is never shown more than a quarter second late

/**
 * A round's countdown, counted locally from the server's deadline and this device's clock
 * offset (TIME10): the server never sends ticks. The one-minute warning and the end are said
 * in words (and announced once to screen readers), not only shown in colour.
 */
export function Countdown({
  timer,
  label,
  kind,
  mine = false,
  className = '',
}: {
  timer: Timer | null;
  label: string;
  kind: CountdownKind;
  /** The timer is this person's own (they have the floor): said even at "only what is addressed to me". */
  mine?: boolean;
  className?: string;
}) {
  const { t } = useTranslation();
  const level = useAnnounce((s) => s.level);
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
    const quiet = !shouldAnnounce(level, { kind: 'timer', mine });
    if (state === 'running' || quiet) setAnnouncement('');
    else setAnnouncement(t(`announce.timer.${kind}.${state}`));
  }, [state, t, kind, level, mine]);

  return (
    <div className={`countdown countdown-${state} ${className}`}>
      <span className="countdown-label" aria-hidden="true">
        {label}
      </span>
      {/* The timer's own name says which timer it is; the visible label is shorter (A11Y5). */}
      <span className="countdown-time" role="timer" aria-live="off" aria-label={`${t(`announce.timer.${kind}.name`)}: ${formatCountdown(left)}`} data-testid="countdown">
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
