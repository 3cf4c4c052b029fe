import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimateOffset, serverNow, type ClockSample } from './clock-offset.js';
import { remainingMs, startTimer } from './timer.js';

describe('clock offset', () => {
  it('TIME9 uses the midpoint of the sample with the lowest round trip', () => {
    const samples: ClockSample[] = [
      { clientSentAt: 1000, serverTime: 6100, clientReceivedAt: 1400 }, // rtt 400
      { clientSentAt: 2000, serverTime: 7010, clientReceivedAt: 2020 }, // rtt 20, offset 5000
      { clientSentAt: 3000, serverTime: 8300, clientReceivedAt: 3100 }, // rtt 100
    ];
    expect(estimateOffset(samples)).toEqual({ offsetMs: 5000, roundTripMs: 20, errorBoundMs: 10 });
  });

  it('TIME9 takes the median offset when several samples share the lowest round trip', () => {
    const samples: ClockSample[] = [
      { clientSentAt: 0, serverTime: 110, clientReceivedAt: 20 }, // offset 100
      { clientSentAt: 100, serverTime: 260, clientReceivedAt: 120 }, // offset 150
      { clientSentAt: 200, serverTime: 320, clientReceivedAt: 220 }, // offset 110
    ];
    expect(estimateOffset(samples)?.offsetMs).toBe(110);
  });

  it('TIME9 ignores samples whose round trip is negative or not finite; null with none left', () => {
    expect(estimateOffset([])).toBeNull();
    const stepped = { clientSentAt: 500, serverTime: 0, clientReceivedAt: 100 };
    expect(estimateOffset([stepped, { clientSentAt: Number.NaN, serverTime: 0, clientReceivedAt: 1 }])).toBeNull();
    expect(estimateOffset([stepped, { clientSentAt: 0, serverTime: -40, clientReceivedAt: 10 }])?.offsetMs).toBe(-45);
  });

  it('TIME9 recovers a known offset within half the minimum round trip', () => {
    const sampleArb = fc.record({
      sentAt: fc.integer({ min: 0, max: 10 ** 9 }),
      upMs: fc.integer({ min: 0, max: 5_000 }), // client → server
      downMs: fc.integer({ min: 0, max: 5_000 }), // server → client
    });
    fc.assert(
      fc.property(fc.integer({ min: -(10 ** 12), max: 10 ** 12 }), fc.array(sampleArb, { minLength: 1, maxLength: 12 }), (trueOffset, raw) => {
        const samples: ClockSample[] = raw.map(({ sentAt, upMs, downMs }) => ({
          clientSentAt: sentAt,
          serverTime: sentAt + upMs + trueOffset,
          clientReceivedAt: sentAt + upMs + downMs,
        }));
        const estimate = estimateOffset(samples);
        expect(estimate).not.toBeNull();
        const minRtt = Math.min(...raw.map((s) => s.upMs + s.downMs));
        expect(estimate?.roundTripMs).toBe(minRtt);
        expect(Math.abs((estimate?.offsetMs ?? Number.NaN) - trueOffset)).toBeLessThanOrEqual(minRtt / 2);
      }),
    );
  });

  it('TIME10 a client counts down from the server deadline with its corrected clock', () => {
    const serverStart = 1_700_000_000_000;
    const timer = startTimer(20 * 60_000, serverStart);
    if (!timer.ok) throw new Error('start failed');
    const offsetMs = -3_600_000; // this client's clock is an hour ahead
    expect(serverNow(serverStart + 3_600_000 + 60_000, offsetMs)).toBe(serverStart + 60_000);
    // A client that reconnects mid-round shows the right time from the stored deadline alone.
    expect(remainingMs(timer.timer, serverNow(serverStart + 3_600_000 + 5 * 60_000, offsetMs))).toBe(15 * 60_000);
  });
});
