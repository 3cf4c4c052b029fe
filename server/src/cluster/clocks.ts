// Clocks follow ownership (docs/cluster.md, CLU12–CLU13): a session's timers (café round, Town
// Hall floor and agenda, consultation phase dates) run on its owner only. A node that takes a
// session arms them from storage, with the deadlines stored; a node that loses it stops them.
import type { SessionFormat } from '@open-talks/shared';
import type { Logger } from '../log.js';
import type { Store } from '../store/index.js';
import { townhallClockRunning } from '../townhall/townhall-service.js';
import { ownerRun } from './fencing.js';
import type { SessionOwnership } from './ownership.js';

/** What each format does when its session comes to this node, or leaves it. */
export interface SessionClocks {
  resumeSession(sessionId: string): Promise<void>;
  dropSession(sessionId: string): void;
}

/**
 * Resumes by the session's format; drops in every format (cheap, and the format needs no read),
 * with the shared reads cached of the session.
 */
export function clocksByFormat(store: Store, formats: Record<SessionFormat, SessionClocks>): SessionClocks {
  return {
    async resumeSession(sessionId) {
      const session = await store.sessions.byId(sessionId);
      if (session) await formats[session.format].resumeSession(sessionId);
    },
    dropSession(sessionId) {
      for (const clocks of Object.values(formats)) clocks.dropSession(sessionId);
      store.shared.forget(sessionId);
    },
  };
}

/**
 * Taken: whatever this node kept of the session from before (read while another node owned it)
 * goes, and the clocks resume from storage inside the new fence (CLU7). Lost: they stop, and the
 * session's in-memory state goes.
 */
export function clocksFollowOwnership(ownership: SessionOwnership, clocks: SessionClocks): void {
  ownership.onAcquired((sessionId) => {
    clocks.dropSession(sessionId);
    return ownerRun(ownership, sessionId, () => clocks.resumeSession(sessionId));
  });
  ownership.onLost((sessionId) => clocks.dropSession(sessionId));
}

/** The sessions with a running clock, as storage has them (the timers `resumeSession` arms). */
export async function runningClockSessions(store: Store, now = Date.now()): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const { sessionId } of await store.cafe.runningSessions()) ids.add(sessionId);
  for (const { sessionId, state } of await store.townhall.allStates()) if (townhallClockRunning(state, now)) ids.add(sessionId);
  for (const { sessionId } of await store.consultation.scheduled()) ids.add(sessionId);
  return ids;
}

/**
 * A node's start in a cluster (CLU12): every session with a running clock gets an owner now, so
 * its timers run even if nobody sends a command. Sessions held by live nodes stay where they are;
 * the others come here and resume through `onAcquired`. Afterwards the sweeper does the same every
 * few sweeps (CLU22), so a session keeps an owner even after Redis forgot every lease.
 */
export async function claimRunningClocks(store: Store, ownership: SessionOwnership, log: Logger, now = Date.now()): Promise<void> {
  const ids = await runningClockSessions(store, now);
  await Promise.all(
    [...ids].map((sessionId) =>
      ownership.ownerOf(sessionId).catch((error: unknown) => log.warn({ err: error, sessionId }, 'could not find the owner of a session with a running clock')),
    ),
  );
  ownership.watchRunning?.(() => runningClockSessions(store));
}
