import { describe, expect, it } from 'vitest';
import { remainingMs } from '../timer/timer.js';
import type { Mode } from '../words.js';
import {
  QUEUE_LIMITS,
  createSpeakerQueue,
  endFloor,
  extendFloorTimer,
  giveFloor,
  lowerHand,
  moveHand,
  pauseFloorTimer,
  queuePosition,
  raiseHand,
  resumeFloorTimer,
  setAlternate,
  upNext,
  type SpeakerQueue,
} from './queue.js';
import { effectiveOrder } from './queue-order.js';
import { MIN, T0, expectError, must } from '../../../../test/fixtures/townhall.js';

const TWO_MIN = 2 * MIN;

/** A queue with hands raised in order, one ms apart: 'i:ana' is in the room, 'r:bo' remote. */
function queueOf(...people: string[]): SpeakerQueue {
  let queue = createSpeakerQueue();
  people.forEach((tag, i) => {
    const [m, id] = tag.split(':') as [string, string];
    const mode: Mode = m === 'i' ? 'in-room' : 'remote';
    queue = must(raiseHand(queue, { participantId: id, mode, stakeholderGroup: 'academia' }, T0 + i)).queue;
  });
  return queue;
}

const ids = (queue: SpeakerQueue) => effectiveOrder(queue).map((h) => h.participantId);

