import type { CommandAck, CommandName } from '@open-talks/shared/protocol';

// The client's names for a command's types, all read off the protocol's command table.

export type { CommandPayload } from '@open-talks/shared/protocol';
export type Command = CommandName;
/** What a successful ack carries: `{ ok: true, …body }`. */
export type CommandSuccess<K extends Command> = { ok: true } & CommandAck<K>;
