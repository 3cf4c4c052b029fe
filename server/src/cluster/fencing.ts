// Fencing (docs/cluster.md, CLU5–CLU9): a node whose lease lapsed (a long pause, a cut from Redis)
// may still believe it owns a session. Every new owner writes a larger fence to PostgreSQL before
// it does anything; a transaction run for the session on the old owner reads that row under a
// share lock and is refused, so two writers never interleave for one session.
import { AsyncLocalStorage } from 'node:async_hooks';
import { sql, type Kysely } from 'kysely';
import type { TimerScope } from '../cafe/round-clock.js';
import { AppError } from '../errors.js';
import type { Database } from '../store/schema.js';
import type { SessionOwnership } from './ownership.js';

/** The session and fence an operation runs under, on the session's owner. */
export interface Fenced {
  sessionId: string;
  fence: number;
}

const context = new AsyncLocalStorage<Fenced>();

/**
 * Runs `fn` as the owner of `sessionId` with `fence`. The context follows everything `fn` starts,
 * timers included: a clock armed inside fires fenced too (CLU7).
 */
export function runFenced<T>(sessionId: string, fence: number, fn: () => T): T {
  return context.run({ sessionId, fence }, fn);
}

/**
 * Runs `fn` outside any fence: what it schedules (a notepad's flush timer armed during a command)
 * is not work of the session's owner and must not carry the command's fence (CLU27).
 */
export function unfenced<T>(fn: () => T): T {
  return context.exit(fn);
}

/** The fence the current operation runs under, if any. */
export function currentFence(): Fenced | undefined {
  return context.getStore();
}

export const SESSION_MOVED_MESSAGE = 'This session moved to another server a moment ago; try again';

/**
 * Runs an operation for a session on its owner (a command, a forwarded request), fenced with this
 * node's lease. Refuses with `unavailable` when this node does not hold the lease. Solo (fence 0):
 * nothing to fence, `fn` runs as it is.
 */
export function ownerRun<T>(ownership: SessionOwnership, sessionId: string, fn: () => Promise<T>): Promise<T> {
  const fence = ownership.fence(sessionId);
  if (fence === undefined) return Promise.reject(new AppError('unavailable', SESSION_MOVED_MESSAGE));
  if (fence === 0) return fn();
  return runFenced(sessionId, fence, fn);
}

/**
 * Timers in a cluster (CLU7): a due timer of a session (its key is the session id, or starts with
 * `<sessionId>:`) runs only while this node owns the session, inside its fence. A node that lost
 * the session lets it go: the new owner armed it again from storage.
 */
export function ownerTimers(ownership: SessionOwnership): TimerScope {
  return (key, fire) => {
    const sessionId = key.split(':', 1)[0]!;
    const fence = ownership.fence(sessionId);
    if (fence === undefined) return;
    if (fence === 0) fire();
    else runFenced(sessionId, fence, fire);
  };
}

/** What a store transaction checks first (cluster on PostgreSQL only); throws to refuse. */
export type FenceCheck = (trx: Kysely<Database>) => Promise<void>;

/**
 * The check of CLU6: the stored fence, read `FOR SHARE` so a new owner's fence write waits for
 * this transaction, and this transaction for it. A larger fence means another node took the
 * session: `onStale` drops the lease here (only the one this transaction ran under, CLU27) and the
 * transaction is refused, changing nothing.
 */
export function fenceCheck(onStale: (sessionId: string, staleFence: number) => void): FenceCheck {
  return async (trx) => {
    const fenced = context.getStore();
    if (!fenced) return;
    const { rows } = await sql<{ fence: string | number }>`SELECT fence FROM session_fences WHERE session_id = ${fenced.sessionId} FOR SHARE`.execute(trx);
    const stored = rows[0] === undefined ? undefined : Number(rows[0].fence);
    if (stored !== undefined && stored > fenced.fence) {
      onStale(fenced.sessionId, fenced.fence);
      throw new AppError('unavailable', SESSION_MOVED_MESSAGE);
    }
  };
}

/**
 * Stores a new owner's fence, never lowering the one stored (CLU5), and answers the fence stored
 * before (0 for none). One at or past `fence` means Redis lost its counters: nothing is written,
 * and the caller takes a fence past it. Both dialects.
 */
export async function recordFence(db: Kysely<Database>, sessionId: string, fence: number): Promise<number> {
  const row = await db.selectFrom('session_fences').select('fence').where('session_id', '=', sessionId).executeTakeFirst();
  const previous = row ? Number(row.fence) : 0;
  if (previous >= fence) return previous;
  await db
    .insertInto('session_fences')
    .values({ session_id: sessionId, fence })
    .onConflict((oc) =>
      oc.column('session_id').doUpdateSet({
        fence: sql<number>`CASE WHEN excluded.fence > session_fences.fence THEN excluded.fence ELSE session_fences.fence END`,
      }),
    )
    .execute();
  return previous;
}
