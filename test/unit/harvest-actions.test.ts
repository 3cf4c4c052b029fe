import { groupHarvest, HARVEST_IDEAS, HARVEST_LIMITS, type HarvestIdea } from '@open-talks/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createTheme, deleteEmptyTheme, mergeTheme, placeIdea, renameTheme } from '../../client/src/notepad/harvest/actions';
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
  const { ideas, themes, placement } = readHarvestDoc(doc);
  const grouping = groupHarvest(ideas, themes, placement);
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
    expect(grouped(doc)).toEqual({ themes: [['Two', ['A/1/x', 'B/1/y', 'A/2/z']]], unthemed: [] });
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
