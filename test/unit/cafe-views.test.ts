import { describe, expect, it } from 'vitest';
import { ended, snapshot } from '../fixtures/cafe.js';
import { publicCafeView } from '../../server/src/cafe/views.js';

// Moved from shared/src/domain/cafe/live.test.ts with publicCafeView (issue 13): the same case.
describe('CAFE3 the café as everyone sees it', () => {
  it('CAFE3 the public view numbers the tables, counts the focus round, and keeps only prompts to everyone', () => {
    const view = publicCafeView(snapshot({ run: ended(1) }));
    expect(view.tables.map((t) => [t.number, t.label, t.seated])).toEqual([
      [1, 'Lotus', 3],
      [2, '2', 1],
    ]);
    expect(view.prompts.map((p) => p.id)).toEqual(['p1']);
  });

  it('CAFE3 the public view carries the phase, the focus round and whether the harvest shows', () => {
    expect(publicCafeView(snapshot({ run: ended(1) }))).toMatchObject({ phase: 'between-rounds', focusRound: 2, harvestShown: false });
    expect(publicCafeView(snapshot({ run: ended(2), harvestShown: true }))).toMatchObject({ phase: 'finished', focusRound: null, harvestShown: true });
  });
});
