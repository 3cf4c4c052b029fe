import { describe, expect, it } from 'vitest';
import { createSpeakerQueue, giveFloor, raiseHand, setAlternate, type SpeakerQueue } from '../../shared/src/index.js';
import { handStatuses, personRef } from '../../server/src/townhall/views.js';
import type { ParticipantRecord } from '../../server/src/store/index.js';

const person: ParticipantRecord = {
  id: 'p1',
  sessionId: 's',
  displayName: 'Amina',
  role: 'participant',
  mode: 'remote',
  stakeholderGroup: 'civil-society',
  language: 'ar',
  joinedAt: 0,
  removedAt: null,
};

describe('Town Hall views', () => {
  it('CAFE3-style attribution: a name only under named attribution (or for staff), the group always', () => {
    expect(personRef(person, 'named')).toEqual({ displayName: 'Amina', stakeholderGroup: 'civil-society', mode: 'remote' });
    expect(personRef(person, 'group')).toEqual({ displayName: null, stakeholderGroup: 'civil-society', mode: 'remote' });
    expect(personRef(person, 'anonymous')).toMatchObject({ displayName: null });
    expect(personRef(person, 'anonymous', true)).toMatchObject({ displayName: 'Amina' });
  });

  it('HAND7 every status from one pass: places in effective order, the floor holder apart', () => {
    let queue: SpeakerQueue = createSpeakerQueue();
    const raise = (id: string, mode: 'in-room' | 'remote', at: number) => {
      const result = raiseHand(queue, { participantId: id, mode, stakeholderGroup: 'academia' }, at);
      if (!result.ok) throw new Error(result.error.message);
      queue = result.queue;
    };
    raise('i1', 'in-room', 1);
    raise('i2', 'in-room', 2);
    raise('r1', 'remote', 3);
    const alternated = setAlternate(queue, true);
    if (!alternated.ok) throw new Error('alternate');
    queue = alternated.queue;
    expect([...handStatuses(queue)].map(([id, s]) => [id, s.position])).toEqual([
      ['i1', 0],
      ['r1', 1],
      ['i2', 2],
    ]);
    const given = giveFloor(queue, 60_000, 10);
    if (!given.ok) throw new Error('floor');
    expect(handStatuses(given.queue).get('i1')).toEqual({ raised: false, topic: null, position: null, hasFloor: true });
    expect(handStatuses(given.queue).get('r1')).toEqual({ raised: true, topic: null, position: 0, hasFloor: false });
  });
});
