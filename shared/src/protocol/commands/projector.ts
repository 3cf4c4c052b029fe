import type { ProjectorChoice } from '../../domain/projector.js';
import { ack, type CommandSpec } from '../command-spec.js';
import { projectorShowPayload } from '../projector.js';

/** The room's big screen. */
export const PROJECTOR_COMMANDS = {
  /** PROJ1–PROJ6: the facilitator (or a moderator) chooses what the projector shows, or `auto`. */
  'projector:show': {
    schema: projectorShowPayload,
    action: 'projector:show',
    ack: ack<{ projector: ProjectorChoice }>(),
    http: { method: 'put', path: '/sessions/:id/projector' },
  },
} as const satisfies Record<string, CommandSpec>;
