import type { Logger } from '../log.js';

const WARN_INTERVAL_MS = 60_000; // ms: one line a minute is enough to see that someone is knocking

/**
 * A warning written at most once per interval, with how many were left out since the last one
 * (CLU47): a flood of forged requests must not turn into a flood of log lines.
 */
export function throttledWarn(log: Logger, message: string, intervalMs = WARN_INTERVAL_MS): (fields: Record<string, unknown>) => void {
  let last = -Infinity;
  let skipped = 0;
  return (fields) => {
    const now = Date.now();
    if (now - last < intervalMs) {
      skipped++;
      return;
    }
    last = now;
    log.warn({ ...fields, skipped }, message);
    skipped = 0;
  };
}
