import {
  endFloor,
  extendFloorTimer,
  giveFloor,
  isExpired,
  lowerHand,
  moveHand,
  pauseFloorTimer,
  raiseHand,
  resumeFloorTimer,
  setAlternate,
  type QueueResult,
  type SpeakerQueue,
} from '@open-talks/shared';
import type { HandStatus, QueueView } from '@open-talks/shared/protocol';
import { newId } from '../../auth/tokens.js';
import type { Principal } from '../../sessions/principal.js';
import type { ParticipantRecord, SessionRecord } from '../../store/index.js';
import { AppError } from '../../errors.js';
import { orThrow, requirePerson, type TownhallContext } from '../context.js';
import { stateRecord, type TownhallRoom } from '../room.js';
import { handOwner } from './hand-handles.js';
import { floorView, handStatus, handStatuses, NO_HAND, queueView } from '../views.js';

/**
 * The speaker queue (HAND1–HAND10): hands are rows (raise = one insert, lower = one delete), the
 * floor and options live in the Town Hall's row. Staff get the whole queue and each person their
 * own place, both coalesced; everyone gets the floor at once.
 */
export class QueueService {
  /** sessionId → participantId → the status last sent (as JSON), so only changes go out. */
  private readonly sent = new Map<string, Map<string, string>>();

  constructor(private readonly ctx: TownhallContext) {}

  raise(principal: Principal, topic: string | undefined): Promise<{ you: HandStatus }> {
    return this.ctx.run(principal, async (room) => {
      const me = requirePerson(principal);
      // A hub's coordinator raises the hub's hand: the hub stream under alternation (HUB31).
      const input = { participantId: me.id, mode: me.mode, stakeholderGroup: me.stakeholderGroup, hub: me.role === 'hub', ...(topic !== undefined && { topic }) };
      const { queue, hand } = orThrow(raiseHand(room.queue, input, this.ctx.now()));
      const isNew = !room.queue.hands.some((h) => h.participantId === me.id);
      await this.ctx.store.townhall.saveHand(room.sessionId, hand, room.nextHandPosition);
      if (isNew) room.nextHandPosition++;
      this.apply(room, queue);
      return { you: handStatus(room.queue, me.id) };
    });
  }

  lower(principal: Principal): Promise<{ you: HandStatus }> {
    return this.ctx.run(principal, async (room) => {
      const me = requirePerson(principal);
      await this.lowerNow(room, me.id);
      return { you: handStatus(room.queue, me.id) };
    });
  }

  dismiss(principal: Principal, handle: string): Promise<{ queue: QueueView }> {
    return this.manage(principal, (room) => this.lowerNow(room, ownerOf(room, handle)));
  }

  move(principal: Principal, handle: string, toIndex: number): Promise<{ queue: QueueView }> {
    return this.manage(principal, async (room) => {
      const { queue } = orThrow(moveHand(room.queue, ownerOf(room, handle), toIndex));
      await this.ctx.store.transaction((repos) =>
        repos.townhall.reorderHands(
          room.sessionId,
          queue.hands.map((h) => h.participantId),
        ),
      );
      room.nextHandPosition = queue.hands.length;
      this.apply(room, queue);
    });
  }

  alternate(principal: Principal, on: boolean): Promise<{ queue: QueueView }> {
    return this.manage(principal, async (room) => this.saveQueue(room, orThrow(setAlternate(room.queue, on)).queue));
  }

  giveFloor(principal: Principal, handle: string | undefined): Promise<{ queue: QueueView }> {
    return this.manage(principal, async (room) => {
      const now = this.ctx.now();
      const participantId = handle === undefined ? undefined : ownerOf(room, handle);
      const { queue, floor, ended } = orThrow(giveFloor(room.queue, room.settings.interventionMs, now, participantId));
      await this.ctx.store.transaction(async (repos) => {
        await repos.townhall.deleteHand(room.sessionId, floor.participantId);
        await repos.townhall.saveState(room.sessionId, stateOf(room, queue), now);
        // The speaker log, for the record: the previous turn closes, the new one opens.
        if (ended) await repos.speakers.close(room.sessionId, now);
        const { participantId: id, mode, stakeholderGroup, topic } = floor;
        await repos.speakers.open(room.sessionId, newId(), { participantId: id, mode, stakeholderGroup, topic, startedAt: now });
      });
      this.apply(room, queue);
      await this.announceFloor(room);
    });
  }

  endFloor(principal: Principal): Promise<{ queue: QueueView }> {
    return this.manage(principal, async (room) => {
      const now = this.ctx.now();
      const { queue } = orThrow(endFloor(room.queue, now));
      await this.ctx.store.transaction(async (repos) => {
        await repos.townhall.saveState(room.sessionId, stateOf(room, queue), now);
        await repos.speakers.close(room.sessionId, now);
      });
      this.apply(room, queue);
      await this.announceFloor(room);
    });
  }

  pauseFloor(principal: Principal): Promise<{ queue: QueueView }> {
    return this.floorTimer(principal, (queue, now) => pauseFloorTimer(queue, now));
  }

