import { HARVEST_PLACEMENT, type HarvestIdea } from '@open-talks/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readHarvestDoc } from '../../client/src/notepad/harvest/useHarvest.js';
import { acceptProposal, mergeProposals, stillUnthemed, type Proposal } from '../../client/src/notepad/harvest/suggestions/proposals.js';

const idea = (key: string): HarvestIdea => ({ key, id: key, text: key, author: null, group: null, round: 1, tableId: 't', createdAt: 0, marked: false, language: null });
const proposal = (id: string, ideaKeys: string[], terms: string[] = []): Proposal => ({ id, name: id, terms, ideaKeys, language: 'en' });

describe('theme suggestions on the board (THEME11)', () => {
  it('THEME11: Accept creates the theme and places its ideas in one transaction', () => {
    const doc = new Y.Doc();
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    const result = acceptProposal(doc, '  Water access ', ['a', 'b'], 'th1');
    expect(result).toEqual({ ok: true, themeId: 'th1' });
    expect(transactions).toBe(1);
    const harvest = readHarvestDoc(doc);
    expect(harvest.themes).toEqual([{ id: 'th1', name: 'Water access' }]);
    expect([...harvest.placement]).toEqual([
      ['a', 'th1'],
      ['b', 'th1'],
    ]);
  });

  it('THEME11: an empty name is refused and nothing is written', () => {
    const doc = new Y.Doc();
    expect(acceptProposal(doc, '   ', ['a'])).toEqual({ ok: false, reason: 'empty-name' });
    expect(readHarvestDoc(doc).themes).toEqual([]);
    expect(doc.getMap(HARVEST_PLACEMENT).size).toBe(0);
  });

  it('THEME11: ideas placed meanwhile in an existing theme, or gone, are not taken', () => {
    const ideas = [idea('a'), idea('b'), idea('c')];
    const placement = new Map([
      ['b', 'existing'],
      ['c', 'deleted-theme'],
    ]);
    expect(stillUnthemed(proposal('p', ['a', 'b', 'c', 'gone']), ideas, [{ id: 'existing', name: 'Existing' }], placement).map((i) => i.key)).toEqual(['a', 'c']);
  });

  it('THEME11: merging keeps the target name and joins ideas and terms', () => {
    const merged = mergeProposals(proposal('into', ['a', 'b'], ['bus', 'night']), proposal('from', ['b', 'c'], ['night', 'fare']));
    expect(merged).toEqual({ id: 'into', name: 'into', language: 'en', ideaKeys: ['a', 'b', 'c'], terms: ['bus', 'night', 'fare'] });
  });
});
