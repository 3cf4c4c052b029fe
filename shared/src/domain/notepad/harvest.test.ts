import { describe, expect, it } from 'vitest';
import { groupHarvest, harvestIdeaKey, harvestThemeFromRecord, type HarvestIdea } from './harvest.js';

const idea = (tableId: string, round: number, id: string, createdAt: number): HarvestIdea => ({
  key: harvestIdeaKey({ tableId, round, id }),
  id,
  text: `${tableId}${round}${id}`,
  author: null,
  group: null,
  round,
  tableId,
  createdAt,
  marked: false,
  language: null,
});

describe('harvest grouping', () => {
  const a1 = idea('A', 1, 'x', 30);
  const b1 = idea('B', 1, 'y', 10);
  const a2 = idea('A', 2, 'z', 5);
  const themes = [
    { id: 't2', name: 'Second' },
    { id: 't1', name: 'First' },
  ];

  it('keys ideas by table, round and id', () => {
    expect(a1.key).toBe('A/1/x');
    expect(harvestIdeaKey({ tableId: null, round: 3, id: 'q' })).toBe('-/3/q');
  });

  it('puts ideas in their themes in board order, the rest unthemed, in round then table order', () => {
    const grouping = groupHarvest(
      [a2, b1, a1],
      themes,
      new Map([
        ['A/2/z', 't1'],
        ['B/1/y', 'gone'],
      ]),
      ['B', 'A'],
    );
    expect(grouping.themes.map((theme) => [theme.name, theme.ideas.map((i) => i.key)])).toEqual([
      ['Second', []],
      ['First', ['A/2/z']],
    ]);
    // A placement in a theme that no longer exists counts as unthemed.
    expect(grouping.unthemed.map((i) => i.key)).toEqual(['B/1/y', 'A/1/x']);
  });

  it('orders by time within a table and round when the table order is unknown', () => {
    const early = idea('C', 1, 'b', 1);
    const late = idea('C', 1, 'a', 2);
    expect(groupHarvest([late, early], [], new Map()).unthemed.map((i) => i.id)).toEqual(['b', 'a']);
  });

  it('reads theme records and refuses malformed ones', () => {
    expect(harvestThemeFromRecord({ id: 't', name: 'Water' })).toEqual({ id: 't', name: 'Water' });
    expect(harvestThemeFromRecord({ id: 1, name: 'Water' })).toBeNull();
  });
});
