import { describe, expect, it } from 'vitest';
import { decideMakeTables, decideReplaceTables, decideSetRounds, decideSetTables, type HostCandidate, type PlanState } from './setup-decisions.js';
import { ended, NOT_STARTED, person, rounds, running, table } from '../../../../test/fixtures/cafe.js';

const candidate = (role: HostCandidate['role'], mode: HostCandidate['mode'] = 'in-room', removedAt: number | null = null): HostCandidate => ({ role, mode, removedAt });
const plan = (seating: Record<string, string[]>[], locked = false): PlanState => ({ plan: { rounds: seating }, locked });

describe('decideSetTables: the tables a facilitator sends', () => {
  const state = {
    tableIds: new Set(['a']),
    people: new Map([
      ['amina', candidate('participant')],
      ['bo', candidate('host', 'remote')],
      ['mod', candidate('moderator')],
      ['gone', candidate('participant', 'in-room', 5)],
    ]),
  };
  const input = (id: string | undefined, hostParticipantId: string | null, kind: 'in-room' | 'remote' | 'hybrid' = 'in-room') => ({
    id,
    label: 'T',
    kind,
    capacity: 4,
    hostParticipantId,
    videoUrl: null,
  });

  it('keeps known tables, adds new ones, and promotes the participants who become hosts', () => {
    expect(decideSetTables(state, [input('a', 'amina'), input(undefined, 'bo', 'hybrid'), input(undefined, null)])).toEqual({ ok: true, promoted: ['amina'] });
  });

  it('refuses an unknown table id (bad_request)', () => {
    expect(decideSetTables(state, [input('zzz', null)])).toEqual({
      ok: false,
      error: { code: 'bad_request', message: 'No table zzz in this café; leave the id out for a new table' },
    });
  });

  it('refuses one person hosting two tables', () => {
    expect(decideSetTables(state, [input(undefined, 'amina'), input(undefined, 'amina')])).toMatchObject({
      ok: false,
      error: { code: 'bad_request', message: 'A person can host only one table' },
    });
  });

  it('refuses a host who is not in the session or was removed (not_found)', () => {
    for (const id of ['nobody', 'gone']) {
      expect(decideSetTables(state, [input(undefined, id)])).toMatchObject({ ok: false, error: { code: 'not_found', message: 'The table host is not in this session' } });
    }
  });

  it('refuses a staff member as host, and a host whose mode the table does not take (SEAT2)', () => {
    expect(decideSetTables(state, [input(undefined, 'mod')])).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'A moderator cannot host a table', reason: 'cafe.roleCannotHost' },
    });
    expect(decideSetTables(state, [input(undefined, 'amina', 'remote')])).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'An in-room host cannot host an remote table', reason: 'cafe.hostModeMismatch' },
    });
    expect(decideSetTables(state, [input(undefined, 'bo', 'in-room')])).toMatchObject({ ok: false, error: { reason: 'cafe.hostModeMismatch' } });
  });

  it('reports the first problem in the order of the tables', () => {
    expect(decideSetTables(state, [input(undefined, 'mod'), input('zzz', null)])).toMatchObject({ ok: false, error: { reason: 'cafe.roleCannotHost' } });
  });
});

describe('decideMakeTables: tables for whoever is here', () => {
  it('makes in-room and remote tables of one more than the size asked, for the seated roles only', () => {
    const here = [...Array.from({ length: 6 }, (_, i) => person(`p${i}`)), person('r', 'remote'), person('m', 'remote', 'moderator'), person('o', 'in-room', 'observer')];
    const result = decideMakeTables(here, 5);
    expect(result.ok && result.tables.map((t) => [t.label, t.kind, t.capacity])).toEqual([
      ['1', 'in-room', 6],
      ['2', 'in-room', 6],
      ['3', 'remote', 6],
    ]);
  });

  it('refuses when nobody who sits at a table is here', () => {
    expect(decideMakeTables([person('f', 'in-room', 'facilitator')], 5)).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'Nobody is here yet to make tables for', reason: 'cafe.nobodyHere' },
    });
  });
});

