import { describe, expect, it } from 'vitest';
import { DEFAULT_PROJECTOR_CHOICE } from '../../../shared/src/domain/projector.js';
import type { SessionState } from '../../../shared/src/protocol/index.js';
import { withProjector } from '../../../client/src/state/reducers/projector.js';

const live = { session: { id: 's', projector: DEFAULT_PROJECTOR_CHOICE }, viewer: { kind: 'display' } } as unknown as SessionState;

describe('projector reducer', () => {
  it('PROJ1: projector:changed replaces the choice, and only that', () => {
    const next = withProjector(live, { view: 'qa', pollId: null, byGroup: false, language: 'ar', theme: 'auto', secondLanguage: null })!;
    expect(next.session.projector).toEqual({ view: 'qa', pollId: null, byGroup: false, language: 'ar', theme: 'auto', secondLanguage: null });
    expect(next.session.id).toBe('s');
    expect(live.session.projector).toEqual(DEFAULT_PROJECTOR_CHOICE);
  });

  it('LANG70: a new second language is a change', () => {
    const next = withProjector(live, { ...DEFAULT_PROJECTOR_CHOICE, secondLanguage: 'fr' })!;
    expect(next).not.toBe(live);
    expect(next.session.projector?.secondLanguage).toBe('fr');
  });

  it("A11Y66: a change of the screen's colours alone is a new choice", () => {
    expect(withProjector(live, { ...DEFAULT_PROJECTOR_CHOICE, theme: 'dark' })!.session.projector.theme).toBe('dark');
  });

  it('the same choice again keeps the state as it is (nothing re-renders); nothing loaded stays undefined', () => {
    expect(withProjector(live, { ...DEFAULT_PROJECTOR_CHOICE })).toBe(live);
    expect(withProjector(undefined, DEFAULT_PROJECTOR_CHOICE)).toBeUndefined();
  });
});
