import { groupHarvest, HARVEST_IDEAS, HARVEST_LIMITS, type HarvestIdea } from '@open-talks/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { columnKeys, createTheme, deleteEmptyTheme, mergeTheme, moveIdea, placeIdea, renameTheme } from '../../client/src/notepad/harvest/actions';
import { readHarvestDoc } from '../../client/src/notepad/harvest/useHarvest';

// What the board's writers do to the harvest document (docs/notepads.md, HARV5), on plain Y.Docs.

function harvestWith(keys: string[]): Y.Doc {
  const doc = new Y.Doc();
  const ideas = doc.getMap<unknown>(HARVEST_IDEAS);
  // As the server writes them (HARV1): plain records keyed by table/round/id.
  keys.forEach((key, index) => {
    const [tableId, round, id] = key.split('/') as [string, string, string];
    ideas.set(key, { id, text: `idea ${key}`, author: null, group: null, round: Number(round), tableId, createdAt: index, marked: false });
  });
  return doc;
}

const grouped = (doc: Y.Doc) => {
  const { ideas, themes, placement, order } = readHarvestDoc(doc);
  const grouping = groupHarvest(ideas, themes, placement, [], order);
  const keys = (list: HarvestIdea[]) => list.map((idea) => idea.key);
  return { themes: grouping.themes.map((theme) => [theme.name, keys(theme.ideas)]), unthemed: keys(grouping.unthemed) };
};

describe('harvest board actions', () => {
  it('HARV5 creates, renames and places: ideas move between themes and back to unthemed', () => {
    const doc = harvestWith(['A/1/x', 'B/1/y']);
    const trust = createTheme(doc, '  Trust  ', 't1');
    expect(trust).toEqual({ ok: true, themeId: 't1' });
    createTheme(doc, 'Access', 't2');
    expect(placeIdea(doc, 'A/1/x', 't1')).toEqual({ ok: true });
    expect(renameTheme(doc, 't1', 'Trust and safety')).toEqual({ ok: true });
    expect(grouped(doc)).toEqual({
      themes: [
        ['Trust and safety', ['A/1/x']],
        ['Access', []],
      ],
      unthemed: ['B/1/y'],
    });
    placeIdea(doc, 'A/1/x', 't2');
    placeIdea(doc, 'B/1/y', 't2');
    placeIdea(doc, 'B/1/y', null);
    expect(grouped(doc)).toEqual({
      themes: [
        ['Trust and safety', []],
        ['Access', ['A/1/x']],
      ],
      unthemed: ['B/1/y'],
    });
  });

  it('HARV5 merges a theme into another in one change: its ideas move over, it is gone', () => {
    const doc = harvestWith(['A/1/x', 'B/1/y', 'A/2/z']);
    createTheme(doc, 'One', 't1');
    createTheme(doc, 'Two', 't2');
    placeIdea(doc, 'A/1/x', 't1');
    placeIdea(doc, 'B/1/y', 't1');
    placeIdea(doc, 'A/2/z', 't2');
    let updates = 0;
    doc.on('update', () => updates++);
    expect(mergeTheme(doc, 't1', 't2')).toEqual({ ok: true });
    expect(updates).toBe(1);
    // BOARD1: the ideas already in Two first, then the newcomers in their order.
    expect(grouped(doc)).toEqual({ themes: [['Two', ['A/2/z', 'A/1/x', 'B/1/y']]], unthemed: [] });
    expect(mergeTheme(doc, 't2', 't2')).toEqual({ ok: false, reason: 'same-theme' });
    expect(mergeTheme(doc, 't1', 't2')).toEqual({ ok: false, reason: 'no-such-theme' });
  });

  it('HARV5 deletes only an empty theme; placements of ideas dropped at their table go with it', () => {
    const doc = harvestWith(['A/1/x']);
    createTheme(doc, 'Kept', 't1');
    createTheme(doc, 'Left over', 't2');
    placeIdea(doc, 'A/1/x', 't1');
    placeIdea(doc, 'A/1/gone', 't2'); // an idea the table has since dropped
    const present = new Set(['A/1/x']);
    expect(deleteEmptyTheme(doc, 't1', present)).toEqual({ ok: false, reason: 'not-empty' });
    expect(deleteEmptyTheme(doc, 't2', present)).toEqual({ ok: true });
    expect(readHarvestDoc(doc).placement).toEqual(new Map([['A/1/x', 't1']]));
  });

  it('HARV5 refuses an empty name, an unknown theme and more themes than the limit', () => {
    const doc = harvestWith([]);
    expect(createTheme(doc, '   ')).toEqual({ ok: false, reason: 'empty-name' });
    expect(renameTheme(doc, 'nope', 'Name')).toEqual({ ok: false, reason: 'no-such-theme' });
    expect(placeIdea(doc, 'A/1/x', 'nope')).toEqual({ ok: false, reason: 'no-such-theme' });
    for (let i = 0; i < HARVEST_LIMITS.themes; i++) createTheme(doc, `Theme ${i}`);
    expect(createTheme(doc, 'One too many')).toEqual({ ok: false, reason: 'too-many' });
    const fresh = harvestWith([]);
    createTheme(fresh, 'x'.repeat(500), 'long');
    expect(readHarvestDoc(fresh).themes[0]!.name).toHaveLength(HARVEST_LIMITS.themeNameLength);
  });
});

