import type { z } from 'zod';
import type { Action } from '../domain/permissions.js';
import { emptyPayload, profileUpdateBody, removePayload, setRolePayload } from './schemas.js';
import { extendRoundPayload, promptPayload, lockPayload, makeTablesPayload, movePayload, planPayload, setRoundsPayload, setTablesPayload } from './cafe.js';
import type { ClientToServerEvents } from './index.js';

export type CommandName = keyof ClientToServerEvents;

/** Each command's payload schema and the permission it needs: the server's single source. */
export const COMMANDS = {
  'session:sync': { schema: emptyPayload, action: 'session:view' },
  'participant:list': { schema: emptyPayload, action: 'participants:list' },
  'participant:set-role': { schema: setRolePayload, action: 'participant:set-role' },
  'participant:remove': { schema: removePayload, action: 'participant:remove' },
  'profile:update': { schema: profileUpdateBody, action: 'profile:update' },
  'projector:rotate-key': { schema: emptyPayload, action: 'projector:rotate-key' },
  'cafe:get': { schema: emptyPayload, action: 'cafe:view-setup' },
  'cafe:set-tables': { schema: setTablesPayload, action: 'cafe:configure' },
  'cafe:make-tables': { schema: makeTablesPayload, action: 'cafe:configure' },
  'cafe:set-rounds': { schema: setRoundsPayload, action: 'cafe:configure' },
  'cafe:plan': { schema: planPayload, action: 'cafe:plan' },
  'cafe:move': { schema: movePayload, action: 'cafe:plan' },
  'cafe:lock': { schema: lockPayload, action: 'cafe:plan' },
  'cafe:start-round': { schema: emptyPayload, action: 'cafe:run' },
  'cafe:pause-round': { schema: emptyPayload, action: 'cafe:run' },
  'cafe:resume-round': { schema: emptyPayload, action: 'cafe:run' },
  'cafe:extend-round': { schema: extendRoundPayload, action: 'cafe:run' },
  'cafe:end-round': { schema: emptyPayload, action: 'cafe:run' },
  'cafe:prompt': { schema: promptPayload, action: 'cafe:prompt' },
  'clock:ping': { schema: emptyPayload, action: 'session:view' },
} as const satisfies Record<CommandName, { schema: z.ZodType; action: Action }>;
