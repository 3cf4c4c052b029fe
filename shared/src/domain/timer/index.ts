export * from './timer.js';
export { estimateOffset, serverNow, type ClockSample, type ClockOffset } from './clock-offset.js';
export { formatCountdown } from './countdown.js';