describe('harvest board order (BOARD1, BOARD2)', () => {
  it('BOARD1 moves an idea before another, within a column and across, and back to the unthemed', () => {
    const doc = harvestWith(['A/1/a', 'A/1/b', 'A/1/c', 'A/1/d']);
    createTheme(doc, 'One', 't1');
    for (const key of ['A/1/a', 'A/1/b', 'A/1/c']) placeIdea(doc, key, 't1');
    expect(columnKeys(doc, 't1')).toEqual(['A/1/a', 'A/1/b', 'A/1/c']);
    expect(moveIdea(doc, 'A/1/c', 't1', 'A/1/a')).toEqual({ ok: true });
    expect(columnKeys(doc, 't1')).toEqual(['A/1/c', 'A/1/a', 'A/1/b']);
    moveIdea(doc, 'A/1/d', 't1', 'A/1/a');
    expect(columnKeys(doc, 't1')).toEqual(['A/1/c', 'A/1/d', 'A/1/a', 'A/1/b']);
    moveIdea(doc, 'A/1/a', null, null);
    expect(grouped(doc)).toEqual({ themes: [['One', ['A/1/c', 'A/1/d', 'A/1/b']]], unthemed: ['A/1/a'] });
    expect(moveIdea(doc, 'A/1/a', 'nope', null)).toEqual({ ok: false, reason: 'no-such-theme' });
    // Where it already is: nothing written.
    let updates = 0;
    doc.on('update', () => updates++);
    moveIdea(doc, 'A/1/b', 't1', null);
    expect(updates).toBe(0);
  });

  it('BOARD2 two people moving cards at once both keep their moves, and both documents agree', () => {
    const ann = harvestWith(['A/1/a', 'A/1/b', 'A/1/c', 'A/1/d']);
    createTheme(ann, 'One', 't1');
    createTheme(ann, 'Two', 't2');
    for (const key of ['A/1/a', 'A/1/b', 'A/1/c', 'A/1/d']) placeIdea(ann, key, 't1');
    const bob = new Y.Doc();
    Y.applyUpdate(bob, Y.encodeStateAsUpdate(ann));
    // At the same time: Ann puts d first, Bob moves b into Two and c before a.
    moveIdea(ann, 'A/1/d', 't1', 'A/1/a');
    moveIdea(bob, 'A/1/b', 't2', null);
    moveIdea(bob, 'A/1/c', 't1', 'A/1/a');
    Y.applyUpdate(bob, Y.encodeStateAsUpdate(ann));
    Y.applyUpdate(ann, Y.encodeStateAsUpdate(bob));
    expect(grouped(ann)).toEqual(grouped(bob));
    const { themes } = grouped(ann);
    expect(themes[1]).toEqual(['Two', ['A/1/b']]);
    // d and c both went before a: both there, in an order both agree on.
    expect(new Set(themes[0]![1])).toEqual(new Set(['A/1/a', 'A/1/c', 'A/1/d']));
    expect((themes[0]![1] as string[]).at(-1)).toBe('A/1/a');
    // The same card moved by both to different themes: one place, the same on both.
    moveIdea(ann, 'A/1/a', 't2', null);
    moveIdea(bob, 'A/1/a', null, null);
    Y.applyUpdate(bob, Y.encodeStateAsUpdate(ann));
    Y.applyUpdate(ann, Y.encodeStateAsUpdate(bob));
    expect(grouped(ann)).toEqual(grouped(bob));
    const all = [...grouped(ann).themes.flatMap(([, keys]) => keys as string[]), ...grouped(ann).unthemed];
    expect(all.filter((key) => key === 'A/1/a')).toHaveLength(1);
  });

  it('BOARD1 deleting an empty theme takes the positions of ideas dropped since with it', () => {
    const doc = harvestWith(['A/1/x']);
    createTheme(doc, 'Left over', 't2');
    moveIdea(doc, 'A/1/gone', 't2', null);
    expect(readHarvestDoc(doc).order.has('A/1/gone')).toBe(true);
    deleteEmptyTheme(doc, 't2', new Set(['A/1/x']));
    expect(readHarvestDoc(doc).order.has('A/1/gone')).toBe(false);
  });
});
