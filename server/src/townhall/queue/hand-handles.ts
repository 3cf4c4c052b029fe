// A raised hand's handle (HAND11): what staff see of a hand and name it by in `hand:move`,
// `hand:dismiss` and `hand:give-floor`. Staff have the people list, so a participant id in the
// queue would name the person behind a hand or the speaker; under `anonymous` attribution
// nothing staff receive may (ATTR4). A handle is an HMAC of the person and the moment the hand
// went up, keyed by the session's stored secret: the server recomputes it (nothing per hand is
// stored), every process agrees on it, and a hand raised again gets a new one, so handles do not
// link one person's turns either. Used under every attribution alike.
import { createHmac, randomBytes } from 'node:crypto';
import type { Floor, Hand, SpeakerQueue } from '@open-talks/shared';

const SECRET_BYTES = 32;
const HANDLE_BYTES = 12; // 96 bits: 16 base64url characters

export function newHandKey(): string {
  return randomBytes(SECRET_BYTES).toString('base64url');
}

export function handHandle(key: string, hand: Pick<Hand, 'participantId' | 'raisedAt'>): string {
  return createHmac('sha256', key).update(`${hand.participantId}\n${hand.raisedAt}`).digest().subarray(0, HANDLE_BYTES).toString('base64url');
}

/** The floor keeps the handle its hand had (floors stored before HAND11 use their start instead). */
export function floorHandle(key: string, floor: Floor): string {
  return handHandle(key, { participantId: floor.participantId, raisedAt: floor.raisedAt ?? floor.since });
}

/** Whose raised hand a handle names, or undefined (lowered, given the floor, or never raised). */
export function handOwner(key: string, queue: SpeakerQueue, handle: string): string | undefined {
  return queue.hands.find((hand) => handHandle(key, hand) === handle)?.participantId;
}
