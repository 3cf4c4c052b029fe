import { can, type Role } from '@open-talks/shared';
import { AppError } from '../errors.js';
import type { EventBus } from '../events/bus.js';
import type { Principal } from '../sessions/principal.js';
import type { ParticipantRecord, SessionRecord, Store, TownhallStateRecord } from '../store/index.js';
import type { Coalescer } from '../util/coalescer.js';
import type { KeyedMutex } from '../util/keyed-mutex.js';
import type { PeopleCache } from './people.js';
import { loadRoom, stateRecord, type TownhallRoom } from './room.js';
import type { Lookup } from './views.js';

/** Wakes a service when a stored deadline passes (one timeout per key, never a tick). */
export interface DeadlineClock {
  schedule(key: string, at: number, onDue: () => void): void;
  cancel(key: string): void;
}

/**
 * What every Town Hall service shares: the rooms (one working copy per session), the session's
 * mutex, storage, the people cache, the bus, the coalescer and the clock.
 */
export class TownhallContext {
  private readonly rooms = new Map<string, Promise<TownhallRoom>>();
  /** When each loaded room was last read or changed (MEM1). */
  private readonly lastUsed = new Map<string, number>();

  constructor(
    readonly store: Store,
    readonly mutex: KeyedMutex,
    readonly bus: EventBus,
    readonly people: PeopleCache,
    readonly coalescer: Coalescer,
    readonly clock: DeadlineClock,
    readonly now: () => number = Date.now,
  ) {}

  /** Read, decide, persist, apply, notify: one command at a time per session. Café sessions are refused. */
  run<T>(principal: Principal, task: (room: TownhallRoom) => Promise<T>): Promise<T> {
    requireTownhall(principal.session);
    return this.mutex.run(principal.session.id, async () => task(await this.room(principal.session)));
  }

  /** Like `run`, from a timer or a hook: no principal, the session is known to be a Town Hall. */
  runFor<T>(session: SessionRecord, task: (room: TownhallRoom) => Promise<T>): Promise<T> {
    return this.mutex.run(session.id, async () => task(await this.room(session)));
  }

  /** The session's working copy, loaded once (concurrent callers share one load). */
  room(session: SessionRecord): Promise<TownhallRoom> {
    requireTownhall(session);
    this.lastUsed.set(session.id, this.now());
    let room = this.rooms.get(session.id);
    if (!room) {
      room = (async () => {
        await this.people.loadSession(session.id);
        const loaded = await loadRoom(this.store, session.id, session.attribution, this.now());
        // The queue seeds what each person was last told, before anyone uses the room.
        this.bus.publish('townhall:room-loaded', { room: loaded });
        return loaded;
      })();
      this.rooms.set(session.id, room);
      room.catch(() => {
        this.rooms.delete(session.id);
        this.lastUsed.delete(session.id);
      });
    }
    return room;
  }

  /** Drops the working copy (it ran ahead of storage after a failed write); the next use reads it again. */
  forget(sessionId: string): void {
    this.rooms.delete(sessionId);
    this.lastUsed.delete(sessionId);
  }

  /** Sessions whose room is in memory. */
  loadedSessions(): string[] {
    return [...this.rooms.keys()];
  }

  /** When the session's room was last read or changed (epoch ms). */
  lastUse(sessionId: string): number {
    return this.lastUsed.get(sessionId) ?? 0;
  }

  /** Counts as a use: someone is still connected to the session (MEM1). */
  touch(sessionId: string): void {
    if (this.rooms.has(sessionId)) this.lastUsed.set(sessionId, this.now());
  }

  /**
   * Takes the room and its people out of memory (MEM2). Call inside the session's mutex, with no
   * timer running and no broadcast pending: the next use reads it all again, as after a restart.
   */
  unload(sessionId: string): void {
    this.rooms.delete(sessionId);
    this.lastUsed.delete(sessionId);
    this.people.dropSession(sessionId);
    this.coalescer.forget(`${sessionId}:`);
    this.bus.publish('townhall:room-unloaded', { sessionId });
  }

  /** The room if loaded in this process (timers and hooks need not load a room nobody uses). */
  loaded(sessionId: string): Promise<TownhallRoom> | undefined {
    return this.rooms.get(sessionId);
  }

  lookup: Lookup = (id) => this.people.get(id);

  /** Stores the room's small parts (settings, floor, agenda, projected poll), with `change` made. */
  async saveState(room: TownhallRoom, change: Partial<TownhallStateRecord> = {}): Promise<void> {
    // It rewrites the whole row: fenced in a cluster (CLU6, CLU104), so a stalled old owner cannot undo the new owner's change.
    await this.store.transaction((repos) => repos.townhall.saveState(room.sessionId, stateRecord(room, change), this.now()));
  }
}

export function requireTownhall(session: SessionRecord): void {
  if (session.format !== 'townhall') throw new AppError('conflict', 'This session is a World Café, not a Town Hall', { reason: 'townhall.notTownhall' });
}

/** The acting participant (the projector display cannot ask, vote or raise a hand). */
export function requirePerson(principal: Principal): ParticipantRecord {
  if (!principal.participant) throw new AppError('conflict', 'The projector display cannot do this', { reason: 'townhall.displayCannot' });
  return principal.participant;
}

/**
 * Staff see every question, the queue, drafts and all results. The same roles as the staff room
 * (`participants:list`) and as `qa:moderate` / `hand:manage` / `poll:manage` in the table.
 */
export function isStaff(role: Role): boolean {
  return can(role, 'participants:list');
}

// The Town Hall's decisions refuse the same way as the café's.
export { orThrow } from '../errors.js';
