import { describe, expect, it } from 'vitest';
import { ACTIONS, PERMISSIONS, can, type Action } from './permissions.js';
import { ROLES, type Role } from './words.js';

// The table as the product means it (spec PERM1), written out by hand so that an
// accidental edit of PERMISSIONS shows up here as a failing expectation.
const EXPECTED: Record<Action, readonly Role[]> = {
  'session:view': ROLES,
  'participants:list': ['facilitator', 'moderator'],
  'participant:set-role': ['facilitator'],
  'participant:remove': ['facilitator'],
  'profile:update': ROLES,
  'session:configure': ['facilitator'],
  'projector:rotate-key': ['facilitator'],
  'projector:show': ['facilitator', 'moderator'],
  'cafe:view-setup': ['facilitator', 'moderator'],
  'cafe:configure': ['facilitator'],
  'cafe:plan': ['facilitator'],
  'cafe:run': ['facilitator', 'moderator'],
  'cafe:prompt': ['facilitator', 'moderator'],
  'notepad:add-idea': ['facilitator', 'moderator', 'rapporteur', 'host', 'participant', 'hub'],
  'notepad:curate-ideas': ['facilitator', 'moderator', 'rapporteur', 'host', 'participant', 'hub'],
  'notepad:set-language': ['facilitator', 'moderator', 'rapporteur', 'host', 'participant', 'hub'],
  'qa:ask': ['facilitator', 'moderator', 'host', 'participant', 'rapporteur', 'captioner', 'translator', 'hub'],
  'qa:vote': ['facilitator', 'moderator', 'host', 'participant', 'rapporteur', 'captioner', 'translator', 'hub'],
  'qa:moderate': ['facilitator', 'moderator'],
  'hand:raise': ['facilitator', 'moderator', 'host', 'participant', 'rapporteur', 'captioner', 'translator', 'hub'],
  'hand:manage': ['facilitator', 'moderator'],
  'poll:manage': ['facilitator', 'moderator'],
  'poll:vote': ['facilitator', 'moderator', 'host', 'participant', 'rapporteur', 'captioner', 'translator', 'hub'],
  'caption:write': ['facilitator', 'moderator', 'captioner'],
  'agenda:manage': ['facilitator'],
  'townhall:configure': ['facilitator'],
  'record:export': ['facilitator', 'rapporteur'],
  'record:publish': ['facilitator'],
  'harvest:suggest-themes': ['facilitator', 'rapporteur'],
  'consultation:configure': ['facilitator'],
  'consultation:contribute': ['facilitator', 'moderator', 'host', 'participant', 'rapporteur', 'captioner', 'translator', 'hub'],
  'consultation:moderate': ['facilitator', 'moderator'],
  'consultation:respond': ['facilitator'],
  'content:translate': ['facilitator', 'moderator', 'translator'],
  'content:machine-translate': ROLES,
  'content:retag': ['facilitator', 'moderator', 'host', 'participant', 'rapporteur', 'captioner', 'translator', 'hub'],
  'hub:update': ['hub'],
  'series:view': ['facilitator', 'rapporteur'],
  'series:configure': ['facilitator'],
  'series:draft': ['facilitator', 'rapporteur'],
  'series:finalise': ['facilitator', 'rapporteur'],
  'series:publish': ['facilitator'],
};

describe('PERM1 permission table', () => {
  it('PERM1 lists every action once', () => {
    expect([...ACTIONS].sort()).toEqual(Object.keys(EXPECTED).sort());
    expect(new Set(ACTIONS).size).toBe(ACTIONS.length);
  });

  it('PERM1 names only known roles', () => {
    for (const action of ACTIONS) {
      for (const role of PERMISSIONS[action]) expect(ROLES).toContain(role);
    }
  });

  for (const action of Object.keys(EXPECTED) as Action[]) {
    for (const role of ROLES) {
      const allowed = EXPECTED[action].includes(role);
      it(`PERM1 ${role} ${allowed ? 'may' : 'may not'} ${action}`, () => {
        expect(can(role, action)).toBe(allowed);
      });
    }
  }

  it('PERM1 only the facilitator may change roles, remove people or rotate the projector key', () => {
    for (const action of ['participant:set-role', 'participant:remove', 'projector:rotate-key'] as const) {
      expect(ROLES.filter((role) => can(role, action))).toEqual(['facilitator']);
    }
  });

  it('PERM1 an observer (and so the projector display) may only view, edit its own profile and ask for a machine translation', () => {
    expect(ACTIONS.filter((action) => can('observer', action)).sort()).toEqual(['content:machine-translate', 'profile:update', 'session:view']);
  });

  it("PERM1 the facilitator may do everything but update a hub's registration, which is its coordinator's (HUB3)", () => {
    for (const action of ACTIONS) expect(can('facilitator', action)).toBe(action !== 'hub:update');
  });
});
