import { ROLES, type Role } from './words.js';

/**
 * The one permission table (spec: PERM1). Every Socket.IO command and every HTTP endpoint
 * names one of these actions and the server checks it here before doing anything.
 * A screen on the projector authenticates as a display and is treated as an observer.
 */
export const PERMISSIONS = {
  /** Read the session, its attendance counts and one's own participant record. */
  'session:view': ROLES,
  /** See the list of people present, with names as the attribution rule allows. */
  'participants:list': ['facilitator', 'moderator'],
  /** Make someone host, moderator, rapporteur, captioner, observer or participant. */
  'participant:set-role': ['facilitator'],
  /** Remove someone from the session; their token stops working at once. */
  'participant:remove': ['facilitator'],
  /** Change one's own display name, language, mode or stakeholder group. */
  'profile:update': ROLES,
  /** Issue a new projector link (the old one stops working). */
  'projector:rotate-key': ['facilitator'],
  /** See the café's tables, rounds and whole seating plan. */
  'cafe:view-setup': ['facilitator', 'moderator'],
  /** Set the café's tables and rounds. */
  'cafe:configure': ['facilitator'],
  /** Make, re-make, edit by hand and lock the seating plan. */
  'cafe:plan': ['facilitator'],
  /** Start, pause, resume, extend and end the café's rounds. */
  'cafe:run': ['facilitator', 'moderator'],
  /** Push a live prompt to everyone or to one table. */
  'cafe:prompt': ['facilitator', 'moderator'],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof PERMISSIONS;

export const ACTIONS = Object.keys(PERMISSIONS) as Action[];

export function can(role: Role, action: Action): boolean {
  return (PERMISSIONS[action] as readonly Role[]).includes(role);
}
