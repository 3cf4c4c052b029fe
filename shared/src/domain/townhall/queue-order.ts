/**
 * The order in which raised hands get the floor (HAND5, HAND6 in docs/townhall.md).
 *
 * The queue's `hands` list is the base order: raising appends, the moderator's moves change
 * it. With "alternate in-room and remote" off, the effective order is the base order. With it
 * on, the hands are split by mode, each keeping its base order, and interleaved one by one
 * starting with the mode that has waited longest for the floor: the mode *other* than the
 * last speaker's, or, before anyone has spoken, the mode of the hand raised earliest. When one
 * mode runs out, the rest of the other follows. So a manual move changes a hand's place among
 * its own mode, and alternation decides how the two modes take turns.
 */
import type { Mode, StakeholderGroup } from '../words.js';

export interface Hand {
  participantId: string;
  mode: Mode;
  stakeholderGroup: StakeholderGroup;
  /** A one-line topic, or null. */
  topic: string | null;
  raisedAt: number; // epoch ms
}

export interface OrderInput {
  hands: readonly Hand[];
  alternate: boolean;
  /** The mode of the last person given the floor, or null if nobody has spoken yet. */
  lastFloorMode: Mode | null;
}

export function otherMode(mode: Mode): Mode {
  return mode === 'in-room' ? 'remote' : 'in-room';
}

/** The mode alternation starts with, or null when no hand waits. HAND6. */
export function firstMode(queue: OrderInput): Mode | null {
  const modes = new Set(queue.hands.map((hand) => hand.mode));
  if (modes.size === 0) return null;
  if (modes.size === 1) return queue.hands[0]?.mode ?? null;
  if (queue.lastFloorMode !== null) return otherMode(queue.lastFloorMode);
  let earliest = queue.hands[0];
  for (const hand of queue.hands) if (earliest === undefined || hand.raisedAt < earliest.raisedAt) earliest = hand;
  return earliest?.mode ?? null;
}

/** The hands in the order they will get the floor. HAND5, HAND6. */
export function effectiveOrder(queue: OrderInput): Hand[] {
  if (!queue.alternate) return queue.hands.slice();
  const start = firstMode(queue);
  if (start === null) return [];
  const first = queue.hands.filter((hand) => hand.mode === start);
  const second = queue.hands.filter((hand) => hand.mode !== start);
  const order: Hand[] = [];
  for (let i = 0; i < Math.max(first.length, second.length); i++) {
    const a = first[i];
    const b = second[i];
    if (a) order.push(a);
    if (b) order.push(b);
  }
  return order;
}