describe('speaker queue', () => {
  it('HAND1 raising a hand joins the end of the queue with a one-line topic', () => {
    const queue = queueOf('i:ana');
    const raised = must(raiseHand(queue, { participantId: 'bo', mode: 'remote', stakeholderGroup: 'government', topic: ' Data\n flows ' }, T0 + 5));
    expect(raised.hand).toEqual({ participantId: 'bo', mode: 'remote', stakeholderGroup: 'government', topic: 'Data flows', raisedAt: T0 + 5 });
    expect(ids(raised.queue)).toEqual(['ana', 'bo']);
    expect(raised.queue.hands[0]?.topic).toBeNull();
    const long = 'x'.repeat(QUEUE_LIMITS.topicLength + 1);
    expectError(raiseHand(queue, { participantId: 'bo', mode: 'remote', stakeholderGroup: 'government', topic: long }, T0), 'bad_request');
  });

  it('HAND2 raising again keeps the place and updates the topic; without a topic it keeps the old one', () => {
    let queue = queueOf('i:ana', 'r:bo', 'i:cy');
    queue = must(raiseHand(queue, { participantId: 'bo', mode: 'remote', stakeholderGroup: 'academia', topic: 'Funding' }, T0 + 100)).queue;
    expect(ids(queue)).toEqual(['ana', 'bo', 'cy']);
    expect(queue.hands[1]).toMatchObject({ topic: 'Funding', raisedAt: T0 + 1 });
    queue = must(raiseHand(queue, { participantId: 'bo', mode: 'remote', stakeholderGroup: 'academia' }, T0 + 200)).queue;
    expect(queue.hands[1]?.topic).toBe('Funding');
    queue = must(raiseHand(queue, { participantId: 'bo', mode: 'remote', stakeholderGroup: 'academia', topic: '' }, T0 + 300)).queue;
    expect(queue.hands[1]?.topic).toBeNull();
    expect(queue.hands).toHaveLength(3);
  });

  it('HAND1 the person with the floor cannot raise a hand', () => {
    const queue = must(giveFloor(queueOf('i:ana'), TWO_MIN, T0)).queue;
    expectError(raiseHand(queue, { participantId: 'ana', mode: 'in-room', stakeholderGroup: 'academia' }, T0), 'conflict');
  });

  it('HAND3 a hand is lowered by its owner or a moderator; lowering none is not_found', () => {
    const queue = must(lowerHand(queueOf('i:ana', 'r:bo'), 'ana')).queue;
    expect(ids(queue)).toEqual(['bo']);
    expectError(lowerHand(queue, 'ana'), 'not_found');
  });

  it('HAND4 the moderator moves a hand to a position of the queue', () => {
    const queue = queueOf('i:ana', 'r:bo', 'i:cy', 'r:di');
    expect(ids(must(moveHand(queue, 'di', 0)).queue)).toEqual(['di', 'ana', 'bo', 'cy']);
    expect(ids(must(moveHand(queue, 'ana', 3)).queue)).toEqual(['bo', 'cy', 'di', 'ana']);
    expectError(moveHand(queue, 'ana', 4), 'bad_request');
    expectError(moveHand(queue, 'ana', -1), 'bad_request');
    expectError(moveHand(queue, 'zed', 0), 'not_found');
  });

  it('HAND5 without alternation the effective order is the base order', () => {
    expect(ids(queueOf('i:a', 'i:b', 'r:c', 'r:d', 'i:e'))).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('HAND6 alternation interleaves the modes, starting with the mode of the hand raised first', () => {
    const queue = must(setAlternate(queueOf('r:a', 'i:b', 'i:c', 'i:d', 'r:e'), true)).queue;
    expect(ids(queue)).toEqual(['a', 'b', 'e', 'c', 'd']);
    const inRoomFirst = must(setAlternate(queueOf('i:a', 'i:b', 'i:c', 'r:d'), true)).queue;
    expect(ids(inRoomFirst)).toEqual(['a', 'd', 'b', 'c']);
    expect(ids(must(setAlternate(inRoomFirst, false)).queue)).toEqual(['a', 'b', 'c', 'd']);
  });

  it("HAND6 with alternation on, a manual move changes the order within the hand's mode", () => {
    const queue = must(setAlternate(queueOf('i:a', 'i:b', 'r:c', 'r:d'), true)).queue;
    expect(ids(queue)).toEqual(['a', 'c', 'b', 'd']);
    const moved = must(moveHand(queue, 'd', 0)).queue; // base: d a b c
    expect(ids(moved)).toEqual(['a', 'd', 'b', 'c']); // in-room a waited longest; remote d now before c
  });

  it('HAND6 after a speaker, alternation continues with the other mode', () => {
    // In-room people raised first; the floor went to one of them, so a remote person is next
    // even though more in-room people have waited longer.
    let queue = must(setAlternate(queueOf('i:a', 'i:b', 'i:c', 'r:d', 'r:e'), true)).queue;
    expect(ids(queue)).toEqual(['a', 'd', 'b', 'e', 'c']);
    queue = must(giveFloor(queue, TWO_MIN, T0 + MIN)).queue;
    expect(ids(queue)).toEqual(['d', 'b', 'e', 'c']);
  });

  it('HAND7 the first in effective order is next; everyone knows their place', () => {
    const queue = must(setAlternate(queueOf('i:a', 'i:b', 'r:c'), true)).queue;
    expect(upNext(queue)?.participantId).toBe('a');
    expect(queuePosition(queue, 'c')).toBe(1);
    expect(queuePosition(queue, 'b')).toBe(2);
    expect(queuePosition(queue, 'zed')).toBeNull();
    expect(upNext(createSpeakerQueue())).toBeNull();
  });

  it('HAND8 giving the floor takes the first hand, starts the intervention timer and tells who is next', () => {
    const queue = must(setAlternate(queueOf('i:a', 'i:b', 'r:c'), true)).queue;
    const given = must(giveFloor(queue, TWO_MIN, T0 + MIN));
    expect(given.floor).toMatchObject({ participantId: 'a', mode: 'in-room', since: T0 + MIN, topic: null });
    expect(given.floor.timer).toMatchObject({ status: 'running', deadline: T0 + MIN + TWO_MIN });
    expect(given.next?.participantId).toBe('c');
    expect(given.ended).toBeNull();
    expect(given.queue.lastFloorMode).toBe('in-room');
    expect(ids(given.queue)).toEqual(['c', 'b']);

    const second = must(giveFloor(given.queue, TWO_MIN, T0 + 2 * MIN));
    expect(second.floor.participantId).toBe('c');
    expect(second.ended).toMatchObject({ participantId: 'a', timer: { status: 'ended', endedAt: T0 + 2 * MIN } });
    expect(second.next?.participantId).toBe('b');
  });

  it('HAND8 the moderator may give the floor to a chosen hand; an empty queue has nobody to give it to', () => {
    const given = must(giveFloor(queueOf('i:a', 'r:b'), TWO_MIN, T0, 'b'));
    expect(given.floor.participantId).toBe('b');
    expect(ids(given.queue)).toEqual(['a']);
    expectError(giveFloor(queueOf('i:a'), TWO_MIN, T0, 'zed'), 'not_found');
    expectError(giveFloor(createSpeakerQueue(), TWO_MIN, T0), 'conflict');
    expectError(giveFloor(queueOf('i:a'), 0, T0), 'bad_request');
  });

  it('HAND8 ending the floor ends the timer; with nobody on the floor it is a conflict', () => {
    const queue = must(giveFloor(queueOf('i:a'), TWO_MIN, T0)).queue;
    const ended = must(endFloor(queue, T0 + 30_000));
    expect(ended.queue.floor).toBeNull();
    expect(ended.ended.timer).toMatchObject({ status: 'ended', endedAt: T0 + 30_000 });
    expect(ended.queue.lastFloorMode).toBe('in-room');
    expectError(endFloor(ended.queue, T0), 'conflict');
  });

  it('HAND9 the floor timer pauses, resumes and extends like any timer', () => {
    let queue = must(giveFloor(queueOf('r:a'), TWO_MIN, T0)).queue;
    queue = must(pauseFloorTimer(queue, T0 + 30_000)).queue;
    expect(remainingMs(queue.floor!.timer, T0 + 10 * MIN)).toBe(90_000);
    queue = must(resumeFloorTimer(queue, T0 + MIN)).queue;
    queue = must(extendFloorTimer(queue, MIN, T0 + MIN)).queue;
    expect(remainingMs(queue.floor!.timer, T0 + MIN)).toBe(150_000);
    expectError(resumeFloorTimer(queue, T0), 'conflict');
    expectError(pauseFloorTimer(createSpeakerQueue(), T0), 'conflict');
  });

  it('HAND10 transitions do not change their input; a refused one leaves the queue as it was', () => {
    const queue = must(giveFloor(queueOf('i:a', 'r:b', 'i:c'), TWO_MIN, T0)).queue;
    const copy = structuredClone(queue);
    raiseHand(queue, { participantId: 'd', mode: 'remote', stakeholderGroup: 'other', topic: 'x' }, T0);
    raiseHand(queue, { participantId: 'b', mode: 'remote', stakeholderGroup: 'other', topic: 'y' }, T0);
    lowerHand(queue, 'b');
    moveHand(queue, 'c', 0);
    setAlternate(queue, true);
    giveFloor(queue, TWO_MIN, T0 + MIN);
    endFloor(queue, T0 + MIN);
    extendFloorTimer(queue, MIN, T0);
    expect(queue).toEqual(copy);
  });
});
