import { ack, type CommandSpec } from '../command-spec.js';
import { emptyPayload, profileUpdateBody, removePayload, sessionSettingsBody, setRolePayload } from '../schemas.js';
import type { ParticipantView, SessionState, SessionView } from '../views.js';

/** The session, its people and the clock. */
export const SESSION_COMMANDS = {
  'session:sync': { schema: emptyPayload, action: 'session:view', ack: ack<{ state: SessionState }>() },
  'participant:list': { schema: emptyPayload, action: 'participants:list', ack: ack<{ participants: ParticipantView[] }>() },
  'participant:set-role': {
    schema: setRolePayload,
    action: 'participant:set-role',
    ack: ack<{ participant: ParticipantView }>(),
    http: { method: 'patch', path: '/sessions/:id/participants/:participantId' },
  },
  'participant:remove': {
    schema: removePayload,
    action: 'participant:remove',
    ack: ack(),
    http: { method: 'delete', path: '/sessions/:id/participants/:participantId', status: 204 },
  },
  'profile:update': { schema: profileUpdateBody, action: 'profile:update', ack: ack<{ participant: ParticipantView }>(), http: { method: 'patch', path: '/sessions/:id/me' } },
  // POST /sessions/:id/projector-key answers a link besides the key: a route of its own (routes/sessions.ts).
  'projector:rotate-key': { schema: emptyPayload, action: 'projector:rotate-key', ack: ack<{ projectorKey: string }>() },
  'session:configure': { schema: sessionSettingsBody, action: 'session:configure', ack: ack<{ session: SessionView }>(), http: { method: 'patch', path: '/sessions/:id' } },
  /** The server's clock, for the client's offset estimate (TIME9). */
  'clock:ping': { schema: emptyPayload, action: 'session:view', ack: ack<{ serverTime: number }>() },
} as const satisfies Record<string, CommandSpec>;
