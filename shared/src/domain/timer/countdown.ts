/**
 * The countdown text for a number of ms left: 'm:ss', or 'h:mm:ss' from one hour on.
 * Rounds up to the whole second, so '0:01' shows until the very end and '0:00' only when
 * the time is up (negative or non-finite input shows '0:00'). TIME11.
 */
export function formatCountdown(ms: number): string {
  const totalSeconds = Number.isFinite(ms) && ms > 0 ? Math.ceil(ms / 1000) : 0;
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const ss = String(seconds).padStart(2, '0');
  if (hours > 0) return `${hours}:${String(minutes).padStart(2, '0')}:${ss}`;
  return `${minutes}:${ss}`;
}
