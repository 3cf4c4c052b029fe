import type { ClientToServerEvents } from '@open-talks/shared/protocol';

// A command's types read off the event map, in one place for the client. (The protocol's own
// `CommandAck<K>`, the success body, can replace `CommandSuccess` once the command table has it.)

export type Command = keyof ClientToServerEvents;
export type CommandPayload<K extends Command> = Parameters<ClientToServerEvents[K]>[0];
/** Everything an ack may be: `{ ok: true, …body }` or `{ ok: false, error }`. */
export type CommandAck<K extends Command> = Parameters<Parameters<ClientToServerEvents[K]>[1]>[0];
export type CommandSuccess<K extends Command> = Extract<CommandAck<K>, { ok: true }>;
