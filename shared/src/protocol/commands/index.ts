import type { z } from 'zod';
import type { AckMarker, CommandSpec } from '../command-spec.js';
import { CAFE_COMMANDS } from './cafe.js';
import { CONSULTATION_COMMANDS } from './consultation.js';
import { CONTENT_COMMANDS } from './content.js';
import { HARVEST_COMMANDS } from './harvest.js';
import { HUB_COMMANDS } from './hub.js';
import { NOTEPAD_COMMANDS } from './notepad.js';
import { PROJECTOR_COMMANDS } from './projector.js';
import { RECORD_COMMANDS } from './record.js';
import { SESSION_COMMANDS } from './session.js';
import { TOWNHALL_COMMANDS } from './townhall.js';

/**
 * Every command, once: its payload schema, permission, ack, rate class and HTTP route. The
 * Socket.IO event map, the server's registration and the HTTP routes are all derived from it.
 */
export const COMMANDS = {
  ...SESSION_COMMANDS,
  ...CAFE_COMMANDS,
  ...NOTEPAD_COMMANDS,
  ...TOWNHALL_COMMANDS,
  ...RECORD_COMMANDS,
  ...HARVEST_COMMANDS,
  ...PROJECTOR_COMMANDS,
  ...CONSULTATION_COMMANDS,
  ...CONTENT_COMMANDS,
  ...HUB_COMMANDS,
} as const satisfies Record<string, CommandSpec>;

export type Commands = typeof COMMANDS;
export type CommandName = keyof Commands;
/** What a client may send (before defaults). */
export type CommandPayload<K extends CommandName> = z.input<Commands[K]['schema']>;
/** What a handler receives, parsed (defaults filled in). */
export type CommandInput<K extends CommandName> = z.output<Commands[K]['schema']>;
/** The success body of the ack, without `ok`; also the JSON of the HTTP answer. */
export type CommandAck<K extends CommandName> = Commands[K]['ack'] extends AckMarker<infer T> ? T : never;
/** The commands that are also HTTP endpoints. */
export type RoutedCommand = { [K in CommandName]: Commands[K] extends { http: object } ? K : never }[CommandName];

export const COMMAND_NAMES = Object.keys(COMMANDS) as CommandName[];