  resumeFloor(principal: Principal): Promise<{ queue: QueueView }> {
    return this.floorTimer(principal, (queue, now) => resumeFloorTimer(queue, now));
  }

  extendFloor(principal: Principal, seconds: number): Promise<{ queue: QueueView }> {
    return this.floorTimer(principal, (queue, now) => extendFloorTimer(queue, seconds * 1_000, now));
  }

  /** A removed person's hand comes down. */
  async personRemoved(session: SessionRecord, person: ParticipantRecord): Promise<void> {
    await this.ctx.runFor(session, async (room) => {
      if (room.queue.hands.some((h) => h.participantId === person.id)) await this.lowerNow(room, person.id);
    });
  }

  /** The speaker's time is up: everyone is told (they keep the floor until the moderator moves on, HAND9). */
  watchFloor(room: TownhallRoom): void {
    const key = `${room.sessionId}:floor`;
    const timer = room.queue.floor?.timer;
    if (!timer || timer.status !== 'running' || timer.deadline === null) {
      this.ctx.clock.cancel(key);
      return;
    }
    const deadline = timer.deadline;
    this.ctx.clock.schedule(key, deadline, () => {
      const current = room.queue.floor?.timer;
      if (current && current.deadline === deadline && isExpired(current, this.ctx.now())) {
        this.ctx.bus.publish('townhall:time-up', { sessionId: room.sessionId, payload: { timer: 'floor', at: deadline } });
      }
    });
  }

  /** The status last sent to each person, seeded from a freshly loaded room. */
  seed(room: TownhallRoom): void {
    const sent = new Map<string, string>();
    for (const [id, status] of handStatuses(room.queue)) sent.set(id, JSON.stringify(status));
    this.sent.set(room.sessionId, sent);
  }

  /** The room left memory (MEM2): what each person was told is seeded again when it loads. */
  unload(sessionId: string): void {
    this.sent.delete(sessionId);
  }

  private async lowerNow(room: TownhallRoom, participantId: string): Promise<void> {
    const { queue } = orThrow(lowerHand(room.queue, participantId));
    await this.ctx.store.townhall.deleteHand(room.sessionId, participantId);
    this.apply(room, queue);
  }

  private floorTimer(principal: Principal, change: (queue: SpeakerQueue, now: number) => QueueResult): Promise<{ queue: QueueView }> {
    return this.manage(principal, async (room) => {
      await this.saveQueue(room, orThrow(change(room.queue, this.ctx.now())).queue);
      await this.announceFloor(room);
    });
  }

  private manage(principal: Principal, task: (room: TownhallRoom) => Promise<void>): Promise<{ queue: QueueView }> {
    return this.ctx.run(principal, async (room) => {
      await task(room);
      await this.ctx.people.ensure(room.queue.hands.map((h) => h.participantId));
      return { queue: queueView(room, this.ctx.lookup) };
    });
  }

  private async saveQueue(room: TownhallRoom, queue: SpeakerQueue): Promise<void> {
    await this.ctx.store.transaction((repos) => repos.townhall.saveState(room.sessionId, stateOf(room, queue), this.ctx.now())); // fenced (CLU104)
    this.apply(room, queue);
  }

  private apply(room: TownhallRoom, queue: SpeakerQueue): void {
    room.queue = queue;
    this.watchFloor(room);
    this.ctx.coalescer.schedule(`${room.sessionId}:hands`, () => this.flush(room));
  }

  private async announceFloor(room: TownhallRoom): Promise<void> {
    if (room.queue.floor) await this.ctx.people.ensure([room.queue.floor.participantId]);
    this.ctx.bus.publish('townhall:floor', { sessionId: room.sessionId, floor: floorView(room.queue.floor, room.attribution, this.ctx.lookup) });
  }

  /** Staff get the queue; each person whose place changed gets theirs ("you're next", "you have the floor"). */
  private async flush(room: TownhallRoom): Promise<void> {
    await this.ctx.people.ensure(room.queue.hands.map((h) => h.participantId));
    this.ctx.bus.publish('townhall:queue', { sessionId: room.sessionId, queue: queueView(room, this.ctx.lookup) });
    const sent = this.sent.get(room.sessionId) ?? new Map<string, string>();
    this.sent.set(room.sessionId, sent);
    const now = handStatuses(room.queue);
    for (const [id, status] of now) {
      const json = JSON.stringify(status);
      if (sent.get(id) === json) continue;
      sent.set(id, json);
      this.ctx.bus.publish('townhall:hand-status', { participantId: id, status });
    }
    for (const id of [...sent.keys()]) {
      if (now.has(id)) continue;
      sent.delete(id);
      this.ctx.bus.publish('townhall:hand-status', { participantId: id, status: NO_HAND });
    }
  }
}

/** The participant whose raised hand `handle` names (HAND11); a stale or unknown handle is not found. */
function ownerOf(room: TownhallRoom, handle: string): string {
  const owner = handOwner(room.handKey, room.queue, handle);
  if (owner === undefined) throw new AppError('not_found', 'No raised hand with that handle.');
  return owner;
}

function stateOf(room: TownhallRoom, queue: SpeakerQueue) {
  return stateRecord({ ...room, queue });
}
