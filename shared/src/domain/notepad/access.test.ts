import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../words.js';
import { isSeatedAt, mayCurateTableIdeas, notepadAccess, type NotepadCafeFacts, type NotepadViewer } from './access.js';
import { ideaAttribution, mayCurateIdeas, moveIndex } from './ideas.js';
import { notepadRoomName, parseNotepadRoom, type NotepadRoom } from './room.js';

const S = 'sess1';
// Two tables, three rounds; Tom hosts table A; Ann sits at A in round 1 and at B in round 2.
const cafe: NotepadCafeFacts = {
  tables: [
    { id: 'A', hostParticipantId: 'tom' },
    { id: 'B', hostParticipantId: null },
  ],
  roundCount: 3,
  currentRound: 1,
  observerNotes: true,
  plan: {
    rounds: [
      { A: ['tom', 'ann'], B: ['bob'] },
      { A: ['tom', 'bob'], B: ['ann'] },
      { A: ['tom'], B: ['ann', 'bob'] },
    ],
  },
};
const table = (tableId: string, round: number): NotepadRoom => ({ kind: 'table', sessionId: S, tableId, round });
const harvest: NotepadRoom = { kind: 'harvest', sessionId: S };
const synthesis: NotepadRoom = { kind: 'synthesis', sessionId: S };
const who = (id: string, role: Role, removed = false): NotepadViewer => ({ sessionId: S, participant: { id, role, removed } });
const display: NotepadViewer = { sessionId: S, participant: null };

describe('NOTE1 room names', () => {
  it('NOTE1 parses and formats the three kinds of room', () => {
    for (const room of [table('tbl_1', 2), harvest, synthesis]) expect(parseNotepadRoom(notepadRoomName(room))).toEqual(room);
  });
  it('NOTE1 refuses anything else', () => {
    for (const name of [
      '',
      'session/a',
      'session/a/table/b/round/0',
      'session/a/table/b/round/x',
      'session/a/b/harvest',
      'session/../harvest',
      'session/a/harvest/',
      `session/${'x'.repeat(65)}/harvest`,
    ]) {
      expect(parseNotepadRoom(name)).toBeNull();
    }
  });
  it('NOTE1 a token of another session gets nothing', () => {
    expect(notepadAccess({ sessionId: 'other', participant: { id: 'f', role: 'facilitator', removed: false } }, harvest, cafe)).toEqual({
      access: 'none',
      refusal: 'other-session',
    });
  });
});

describe('NOTE2 NOTE3 table notepads', () => {
  it('NOTE2 facilitator, moderator and rapporteur write at every table in every round', () => {
    for (const role of ['facilitator', 'moderator', 'rapporteur'] as const) {
      for (const round of [1, 2, 3]) expect(notepadAccess(who('x', role), table('B', round), cafe).access).toBe('write');
    }
  });
  it('NOTE2 SEAT11 a hub writes at its own table, where the plan seats it, for its room; not at others', () => {
    const withHub: NotepadCafeFacts = { ...cafe, tables: [...cafe.tables, { id: 'H', hostParticipantId: null }], plan: { rounds: [{ ...cafe.plan!.rounds[0], H: ['hub1'] }] } };
    expect(notepadAccess(who('hub1', 'hub'), table('H', 1), withHub).access).toBe('write');
    expect(mayCurateTableIdeas(who('hub1', 'hub'), { kind: 'table', sessionId: S, tableId: 'H', round: 1 }, withHub)).toBe(true);
    expect(notepadAccess(who('hub1', 'hub'), table('A', 1), withHub).access).toBe('read');
  });

  it('NOTE2 a seated participant writes at their table in the current round only', () => {
    expect(notepadAccess(who('ann', 'participant'), table('A', 1), cafe).access).toBe('write');
    expect(notepadAccess(who('ann', 'participant'), table('B', 1), cafe).access).toBe('read');
    expect(notepadAccess(who('ann', 'participant'), table('B', 2), cafe).access).toBe('read'); // not yet
    const round2 = { ...cafe, currentRound: 2 };
    expect(notepadAccess(who('ann', 'participant'), table('B', 2), round2).access).toBe('write');
    expect(notepadAccess(who('ann', 'participant'), table('A', 1), round2).access).toBe('read'); // moved on
  });
  it('NOTE2 the host writes at their own table, in the current round, even where the plan leaves them out', () => {
    const hostOnly = { ...cafe, plan: null };
    expect(notepadAccess(who('tom', 'host'), table('A', 1), hostOnly).access).toBe('write');
    expect(notepadAccess(who('tom', 'host'), table('B', 1), hostOnly).access).toBe('read');
    expect(notepadAccess(who('tom', 'host'), table('A', 2), hostOnly).access).toBe('read');
  });
  it('NOTE2 nobody seated writes before the café starts', () => {
    expect(notepadAccess(who('ann', 'participant'), table('A', 1), { ...cafe, currentRound: 0 }).access).toBe('read');
  });
  it('NOTE2 a seated captioner or observer still only reads', () => {
    const odd = { ...cafe, plan: { rounds: [{ A: ['cap', 'obs'], B: [] }] } };
    expect(notepadAccess(who('cap', 'captioner'), table('A', 1), odd).access).toBe('read');
    expect(notepadAccess(who('obs', 'observer'), table('A', 1), odd).access).toBe('read');
  });
  it('NOTE3 everyone else in the session, and the projector, read', () => {
    for (const role of ROLES) expect(notepadAccess(who('zed', role), table('A', 1), cafe).access).not.toBe('none');
    expect(notepadAccess(display, table('A', 1), cafe).access).toBe('read');
  });
  it("NOTE3 observers read the tables' notes only while the session lets them; the harvest stays readable", () => {
    const closed = { ...cafe, observerNotes: false };
    expect(notepadAccess(who('obs', 'observer'), table('A', 1), closed)).toEqual({ access: 'none', refusal: 'not-allowed' });
    expect(notepadAccess(who('obs', 'observer'), harvest, closed).access).toBe('read');
    for (const role of ROLES.filter((r) => r !== 'observer')) expect(notepadAccess(who('zed', role), table('A', 1), closed).access).not.toBe('none');
    expect(notepadAccess(display, table('A', 1), closed).access).toBe('read');
  });
  it('NOTE3 a table or round that does not exist is refused', () => {
    expect(notepadAccess(who('f', 'facilitator'), table('Z', 1), cafe)).toEqual({ access: 'none', refusal: 'no-such-room' });
    expect(notepadAccess(who('f', 'facilitator'), table('A', 4), cafe)).toEqual({ access: 'none', refusal: 'no-such-room' });
  });
  it('isSeatedAt reads the plan per round from 1', () => {
    expect(isSeatedAt(cafe, 'bob', 'B', 1)).toBe(true);
    expect(isSeatedAt(cafe, 'bob', 'B', 2)).toBe(false);
    expect(isSeatedAt(cafe, 'tom', 'A', 3)).toBe(true);
  });
});

