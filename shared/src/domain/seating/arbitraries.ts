// fast-check generators of seating problems, shared by the planner's property tests (test-only).
import fc from 'fast-check';
import { MODES, STAKEHOLDER_GROUPS } from '../words.js';
import { TABLE_KINDS, type SeatingInput, type SeatingParticipant, type SeatingTable } from './types.js';

export interface RandomCafeOptions {
  minRounds: number;
  maxPeople: number;
  effort: number; // search effort: low where only rules, not quality, are checked
}

/** Random cafés with hosts (only valid ones: a fitting table with a seat left), hybrid tables, 1–8 tables. */
export function randomCafe({ minRounds, maxPeople, effort }: RandomCafeOptions): fc.Arbitrary<SeatingInput> {
  return fc
    .record({
      tables: fc.array(fc.record({ kind: fc.constantFrom(...TABLE_KINDS), capacity: fc.integer({ min: 1, max: 6 }) }), {
        minLength: 1,
        maxLength: 8,
      }),
      people: fc.array(
        fc.record({
          mode: fc.constantFrom(...MODES),
          group: fc.constantFrom(...STAKEHOLDER_GROUPS),
          host: fc.option(fc.nat(7), { freq: 4, nil: undefined }),
        }),
        { maxLength: maxPeople },
      ),
      rounds: fc.integer({ min: minRounds, max: 4 }),
      seed: fc.integer(),
    })
    .map(({ tables: specs, people, rounds, seed }): SeatingInput => {
      const tables: SeatingTable[] = specs.map((spec, k) => ({ id: `t${k + 1}`, ...spec }));
      const hosts = new Map<string, number>();
      const participants = people.map(({ mode, group, host }, i): SeatingParticipant => {
        const table = host === undefined ? undefined : tables[host % tables.length]!;
        const fits = table && (table.kind === 'hybrid' || table.kind === mode) && (hosts.get(table.id) ?? 0) < table.capacity;
        if (fits) hosts.set(table.id, (hosts.get(table.id) ?? 0) + 1);
        return { id: `p${i + 1}`, mode, stakeholderGroup: group, hostTableId: fits ? table.id : undefined };
      });
      return { participants, tables, rounds, seed, effort };
    });
}