describe('decideReplaceTables: when tables may change', () => {
  const before = [table('a', 'in-room', 4), table('b', 'remote', 4, 'h')];
  const seated = plan([{ a: ['p1', 'p2', 'p3'], b: ['h'] }]);

  it('before the start: anything goes, and the plan (which no longer fits) is dropped', () => {
    expect(decideReplaceTables({ run: NOT_STARTED, plan: seated, tables: before }, [table('c', 'hybrid', 2)])).toEqual({ ok: true, deletePlan: true });
    expect(decideReplaceTables({ run: NOT_STARTED, plan: null, tables: before }, [])).toEqual({ ok: true, deletePlan: false });
  });

  it('before the start: a locked plan must be unlocked first', () => {
    expect(decideReplaceTables({ run: NOT_STARTED, plan: plan([], true), tables: before }, before)).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'The seating plan is locked; unlock it before changing tables', reason: 'cafe.planLocked' },
    });
  });

  it('once started: renames, new capacities and links only, keeping the plan', () => {
    const renamed = [
      { ...before[1]!, label: 'Virtual', videoUrl: 'https://v.example.org' },
      { ...before[0]!, capacity: 3 },
    ];
    expect(decideReplaceTables({ run: running(1), plan: seated, tables: before }, renamed)).toEqual({ ok: true, deletePlan: false });
    for (const after of [
      [before[0]!],
      [...before, table('c', 'in-room', 4)],
      [before[0]!, { ...before[1]!, kind: 'hybrid' as const }],
      [before[0]!, { ...before[1]!, hostParticipantId: null }],
    ]) {
      expect(decideReplaceTables({ run: running(1), plan: seated, tables: before }, after)).toMatchObject({ ok: false, error: { code: 'conflict', reason: 'cafe.tablesFixed' } });
    }
  });

  it('once started: no table may shrink below the most people planned at it in any round', () => {
    expect(decideReplaceTables({ run: ended(1), plan: seated, tables: before }, [{ ...before[0]!, label: 'Oak', capacity: 2 }, before[1]!])).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'Table Oak already has more people planned than that capacity', reason: 'cafe.capacityTooSmall', params: { table: 'Oak' } },
    });
  });
});

describe('decideSetRounds: when rounds may change', () => {
  const two = [
    { question: 'Why?', durationMinutes: 20 },
    { question: 'How?', durationMinutes: 0.5 },
  ];

  it('numbers the rounds from 1 and turns minutes into whole milliseconds', () => {
    expect(decideSetRounds({ run: NOT_STARTED, plan: null, rounds: [] }, two)).toEqual({
      ok: true,
      rounds: [
        { number: 1, question: 'Why?', durationMs: 1_200_000 },
        { number: 2, question: 'How?', durationMs: 30_000 },
      ],
      deletePlan: false,
    });
  });

  it('drops a plan made for another number of rounds, unless it is locked', () => {
    expect(decideSetRounds({ run: NOT_STARTED, plan: plan([{}, {}, {}]), rounds: rounds(3) }, two)).toMatchObject({ ok: true, deletePlan: true });
    expect(decideSetRounds({ run: NOT_STARTED, plan: plan([{}, {}]), rounds: rounds(2) }, two)).toMatchObject({ ok: true, deletePlan: false });
    expect(decideSetRounds({ run: NOT_STARTED, plan: plan([{}, {}, {}], true), rounds: rounds(3) }, two)).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'The seating plan is locked; unlock it before changing the number of rounds', reason: 'cafe.planLocked' },
    });
  });

  it('once started: questions and durations change, their number does not', () => {
    expect(decideSetRounds({ run: running(1), plan: plan([{}, {}], true), rounds: rounds(2) }, two)).toMatchObject({ ok: true, deletePlan: false });
    expect(decideSetRounds({ run: running(1), plan: plan([{}, {}], true), rounds: rounds(3) }, two)).toMatchObject({
      ok: false,
      error: { code: 'conflict', reason: 'cafe.roundCountFixed' },
    });
  });
});
