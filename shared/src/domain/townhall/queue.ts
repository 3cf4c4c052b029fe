/**
 * The Town Hall speaker queue: raised hands, the floor and its intervention timer
 * (HAND1…HAND10 in docs/townhall.md). Plain data, pure transitions: each returns a new queue
 * and leaves its input as it was. The order hands get the floor is in queue-order.ts.
 */
import { endTimer, extendTimer, pauseTimer, resumeTimer, startTimer, type Timer, type TimerResult } from '../timer/timer.js';
import type { Mode, StakeholderGroup } from '../words.js';
import { afterFloor, effectiveOrder, floorRecency, streamOf, type Hand, type Stream } from './queue-order.js';
import { badRequest, conflict, moveInList, notFound, oneLine, type Result } from './result.js';

export const QUEUE_LIMITS = {
  topicLength: 140, // characters: one line
} as const;

/** A sensible intervention for a Town Hall; sessions set their own. */
export const DEFAULT_INTERVENTION_MS = 2 * 60_000; // 2 min

export interface Floor {
  participantId: string;
  mode: Mode;
  stakeholderGroup: StakeholderGroup;
  topic: string | null;
  since: number; // epoch ms
  /** When the speaker's hand was raised (its handle derives from it, HAND11); absent in floors stored before. */
  raisedAt?: number; // epoch ms
  /** The intervention timer (TIME rules): running, paused, or ended once they are done. */
  timer: Timer;
  /** A hub's turn (HUB31); absent otherwise. */
  hub?: boolean;
}

export interface SpeakerQueue {
  /** Waiting hands in base order: raising appends, `moveHand` reorders (HAND5). */
  hands: Hand[];
  /** "Alternate in-room and remote" (HAND6). */
  alternate: boolean;
  /** Who has the floor, or null. */
  floor: Floor | null;
  /** The mode of the last person given the floor; alternation continues from it (HAND6). */
  lastFloorMode: Mode | null;
  /** The streams that have had the floor, most recent first (HUB31); absent before the first turn given since hubs. */
  lastFloorStreams?: Stream[];
}

export interface RaiseInput {
  participantId: string;
  mode: Mode;
  stakeholderGroup: StakeholderGroup;
  /** Omitted: keep the topic a raised hand has; '' clears it. */
  topic?: string | null;
  /** A hub's coordinator raises the hub's hand: it is in the hub stream (HUB31). */
  hub?: boolean;
}

export type QueueResult<T extends object = object> = Result<{ queue: SpeakerQueue } & T>;

export function createSpeakerQueue(): SpeakerQueue {
  return { hands: [], alternate: false, floor: null, lastFloorMode: null };
}

/**
 * Raises a hand at the end of the queue. One hand per person: raising again keeps the place
 * and updates the topic (when given), mode and group. The floor holder cannot raise. HAND1, HAND2.
 */
export function raiseHand(queue: SpeakerQueue, input: RaiseInput, now: number): QueueResult<{ hand: Hand }> {
  if (queue.floor?.participantId === input.participantId) return conflict('You have the floor.', 'youHaveFloor');
  const topic = input.topic == null ? input.topic : oneLine(input.topic);
  if (topic && topic.length > QUEUE_LIMITS.topicLength) {
    return badRequest(`A topic has at most ${QUEUE_LIMITS.topicLength} characters.`);
  }
  const index = indexOfHand(queue, input.participantId);
  const existing = queue.hands[index];
  const hand: Hand = {
    participantId: input.participantId,
    mode: input.mode,
    stakeholderGroup: input.stakeholderGroup,
    topic: topic === undefined ? (existing?.topic ?? null) : topic || null,
    raisedAt: existing?.raisedAt ?? now,
    ...(input.hub && { hub: true }),
  };
  const hands = existing ? queue.hands.map((h, i) => (i === index ? hand : h)) : [...queue.hands, hand];
  return { ok: true, queue: { ...queue, hands }, hand };
}

/** Lowers a hand (by its owner or a moderator: the server checks who). HAND3. */
export function lowerHand(queue: SpeakerQueue, participantId: string): QueueResult {
  const index = indexOfHand(queue, participantId);
  if (index < 0) return notFound('No raised hand for that participant.');
  return { ok: true, queue: { ...queue, hands: queue.hands.filter((_, i) => i !== index) } };
}

/** The moderator moves a hand to `toIndex` (0-based) of the base order. HAND4, HAND5. */
export function moveHand(queue: SpeakerQueue, participantId: string, toIndex: number): QueueResult {
  const index = indexOfHand(queue, participantId);
  if (index < 0) return notFound('No raised hand for that participant.');
  if (!Number.isSafeInteger(toIndex) || toIndex < 0 || toIndex >= queue.hands.length) {
    return badRequest(`A position is a whole number from 0 to ${queue.hands.length - 1}.`);
  }
  return { ok: true, queue: { ...queue, hands: moveInList(queue.hands, index, toIndex) } };
}

