import type { AckCallback } from './errors.js';
import type { CommandAck, CommandName, CommandPayload } from './commands/index.js';
import type { ServerEventName, ServerEventPayload } from './server-events.js';
import type { CaptionView } from './townhall-views.js';

export * from './errors.js';
export * from './schemas.js';
export * from './views.js';
export * from './cafe.js';
export * from './townhall.js';
export * from './townhall-views.js';
export * from './consultation.js';
export * from './consultation-views.js';
export * from './record.js';
export * from './notepad.js';
export * from './harvest.js';
export * from './projector.js';
export * from './content.js';
export * from './hub.js';
export { ack, type AckMarker, type CommandSpec, type HttpMethod, type HttpRoute, type PathParam, type PathParams, type RateClass } from './command-spec.js';
export { event, type PayloadMarker } from './server-event-spec.js';
export { COMMANDS, COMMAND_NAMES, type CommandAck, type CommandInput, type CommandName, type CommandPayload, type Commands, type RoutedCommand } from './commands/index.js';
export { SERVER_EVENTS, type ServerEventName, type ServerEventPayload } from './server-events.js';

/**
 * Commands a client sends, derived from COMMANDS. Every one is acked `{ ok: true, … }` or
 * `{ ok: false, error }`. The payload types are what a client may send; the server never trusts
 * them and parses each payload with the command's schema.
 */
export type ClientToServerEvents = {
  [K in CommandName]: (payload: CommandPayload<K>, ack: AckCallback<CommandAck<K>>) => void;
};

/** Events the server pushes, derived from SERVER_EVENTS. */
export type ServerToClientEvents = {
  [K in ServerEventName]: [ServerEventPayload<K>] extends [void] ? () => void : (payload: ServerEventPayload<K>) => void;
};

/** Between the nodes of a cluster (serverSideEmit): what each node's plain-text caption streams hear (CAPS34). */
export interface InterServerEvents {
  'caption:lines': (sessionId: string, captions: CaptionView[]) => void;
}

/** What the server keeps on each socket; only ids, so state is never stale in one process. */
export interface SocketData {
  sessionId: string;
  /** null for the projector display. */
  participantId: string | null;
}
export * from './series.js';
