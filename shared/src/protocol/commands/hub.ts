import { ack, type CommandSpec } from '../command-spec.js';
import { hubUpdatePayload } from '../hub.js';
import type { ParticipantView } from '../views.js';

/** Remote hubs (docs/hubs.md): the coordinator keeps the hub's registration current (its headcount, say). */
export const HUB_COMMANDS = {
  'hub:update': { schema: hubUpdatePayload, action: 'hub:update', ack: ack<{ participant: ParticipantView }>(), http: { method: 'patch', path: '/sessions/:id/hub' } },
} as const satisfies Record<string, CommandSpec>;