describe('NOTE4 NOTE5 harvest and synthesis', () => {
  const expected: Record<Role, [harvest: string, synthesis: string]> = {
    facilitator: ['write', 'write'],
    moderator: ['read', 'read'],
    host: ['read', 'none'],
    participant: ['read', 'none'],
    rapporteur: ['write', 'write'],
    captioner: ['read', 'none'],
    translator: ['read', 'none'],
    hub: ['read', 'none'],
    observer: ['read', 'none'],
  };
  for (const role of ROLES) {
    it(`NOTE4 NOTE5 a ${role}: harvest ${expected[role][0]}, synthesis ${expected[role][1]}`, () => {
      expect(notepadAccess(who('x', role), harvest, cafe).access).toBe(expected[role][0]);
      expect(notepadAccess(who('x', role), synthesis, cafe).access).toBe(expected[role][1]);
    });
  }
  it('NOTE4 NOTE5 the projector shows the harvest but not the synthesis', () => {
    expect(notepadAccess(display, harvest, cafe).access).toBe('read');
    expect(notepadAccess(display, synthesis, cafe).access).toBe('none');
  });
});

describe('NOTE6 removed people', () => {
  it('NOTE6 a removed person gets nothing anywhere, whatever their role', () => {
    for (const role of ROLES) {
      for (const room of [table('A', 1), harvest, synthesis]) {
        expect(notepadAccess(who('ann', role, true), room, cafe)).toEqual({ access: 'none', refusal: 'removed' });
      }
    }
  });
});

describe('NOTE8 key ideas', () => {
  it('NOTE8 attribution decides what an idea records of its author', () => {
    const person = { displayName: 'Amal', stakeholderGroup: 'academia' };
    expect(ideaAttribution('named', person)).toEqual({ author: 'Amal', group: 'academia' });
    expect(ideaAttribution('group', person)).toEqual({ author: null, group: 'academia' });
    expect(ideaAttribution('anonymous', person)).toEqual({ author: null, group: null });
  });
  it('NOTE8 the host curates, or anyone writing at a table without a host', () => {
    expect(mayCurateIdeas({ canWrite: true, hasHost: true, isHost: false, isStaff: false })).toBe(false);
    expect(mayCurateIdeas({ canWrite: true, hasHost: true, isHost: true, isStaff: false })).toBe(true);
    expect(mayCurateIdeas({ canWrite: true, hasHost: false, isHost: false, isStaff: false })).toBe(true);
    expect(mayCurateIdeas({ canWrite: true, hasHost: true, isHost: false, isStaff: true })).toBe(true);
    expect(mayCurateIdeas({ canWrite: false, hasHost: false, isHost: true, isStaff: true })).toBe(false);
  });
  it('moveIndex clamps to the list', () => {
    expect(moveIndex(3, 0, -1)).toBe(0);
    expect(moveIndex(3, 0, 1)).toBe(1);
    expect(moveIndex(3, 2, 1)).toBe(2);
  });
});

describe('IDEA2 who curates a table’s key ideas', () => {
  const tableRoom = (tableId: string, round: number) => ({ kind: 'table' as const, sessionId: S, tableId, round });
  it('IDEA2 at a hosted table the host and staff curate; a seated participant does not', () => {
    expect(mayCurateTableIdeas(who('tom', 'host'), tableRoom('A', 1), cafe)).toBe(true);
    expect(mayCurateTableIdeas(who('ann', 'participant'), tableRoom('A', 1), cafe)).toBe(false);
    for (const role of ['facilitator', 'moderator', 'rapporteur'] as const) expect(mayCurateTableIdeas(who('s', role), tableRoom('A', 1), cafe)).toBe(true);
  });
  it('IDEA2 at a table without a host anyone writing there curates; nobody curates without write access', () => {
    expect(mayCurateTableIdeas(who('bob', 'participant'), tableRoom('B', 1), cafe)).toBe(true);
    expect(mayCurateTableIdeas(who('ann', 'participant'), tableRoom('B', 1), cafe)).toBe(false); // not seated there now
    expect(mayCurateTableIdeas(who('bob', 'participant'), tableRoom('B', 2), cafe)).toBe(false); // not the current round
    expect(mayCurateTableIdeas(who('o', 'observer'), tableRoom('B', 1), cafe)).toBe(false);
    expect(mayCurateTableIdeas(display, tableRoom('B', 1), cafe)).toBe(false);
  });
});
