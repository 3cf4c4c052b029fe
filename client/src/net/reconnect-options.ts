import type { ManagerOptions } from 'socket.io-client';

/**
 * How a tab reconnects after a network loss or a server restart. One place, so the restart
 * benchmark (`npm run bench:reconnect`) drives real clients with exactly these settings.
 *
 * After a restart thousands of tabs come back at once: each waits 1 s, 2 s, 4 s… (at most
 * 5 s) between attempts, every wait drawn ±50% at random so they arrive spread out, not in
 * waves. A refused attempt while the server is down costs it nothing; a tab finds it back
 * within about 7.5 s of it listening again (10 s with ±50% made that up to 15 s).
 */
export const RECONNECT_OPTIONS = {
  reconnectionDelay: 1_000, // ms, the first wait
  reconnectionDelayMax: 5_000, // ms
  randomizationFactor: 0.5,
  timeout: 20_000, // ms for one attempt: a busy server may take a while to answer a handshake
} satisfies Partial<ManagerOptions>;

/**
 * A reconnect measures the clock offset again (TIME9), after a random pause up to this long:
 * thousands of tabs back from a restart then spread their pings out instead of sending them
 * with their handshakes. The first connect of a tab measures at once.
 */
export const CLOCK_RESYNC_SPREAD = 5_000; // ms
