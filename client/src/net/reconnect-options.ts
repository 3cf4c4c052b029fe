import type { ManagerOptions } from 'socket.io-client';

/**
 * How a tab reconnects after a network loss or a server restart. One place, so the restart
 * benchmark (`npm run bench:reconnect`) drives real clients with exactly these settings.
 */
export const RECONNECT_OPTIONS = {
  reconnectionDelayMax: 10_000, // ms
} satisfies Partial<ManagerOptions>;
