/**
 * Client clock correction (DESIGN "Time"): a client pings the server a few times, estimates
 * how far its clock is from the server's, and counts down against `serverNow`. NTP-style:
 * the server stamped its time somewhere between send and receive, so the midpoint of the
 * round trip is the best guess and half the round trip bounds the error. TIME9, TIME10.
 */

export interface ClockSample {
  /** Client clock (epoch ms) when the ping was sent. */
  clientSentAt: number;
  /** Server clock (epoch ms) stamped in the reply. */
  serverTime: number;
  /** Client clock (epoch ms) when the reply arrived. */
  clientReceivedAt: number;
}

export interface ClockOffset {
  /** Add to the client clock to get the server clock, ms. */
  offsetMs: number;
  /** Round trip of the sample(s) used, ms. */
  roundTripMs: number;
  /** The estimate is within this many ms of the true offset (half the round trip). */
  errorBoundMs: number;
}

/**
 * Estimates the offset from the samples with the lowest round trip (the median of their
 * midpoint offsets when several tie): the shortest trip leaves the server stamp the least
 * room, so its error is at most half the minimum round trip. Samples with a negative or
 * non-finite round trip (the client clock stepped) are ignored; null when none is usable.
 */
export function estimateOffset(samples: readonly ClockSample[]): ClockOffset | null {
  const usable = samples.filter(
    (s) => Number.isFinite(s.clientSentAt) && Number.isFinite(s.serverTime) && Number.isFinite(s.clientReceivedAt) && s.clientReceivedAt >= s.clientSentAt,
  );
  if (usable.length === 0) return null;
  const roundTripMs = Math.min(...usable.map(roundTrip));
  const offsets = usable
    .filter((s) => roundTrip(s) === roundTripMs)
    .map(midpointOffset)
    .sort((a, b) => a - b);
  return { offsetMs: median(offsets), roundTripMs, errorBoundMs: roundTripMs / 2 };
}

/** The server's clock (epoch ms) given the client's clock and an estimated offset (ms). */
export function serverNow(clientNow: number, offsetMs: number): number {
  return clientNow + offsetMs;
}

function roundTrip(sample: ClockSample): number {
  return sample.clientReceivedAt - sample.clientSentAt;
}

function midpointOffset(sample: ClockSample): number {
  return sample.serverTime - (sample.clientSentAt + sample.clientReceivedAt) / 2;
}

/** Median of a sorted, non-empty list. */
function median(sorted: readonly number[]): number {
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? 0;
  if (sorted.length % 2 === 1) return upper;
  return ((sorted[mid - 1] ?? upper) + upper) / 2;
}
