import { describe, expectTypeOf, it } from 'vitest';
import type { PollItem, QuestionItem, QueueView } from './townhall-views.js';
import type { AckCallback, ClientToServerEvents, CommandAck, CommandInput, CommandName, CommandPayload, Commands, PathParam, PathParams, RoutedCommand } from './index.js';

// The command table's derived types (as socket.io tests its event maps): a wrong table fails here.

type Route<K extends RoutedCommand> = Commands[K]['http'];
type Params<K extends RoutedCommand> = Route<K> extends { params: infer P } ? P : Record<never, never>;
/** The payload fields a route's path fills: each path parameter's target. */
type PathTargets<K extends RoutedCommand> = {
  [P in PathParams<Route<K>['path']>]: P extends keyof Params<K> ? (Params<K>[P] extends string ? Params<K>[P] : Params<K>[P] extends { field: infer F } ? F : never) : P;
}[PathParams<Route<K>['path']>];

describe('COMMANDS', () => {
  it('gives each command its payload before and after parsing', () => {
    expectTypeOf<CommandPayload<'qa:ask'>>().toEqualTypeOf<{ text: string; anonymous?: boolean | undefined; language?: string | undefined }>();
    expectTypeOf<CommandInput<'qa:ask'>>().toEqualTypeOf<{ text: string; anonymous: boolean; language?: string | undefined }>();
    expectTypeOf<CommandInput<'qa:merge'>>().toEqualTypeOf<{ sourceId: string; targetId: string }>();
    expectTypeOf<CommandPayload<'session:sync'>>().toEqualTypeOf<Record<string, never>>();
  });

  it('gives each command its ack', () => {
    expectTypeOf<CommandAck<'qa:ask'>>().toEqualTypeOf<{ question: QuestionItem }>();
    expectTypeOf<CommandAck<'qa:vote'>>().toEqualTypeOf<{ questionId: string; votes: number }>();
    expectTypeOf<CommandAck<'hand:dismiss'>>().toEqualTypeOf<{ queue: QueueView }>();
    expectTypeOf<CommandAck<'poll:open'>>().toEqualTypeOf<{ poll: PollItem }>();
    expectTypeOf<CommandAck<'qa:unpin'>>().toEqualTypeOf<object>();
  });

  it('derives ClientToServerEvents, one event per command', () => {
    expectTypeOf<keyof ClientToServerEvents>().toEqualTypeOf<CommandName>();
    expectTypeOf<ClientToServerEvents['qa:ask']>().toEqualTypeOf<(payload: CommandPayload<'qa:ask'>, ack: AckCallback<{ question: QuestionItem }>) => void>();
    expectTypeOf<ClientToServerEvents['clock:ping']>().parameter(1).toEqualTypeOf<AckCallback<{ serverTime: number }>>();
  });

  it('carries the rate class of the limited commands only', () => {
    expectTypeOf<Commands['qa:ask']['rate']>().toEqualTypeOf<'ask'>();
    expectTypeOf<Commands['qa:vote']['rate']>().toEqualTypeOf<'vote'>();
    expectTypeOf<Commands['poll:vote']['rate']>().toEqualTypeOf<'vote'>();
    expectTypeOf<Commands['hand:raise']['rate']>().toEqualTypeOf<'hand'>();
    expectTypeOf<Commands['hand:lower']>().not.toHaveProperty('rate');
  });

  it('routes what has a route, and nothing else', () => {
    expectTypeOf<Route<'qa:ask'>>().toEqualTypeOf<{ readonly method: 'post'; readonly path: '/sessions/:id/townhall/questions'; readonly status: 201 }>();
    expectTypeOf<Params<'qa:merge'>>().toEqualTypeOf<{ readonly questionId: 'sourceId' }>();
    expectTypeOf<Commands['session:sync']>().not.toHaveProperty('http');
    expectTypeOf<Commands['projector:rotate-key']>().not.toHaveProperty('http');
    expectTypeOf<'record:publish'>().not.toExtend<RoutedCommand>();
    expectTypeOf<'hand:move'>().toExtend<RoutedCommand>();
  });

  it('reads path parameters, the session aside', () => {
    expectTypeOf<PathParams<'/sessions/:id/townhall/queue/:handle/move'>>().toEqualTypeOf<'handle'>();
    expectTypeOf<PathParams<'/sessions/:id/cafe/tables/:tableId/rounds/:round/ideas/:ideaId'>>().toEqualTypeOf<'tableId' | 'round' | 'ideaId'>();
    expectTypeOf<PathParams<'/sessions/:id'>>().toBeNever();
  });

  it('maps every path parameter to a field of the payload, and only parameters the path has', () => {
    type Stray = { [K in RoutedCommand]: Exclude<PathTargets<K>, keyof CommandInput<K>> }[RoutedCommand];
    expectTypeOf<Stray>().toBeNever();
    type Unknown = { [K in RoutedCommand]: Exclude<keyof Params<K>, PathParams<Route<K>['path']>> }[RoutedCommand];
    expectTypeOf<Unknown>().toBeNever();
    expectTypeOf<Params<'notepad:add-idea'>['round']>().toExtend<PathParam>();
  });
});
