/**
 * The order in which raised hands get the floor (HAND5, HAND6 in docs/townhall.md, HUB31).
 *
 * The queue's `hands` list is the base order: raising appends, the moderator's moves change
 * it. With alternation off, the effective order is the base order. With it on, the hands are
 * split by stream (in the room, individual remote, hubs: a hub's hand is in the hub stream,
 * not the remote one), each keeping its base order, and the streams take turns one hand at a
 * time, the stream that has waited longest for the floor first: a stream that has never had
 * the floor before one that has (among those, the one whose earliest hand was raised first),
 * then the others from the least recent floor to the most recent. A stream that runs out drops
 * out of the rotation. Without hubs there are two streams and this is "the other mode than
 * the last speaker's, else the mode of the earliest hand", as it always was.
 */
import type { Mode, StakeholderGroup } from '../words.js';

export interface Hand {
  participantId: string;
  mode: Mode;
  stakeholderGroup: StakeholderGroup;
  /** A one-line topic, or null. */
  topic: string | null;
  raisedAt: number; // epoch ms
  /** Raised by a hub's coordinator: the hand is in the hub stream (HUB31). Absent: not a hub. */
  hub?: boolean;
}

/** Who takes turns under alternation: in the room, individual remote, hubs (HUB31). */
export const STREAMS = ['in-room', 'remote', 'hub'] as const;
export type Stream = (typeof STREAMS)[number];

export interface OrderInput {
  hands: readonly Hand[];
  alternate: boolean;
  /** The mode of the last person given the floor, or null if nobody has spoken yet. */
  lastFloorMode: Mode | null;
  /**
   * The streams that have had the floor, the most recent first, each once. Absent in queues
   * stored before hubs: then `lastFloorMode` alone tells (two streams need nothing more).
   */
  lastFloorStreams?: readonly Stream[];
}

export function otherMode(mode: Mode): Mode {
  return mode === 'in-room' ? 'remote' : 'in-room';
}

/** A hand's stream: a hub's hand is in the hub stream whatever its mode. */
export function streamOf(hand: { mode: Mode; hub?: boolean | undefined }): Stream {
  return hand.hub ? 'hub' : hand.mode;
}

/** The streams that have had the floor, most recent first. */
export function floorRecency(queue: Pick<OrderInput, 'lastFloorMode' | 'lastFloorStreams'>): readonly Stream[] {
  return queue.lastFloorStreams ?? (queue.lastFloorMode === null ? [] : [queue.lastFloorMode]);
}

/** `recency` after `stream` had the floor. */
export function afterFloor(recency: readonly Stream[], stream: Stream): Stream[] {
  return [stream, ...recency.filter((s) => s !== stream)];
}

/** The streams with a hand waiting, in the order they take turns (HAND6, HUB31). */
export function streamOrder(queue: OrderInput): Stream[] {
  const earliest = new Map<Stream, { raisedAt: number; index: number }>();
  queue.hands.forEach((hand, index) => {
    const stream = streamOf(hand);
    const seen = earliest.get(stream);
    if (!seen || hand.raisedAt < seen.raisedAt) earliest.set(stream, { raisedAt: hand.raisedAt, index });
  });
  const recency = floorRecency(queue);
  const rank = (s: Stream) => recency.indexOf(s);
  return [...earliest.keys()].sort((a, b) => {
    const ra = rank(a);
    const rb = rank(b);
    // Never had the floor: waited longest, by the earliest hand (the earlier in base order on a tie).
    if (ra < 0 && rb < 0) {
      const ea = earliest.get(a)!;
      const eb = earliest.get(b)!;
      return ea.raisedAt - eb.raisedAt || ea.index - eb.index;
    }
    if (ra < 0) return -1;
    if (rb < 0) return 1;
    return rb - ra; // the least recent floor first
  });
}

/** The stream alternation starts with, or null when no hand waits. HAND6, HUB31. */
export function firstStream(queue: OrderInput): Stream | null {
  return streamOrder(queue)[0] ?? null;
}

/** The mode alternation starts with (a hub's is remote), or null when no hand waits. HAND6. */
export function firstMode(queue: OrderInput): Mode | null {
  const stream = firstStream(queue);
  return stream === null ? null : stream === 'hub' ? 'remote' : stream;
}

/** The hands in the order they will get the floor. HAND5, HAND6, HUB31. */
export function effectiveOrder(queue: OrderInput): Hand[] {
  if (!queue.alternate) return queue.hands.slice();
  const lists = streamOrder(queue).map((stream) => queue.hands.filter((hand) => streamOf(hand) === stream));
  const order: Hand[] = [];
  const longest = Math.max(0, ...lists.map((list) => list.length));
  for (let i = 0; i < longest; i++) {
    for (const list of lists) {
      const hand = list[i];
      if (hand) order.push(hand);
    }
  }
  return order;
}
