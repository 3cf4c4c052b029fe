import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planHarvestMove } from './harvest-order.js';
import { compareByBoardOrder, groupHarvest, harvestIdeaKey, type HarvestIdea } from './harvest.js';

const idea = (tableId: string, round: number, id: string, createdAt: number): HarvestIdea => ({
  key: harvestIdeaKey({ tableId, round, id }),
  id,
  text: id,
  author: null,
  group: null,
  round,
  tableId,
  createdAt,
  marked: false,
  language: null,
});

const themes = [
  { id: 't1', name: 'One' },
  { id: 't2', name: 'Two' },
];

describe('harvest board order', () => {
  it('BOARD1 lists positioned ideas by position, ties by key, then the rest in round and table order', () => {
    const [a, b, c, d] = [idea('A', 1, 'a', 4), idea('B', 1, 'b', 3), idea('A', 2, 'c', 2), idea('A', 1, 'd', 1)];
    const order = new Map([
      [c.key, 1],
      [b.key, 2],
      [a.key, 2],
    ]);
    expect([a, b, c, d].sort(compareByBoardOrder(order)).map((i) => i.id)).toEqual(['c', 'a', 'b', 'd']);
    // Not a finite number: no position.
    const odd = new Map<string, number>([[c.key, Number.NaN]]);
    expect([a, c, d].sort(compareByBoardOrder(odd)).map((i) => i.id)).toEqual(['d', 'a', 'c']);
  });

  it('BOARD1 a move writes only the moving idea when there is room between its neighbours', () => {
    const order = new Map([
      ['x', 1],
      ['y', 2],
      ['z', 3],
    ]);
    expect(planHarvestMove(['x', 'y', 'z'], order, 'z', 'y')).toEqual(new Map([['z', 1.5]]));
    expect(planHarvestMove(['x', 'y', 'z'], order, 'x', null)).toEqual(new Map([['x', 4]]));
    expect(planHarvestMove(['x', 'y', 'z'], order, 'z', 'x')).toEqual(new Map([['z', 0]]));
    expect(planHarvestMove(['x', 'y', 'z'], order, 'y', 'z')).toEqual(new Map());
    expect(planHarvestMove([], order, 'new', null)).toEqual(new Map([['new', 1]]));
  });

  it('BOARD1 numbers the column again when a neighbour has no position or there is no room left', () => {
    expect(planHarvestMove(['x', 'y', 'z'], new Map([['x', 1]]), 'z', 'y')).toEqual(
      new Map([
        ['x', 1],
        ['z', 2],
        ['y', 3],
      ]),
    );
    const tight = new Map([
      ['x', 1],
      ['y', 1 + Number.EPSILON],
    ]);
    expect(planHarvestMove(['x', 'y'], tight, 'n', 'y')).toEqual(
      new Map([
        ['x', 1],
        ['n', 2],
        ['y', 3],
      ]),
    );
  });

  it('BOARD1 property: any sequence of moves keeps each idea in exactly one place, in the order asked, with distinct positions', () => {
    const ideas = Array.from({ length: 7 }, (_, i) => idea(i % 2 ? 'A' : 'B', 1 + (i % 3), `i${i}`, 100 - i));
    const keys = ideas.map((i) => i.key);
    const columns = [null, 't1', 't2'] as const;
    const move = fc.record({ key: fc.constantFrom(...keys), to: fc.constantFrom(...columns), before: fc.option(fc.constantFrom(...keys), { nil: null }) });
    fc.assert(
      fc.property(fc.array(move, { maxLength: 60 }), (moves) => {
        const placement = new Map<string, string>();
        const order = new Map<string, number>();
        const read = () => {
          const g = groupHarvest(ideas, themes, placement, [], order);
          return { null: g.unthemed.map((i) => i.key), t1: g.themes[0]!.ideas.map((i) => i.key), t2: g.themes[1]!.ideas.map((i) => i.key) };
        };
        // The model: plain lists, started from what the board shows before any move.
        const model: Record<string, string[]> = read();
        for (const { key, to, before } of moves) {
          const name = to ?? 'null';
          const column = read()[name].filter((k) => k !== key);
          for (const plan of planHarvestMove(column, order, key, before)) order.set(plan[0], plan[1]);
          if (to === null) placement.delete(key);
          else placement.set(key, to);
          for (const list of Object.values(model)) list.splice(list.indexOf(key), list.includes(key) ? 1 : 0);
          const target = model[name]!;
          const at = before === null || !target.includes(before) ? target.length : target.indexOf(before);
          target.splice(at, 0, key);
          const seen = read();
          expect(seen).toEqual(model);
          const all = Object.values(seen).flat();
          expect(new Set(all).size).toBe(keys.length);
          expect(all.length).toBe(keys.length);
          // Every themed column is fully positioned, strictly increasing.
          for (const list of [seen.t1, seen.t2]) {
            const positions = list.map((k) => order.get(k));
            expect(positions.every((p) => typeof p === 'number')).toBe(true);
            for (let i = 1; i < positions.length; i++) expect(positions[i]!).toBeGreaterThan(positions[i - 1]!);
          }
        }
      }),
      { seed: 14, numRuns: 300 },
    );
  });
});
