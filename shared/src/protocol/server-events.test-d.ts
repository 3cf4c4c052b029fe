import { describe, expectTypeOf, it } from 'vitest';
import type { FloorView, QuestionItem } from './townhall-views.js';
import type { ServerEventName, ServerEventPayload, ServerToClientEvents, SessionState } from './index.js';

describe('SERVER_EVENTS', () => {
  it('derives ServerToClientEvents, one listener per event', () => {
    expectTypeOf<keyof ServerToClientEvents>().toEqualTypeOf<ServerEventName>();
    expectTypeOf<ServerToClientEvents['qa:question']>().toEqualTypeOf<(payload: QuestionItem) => void>();
    expectTypeOf<ServerToClientEvents['session:state']>().parameter(0).toEqualTypeOf<SessionState>();
  });

  it('gives an event without a payload a listener without arguments', () => {
    expectTypeOf<ServerEventPayload<'me:removed'>>().toEqualTypeOf<void>();
    expectTypeOf<ServerToClientEvents['me:removed']>().toEqualTypeOf<() => void>();
  });

  it('keeps null where a payload may be null', () => {
    expectTypeOf<ServerEventPayload<'floor:changed'>>().toEqualTypeOf<FloorView | null>();
    expectTypeOf<ServerEventPayload<'poll:projected'>>().toEqualTypeOf<{ pollId: string | null }>();
  });
});
