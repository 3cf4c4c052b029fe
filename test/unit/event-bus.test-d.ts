import { describe, expectTypeOf, it } from 'vitest';
import { EventBus } from '../../server/src/events/bus.js';
import type { BusEvents } from '../../server/src/events/types.js';

// The bus is typed by BusEvents: a publisher cannot send a payload its subscribers do not expect.

declare const bus: EventBus;

describe('EventBus types', () => {
  it('subscribers receive the payload type of their event', () => {
    bus.subscribe('cafe:setup-changed', (payload) => {
      expectTypeOf(payload).toEqualTypeOf<BusEvents['cafe:setup-changed']>();
    });
    bus.subscribe('townhall:voted', (payload) => {
      expectTypeOf(payload).toEqualTypeOf<{ participantId: string; questionId: string; voted: boolean }>();
    });
    expectTypeOf(bus.subscribe('cafe:setup-changed', () => {})).toEqualTypeOf<() => void>();
  });

  it('publishing a wrong payload or an unknown event does not compile', () => {
    bus.publish('cafe:setup-changed', { sessionId: 's' });
    // @ts-expect-error: sessionId must be a string
    bus.publish('cafe:setup-changed', { sessionId: 1 });
    // @ts-expect-error: a payload of another event
    bus.publish('cafe:setup-changed', { participantId: 'p', questionId: 'q', voted: true });
    // @ts-expect-error: the payload is required
    bus.publish('townhall:votes');
    // @ts-expect-error: no such event
    bus.publish('cafe:no-such-event', { sessionId: 's' });
    // @ts-expect-error: a subscriber cannot expect another event's payload
    bus.subscribe('cafe:setup-changed', (payload: BusEvents['townhall:voted']) => void payload);
  });

  it('publishAndWait returns a promise; publish returns nothing', () => {
    expectTypeOf(bus.publishAndWait('cafe:setup-changed', { sessionId: 's' })).toEqualTypeOf<Promise<void>>();
    expectTypeOf(bus.publish('cafe:setup-changed', { sessionId: 's' })).toEqualTypeOf<void>();
  });
});
