import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planSeating } from '../seating/planner.js';
import { STAKEHOLDER_GROUPS } from '../words.js';
import { reseatPerson } from './reseat.js';
import { person, table } from '../../../../test/fixtures/cafe.js';

const tableOf = (round: Record<string, string[]>, id: string) => Object.entries(round).find(([, ids]) => ids.includes(id))?.[0];

describe('CAFE4 reseatPerson keeps the running plan in step with who is there', () => {
  const tables = [table('a', 'in-room', 3), table('b', 'in-room', 3), table('v', 'remote', 3)];
  const plan = {
    rounds: [
      { a: ['p1', 'p2'], b: ['p3'], v: ['r1'] },
      { a: ['p1', 'p3'], b: ['p2'], v: ['r1'] },
    ],
  };

  it('CAFE4 seats a late arrival from the focus round on', () => {
    const result = reseatPerson(plan, 1, 'new', person('new', 'in-room'), tables);
    expect(result).toMatchObject({ changed: true, seated: true });
    if (!result.changed) return;
    expect(result.plan.rounds[0]).toEqual(plan.rounds[0]);
    expect(result.plan.rounds[1]!.b).toEqual(['p2', 'new']);
  });

  it('CAFE4 frees the seat of someone removed or made observer, from the focus round on only', () => {
    for (const who of [null, person('p2', 'in-room', 'observer')]) {
      const result = reseatPerson(plan, 1, 'p2', who, tables);
      expect(result).toMatchObject({ changed: true, seated: false });
      if (!result.changed) return;
      expect(result.plan.rounds[0]!.a).toEqual(['p1', 'p2']);
      expect(result.plan.rounds[1]!.b).toEqual([]);
    }
  });

  it('CAFE4 moves someone who went remote to a remote table; leaves a well-seated person alone', () => {
    const moved = reseatPerson(plan, 0, 'p3', person('p3', 'remote'), tables);
    expect(moved.changed && moved.plan.rounds.map((r) => tableOf(r, 'p3'))).toEqual(['v', 'v']);
    expect(reseatPerson(plan, 0, 'p1', person('p1', 'in-room'), tables)).toEqual({ changed: false, seated: true });
  });

  it('CAFE4 with no seat left, the person stays unseated and nothing else changes', () => {
    const full = [table('a', 'in-room', 2), table('b', 'in-room', 1), table('v', 'remote', 1)];
    expect(reseatPerson(plan, 1, 'r2', person('r2', 'remote'), full)).toEqual({ changed: false, seated: false });
  });

  it('CAFE4 property: nobody else moves, held rounds stay, the person sits once per round at a fitting table within capacity', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 4, max: 30 }),
        fc.integer({ min: 0, max: 8 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 3 }),
        fc.constantFrom<'arrive' | 'leave' | 'switch' | 'observer'>('arrive', 'leave', 'switch', 'observer'),
        fc.nat(),
        (inRoom, remote, rounds, focusOffset, change, seed) => {
          const people = [
            ...Array.from({ length: inRoom }, (_, i) => ({ id: `i${i}`, mode: 'in-room' as const, stakeholderGroup: STAKEHOLDER_GROUPS[i % 7]! })),
            ...Array.from({ length: remote }, (_, i) => ({ id: `r${i}`, mode: 'remote' as const, stakeholderGroup: STAKEHOLDER_GROUPS[i % 7]! })),
          ];
          const cafeTables = [
            ...Array.from({ length: Math.ceil(inRoom / 4) }, (_, i) => table(`t${i}`, 'in-room', 5)),
            ...(remote > 0 ? [table('h', 'hybrid', 4), ...Array.from({ length: Math.ceil(remote / 4) }, (_, i) => table(`v${i}`, 'remote', 5))] : []),
          ];
          const planned = planSeating({ participants: people, tables: cafeTables, rounds, seed });
          if (!planned.ok) return;
          const from = Math.min(focusOffset, rounds - 1);
          const subject =
            change === 'arrive'
              ? person('late', seed % 2 ? 'in-room' : 'remote')
              : { ...person(people[seed % people.length]!.id, 'in-room'), mode: people[seed % people.length]!.mode };
          const who =
            change === 'leave'
              ? null
              : change === 'observer'
                ? { ...subject, role: 'observer' as const }
                : change === 'switch'
                  ? { ...subject, mode: subject.mode === 'in-room' ? ('remote' as const) : ('in-room' as const) }
                  : subject;
          const result = reseatPerson(planned.plan, from, subject.id, who, cafeTables);
          const after = result.changed ? result.plan : planned.plan;
          after.rounds.forEach((round, r) => {
            if (r < from) expect(round).toEqual(planned.plan.rounds[r]);
            for (const other of people) if (other.id !== subject.id) expect(tableOf(round, other.id)).toBe(tableOf(planned.plan.rounds[r]!, other.id));
            for (const t of cafeTables) expect((round[t.id] ?? []).length).toBeLessThanOrEqual(t.capacity);
            if (r < from) return;
            const seats = Object.values(round)
              .flat()
              .filter((id) => id === subject.id).length;
            if (who === null || who.role === 'observer' || !result.seated) expect(seats).toBe(0);
            else {
              expect(seats).toBe(1);
              const kind = cafeTables.find((t) => t.id === tableOf(round, subject.id))!.kind;
              expect(kind === 'hybrid' || kind === who.mode).toBe(true);
            }
          });
        },
      ),
      { numRuns: 40 },
    );
  }, 60_000);
});