/** Switches alternation (in the room, remote, hubs: HUB31) on or off; the hands keep their base order. HAND6. */
export function setAlternate(queue: SpeakerQueue, alternate: boolean): QueueResult {
  return { ok: true, queue: { ...queue, alternate } };
}

/** Who gets the floor next: the first hand in effective order ("you're next"). HAND7. */
export function upNext(queue: SpeakerQueue): Hand | null {
  return effectiveOrder(queue)[0] ?? null;
}

/** A person's place in the effective order (0 = next), or null without a raised hand. HAND7. */
export function queuePosition(queue: SpeakerQueue, participantId: string): number | null {
  const index = effectiveOrder(queue).findIndex((hand) => hand.participantId === participantId);
  return index < 0 ? null : index;
}

/**
 * Gives the floor to the first hand in effective order (or to `participantId`'s hand, when
 * the moderator picks one) and starts their intervention timer of `interventionMs`; whoever
 * had the floor is done (their timer ends). The hand leaves the queue. `next` is who is now
 * up next, to be told "you're next". HAND7, HAND8.
 */
export function giveFloor(queue: SpeakerQueue, interventionMs: number, now: number, participantId?: string): QueueResult<{ floor: Floor; next: Hand | null; ended: Floor | null }> {
  const hand = participantId === undefined ? upNext(queue) : queue.hands[indexOfHand(queue, participantId)];
  if (!hand) return participantId === undefined ? conflict('No hand is raised.', 'noHand') : notFound('No raised hand for that participant.');
  const timer = startTimer(interventionMs, now);
  if (!timer.ok) return timer;
  const ended = endedFloor(queue.floor, now);
  const { participantId: id, mode, stakeholderGroup, topic, raisedAt } = hand;
  const floor: Floor = { participantId: id, mode, stakeholderGroup, topic, since: now, raisedAt, timer: timer.timer, ...(hand.hub && { hub: true }) };
  const next: SpeakerQueue = {
    ...queue,
    hands: queue.hands.filter((h) => h.participantId !== id),
    floor,
    lastFloorMode: mode,
    lastFloorStreams: afterFloor(floorRecency(queue), streamOf(hand)),
  };
  return { ok: true, queue: next, floor, next: upNext(next), ended };
}

/** The floor holder is done (or the moderator takes the floor back): the timer ends. HAND8. */
export function endFloor(queue: SpeakerQueue, now: number): QueueResult<{ ended: Floor }> {
  const ended = endedFloor(queue.floor, now);
  if (!ended) return conflict('Nobody has the floor.', 'nobodyHasFloor');
  return { ok: true, queue: { ...queue, floor: null }, ended };
}

/** Pauses the floor holder's timer. HAND9 (TIME3). */
export function pauseFloorTimer(queue: SpeakerQueue, now: number): QueueResult<{ floor: Floor }> {
  return withFloorTimer(queue, (timer) => pauseTimer(timer, now));
}

/** Resumes the floor holder's timer. HAND9 (TIME3). */
export function resumeFloorTimer(queue: SpeakerQueue, now: number): QueueResult<{ floor: Floor }> {
  return withFloorTimer(queue, (timer) => resumeTimer(timer, now));
}

/** Gives the floor holder more time. HAND9 (TIME5, TIME6). */
export function extendFloorTimer(queue: SpeakerQueue, byMs: number, now: number): QueueResult<{ floor: Floor }> {
  return withFloorTimer(queue, (timer) => extendTimer(timer, byMs, now));
}

function withFloorTimer(queue: SpeakerQueue, change: (timer: Timer) => TimerResult): QueueResult<{ floor: Floor }> {
  if (!queue.floor) return conflict('Nobody has the floor.', 'nobodyHasFloor');
  const result = change(queue.floor.timer);
  if (!result.ok) return result;
  const floor = { ...queue.floor, timer: result.timer };
  return { ok: true, queue: { ...queue, floor }, floor };
}

function endedFloor(floor: Floor | null, now: number): Floor | null {
  if (!floor) return null;
  const ended = endTimer(floor.timer, now);
  return { ...floor, timer: ended.ok ? ended.timer : floor.timer }; // an ended timer stays ended
}

function indexOfHand(queue: SpeakerQueue, participantId: string): number {
  return queue.hands.findIndex((hand) => hand.participantId === participantId);
}
