import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCountdown } from './countdown.js';

describe('formatCountdown', () => {
  it('TIME11 shows m:ss, rounding up so 0:01 shows until the very end', () => {
    expect(formatCountdown(20 * 60_000)).toBe('20:00');
    expect(formatCountdown(61_000)).toBe('1:01');
    expect(formatCountdown(60_001)).toBe('1:01');
    expect(formatCountdown(59_001)).toBe('1:00');
    expect(formatCountdown(1_000)).toBe('0:01');
    expect(formatCountdown(1)).toBe('0:01');
    expect(formatCountdown(0)).toBe('0:00');
    expect(formatCountdown(-5_000)).toBe('0:00');
    expect(formatCountdown(Number.NaN)).toBe('0:00');
  });

  it('TIME11 shows h:mm:ss from one hour on', () => {
    expect(formatCountdown(3_599_001)).toBe('1:00:00');
    expect(formatCountdown(3_600_000)).toBe('1:00:00');
    expect(formatCountdown(3_599_000)).toBe('59:59');
    expect(formatCountdown(4 * 3_600_000)).toBe('4:00:00');
    expect(formatCountdown(3_600_000 + 5 * 60_000 + 7_000)).toBe('1:05:07');
  });

  it('TIME11 the text reads back as the remaining time rounded up to the second', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 * 3_600_000 }), (ms) => {
        const parts = formatCountdown(ms).split(':').map(Number);
        const seconds = parts.reduce((total, part) => total * 60 + part, 0);
        expect(seconds).toBe(Math.ceil(ms / 1000));
        expect(seconds).toBeGreaterThanOrEqual(1);
      }),
    );
  });
});
