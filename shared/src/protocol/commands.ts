import type { z } from 'zod';
import type { Action } from '../domain/permissions.js';
import { emptyPayload, profileUpdateBody, removePayload, setRolePayload } from './schemas.js';
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
} as const satisfies Record<CommandName, { schema: z.ZodType; action: Action }>;
