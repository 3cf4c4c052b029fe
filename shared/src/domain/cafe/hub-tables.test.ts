import { describe, expect, it } from 'vitest';
import { planSeating } from '../seating/planner.js';
import { reseatPerson } from './reseat.js';
import { hubTableFor, keepHubTables, seatingParticipants, type CafeTable, type PersonForSeating } from './setup.js';
import { table } from '../../../../test/fixtures/cafe.js';

const hubTable = (id: string, hub: string, label = 'Hub 1'): CafeTable => ({ ...table(id, 'remote', 1), label, hubParticipantId: hub });
const hub: PersonForSeating = { id: 'hub1', role: 'hub', mode: 'remote', stakeholderGroup: 'academia' };

describe('hubs’ own tables in a café (HUB50, SEAT11)', () => {
  it('HUB50 a hub with no table gets a remote table of one seat: its name under named, "Hub N" otherwise', () => {
    const tables = [table('a', 'in-room', 5), hubTable('h1', 'hubX')];
    expect(hubTableFor(tables, { id: 'hub1', name: 'Nairobi hub' }, true)).toEqual({
      label: 'Nairobi hub',
      kind: 'remote',
      capacity: 1,
      hostParticipantId: null,
      videoUrl: null,
      hubParticipantId: 'hub1',
    });
    expect(hubTableFor(tables, { id: 'hub1', name: 'Nairobi hub' }, false)?.label).toBe('Hub 2');
    expect(hubTableFor([...tables, hubTable('h2', 'hub1')], { id: 'hub1', name: 'Nairobi hub' }, true)).toBeNull();
  });

  it('HUB50 the facilitator’s tables keep the hubs’ tables: renamed or given a link, never changed otherwise, never dropped', () => {
    const existing = [table('a', 'in-room', 5), hubTable('h1', 'hub1')];
    const sent: CafeTable[] = [{ ...table('b', 'hybrid', 6) }, { ...table('h1', 'hybrid', 9, 'someone'), label: 'Our hub', videoUrl: 'https://meet.example.org/h' }];
    expect(keepHubTables(existing, sent)).toEqual([table('b', 'hybrid', 6), { ...hubTable('h1', 'hub1', 'Our hub'), videoUrl: 'https://meet.example.org/h' }]);
    expect(keepHubTables(existing, [table('c', 'in-room', 4)])).toEqual([table('c', 'in-room', 4), hubTable('h1', 'hub1')]);
  });

  it('SEAT11 a hub is seated only when it has its table; reseating puts it there and nowhere else', () => {
    const tables = [table('a', 'remote', 4), hubTable('h1', 'hub1')];
    expect(seatingParticipants([hub], [table('a', 'remote', 4)])).toEqual([]);
    expect(seatingParticipants([hub], tables)).toEqual([{ id: 'hub1', mode: 'remote', stakeholderGroup: 'academia', hostTableId: undefined }]);
    const planned = planSeating({ participants: [], tables, rounds: 2, seed: 1 });
    expect(planned.ok).toBe(true);
    if (!planned.ok) return;
    const seated = reseatPerson(planned.plan, 0, 'hub1', hub, tables);
    expect(seated).toMatchObject({
      changed: true,
      seated: true,
      plan: {
        rounds: [
          { a: [], h1: ['hub1'] },
          { a: [], h1: ['hub1'] },
        ],
      },
    });
    // A guest whom a hand edit put at the hub's table is moved off it.
    const guest: PersonForSeating = { id: 'g', role: 'participant', mode: 'remote', stakeholderGroup: 'other' };
    const moved = reseatPerson({ rounds: [{ a: [], h1: ['g'] }] }, 0, 'g', guest, tables);
    expect(moved).toMatchObject({ changed: true, plan: { rounds: [{ a: ['g'], h1: [] }] } });
  });
});
