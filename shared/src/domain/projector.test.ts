import { describe, expect, it } from 'vitest';
import { chooseProjectorMode, decideProjectorShow, DEFAULT_PROJECTOR_CHOICE, projectorLanguage, type ProjectorChoice, type ProjectorFacts } from './projector.js';

const choice = (change: Partial<ProjectorChoice> = {}): ProjectorChoice => ({ ...DEFAULT_PROJECTOR_CHOICE, ...change });
const cafe = (phase: 'not-started' | 'in-round' | 'between-rounds' | 'finished', harvestShown = false): ProjectorFacts => ({
  format: 'cafe',
  cafe: { phase, harvestShown },
  townhall: null,
});
type Th = NonNullable<ProjectorFacts['townhall']>;
const townhall = (th: Partial<Th> = {}): ProjectorFacts => ({
  format: 'townhall',
  cafe: null,
  townhall: { polls: [], projectedPollId: null, agendaCurrent: false, floor: false, pinned: false, questions: 0, ...th },
});
const polls: Th['polls'] = [
  { id: 'p2', status: 'closed', hasResults: true },
  { id: 'p1', status: 'open', hasResults: false },
];

describe('chooseProjectorMode', () => {
  it('PROJ2: auto follows a café: join, the round, between rounds, the harvest when shown', () => {
    expect(chooseProjectorMode(cafe('not-started'), choice())).toEqual({ kind: 'join' });
    expect(chooseProjectorMode(cafe('in-round'), choice())).toEqual({ kind: 'round' });
    expect(chooseProjectorMode(cafe('between-rounds'), choice())).toEqual({ kind: 'between-rounds' });
    expect(chooseProjectorMode(cafe('finished'), choice())).toEqual({ kind: 'round' });
    expect(chooseProjectorMode(cafe('in-round', true), choice())).toEqual({ kind: 'harvest' });
  });

  it('PROJ2: auto follows a Town Hall: the projected poll (vote or results), the pinned question, the agenda', () => {
    expect(chooseProjectorMode(townhall(), choice())).toEqual({ kind: 'join' });
    expect(chooseProjectorMode(townhall({ polls, projectedPollId: 'p1' }), choice())).toEqual({ kind: 'poll', pollId: 'p1' });
    expect(chooseProjectorMode(townhall({ polls, projectedPollId: 'p2' }), choice({ byGroup: true }))).toEqual({ kind: 'results', pollId: 'p2', byGroup: true });
    expect(chooseProjectorMode(townhall({ pinned: true, agendaCurrent: true }), choice())).toEqual({ kind: 'qa' });
    expect(chooseProjectorMode(townhall({ agendaCurrent: true }), choice())).toEqual({ kind: 'townhall' });
    expect(chooseProjectorMode(townhall({ floor: true }), choice())).toEqual({ kind: 'townhall' });
  });

  it('CONS56: a consultation has only the join screen, whatever view was chosen', () => {
    const consultation: ProjectorFacts = { format: 'consultation', cafe: null, townhall: null };
    for (const view of ['auto', 'join', 'round', 'harvest', 'poll', 'results', 'qa'] as const)
      expect(chooseProjectorMode(consultation, choice({ view }))).toEqual({ kind: 'join' });
  });

  it('PROJ6: an explicit view wins over what auto would show', () => {
    expect(chooseProjectorMode(cafe('in-round', true), choice({ view: 'round' }))).toEqual({ kind: 'round' });
    expect(chooseProjectorMode(cafe('between-rounds'), choice({ view: 'round' }))).toEqual({ kind: 'between-rounds' });
    expect(chooseProjectorMode(cafe('in-round'), choice({ view: 'harvest' }))).toEqual({ kind: 'harvest' });
    expect(chooseProjectorMode(cafe('in-round'), choice({ view: 'join' }))).toEqual({ kind: 'join' });
    expect(chooseProjectorMode(townhall({ polls, projectedPollId: 'p1' }), choice({ view: 'qa' }))).toEqual({ kind: 'qa' });
    expect(chooseProjectorMode(townhall({ polls }), choice({ view: 'results', pollId: 'p1' }))).toEqual({ kind: 'results', pollId: 'p1', byGroup: false });
  });

  it('PROJ6: a poll view without a poll shows the projected one, else the open one, else the join screen', () => {
    expect(chooseProjectorMode(townhall({ polls, projectedPollId: 'p2' }), choice({ view: 'poll' }))).toEqual({ kind: 'poll', pollId: 'p2' });
    expect(chooseProjectorMode(townhall({ polls }), choice({ view: 'poll' }))).toEqual({ kind: 'poll', pollId: 'p1' });
    expect(chooseProjectorMode(townhall({ polls }), choice({ view: 'poll', pollId: 'gone' }))).toEqual({ kind: 'poll', pollId: 'p1' });
    expect(chooseProjectorMode(townhall(), choice({ view: 'results' }))).toEqual({ kind: 'join' });
    // A view of the other format falls back to the join screen.
    expect(chooseProjectorMode(townhall(), choice({ view: 'harvest' }))).toEqual({ kind: 'join' });
    expect(chooseProjectorMode(cafe('in-round'), choice({ view: 'qa' }))).toEqual({ kind: 'join' });
  });
});

describe('decideProjectorShow', () => {
  const th = { format: 'townhall' as const, languages: ['en', 'ar'] as const, pollIds: ['p1'] };
  it('PROJ6: only the fields given change', () => {
    const first = decideProjectorShow({ ...th, languages: [...th.languages] }, DEFAULT_PROJECTOR_CHOICE, { view: 'results', pollId: 'p1', language: 'ar' });
    expect(first).toEqual({ ok: true, choice: { view: 'results', pollId: 'p1', byGroup: false, language: 'ar', theme: 'auto', secondLanguage: null } });
    if (!first.ok) return;
    expect(decideProjectorShow({ ...th, languages: ['en', 'ar'] }, first.choice, { byGroup: true })).toEqual({ ok: true, choice: { ...first.choice, byGroup: true } });
  });

  it('PROJ4: a view of the other format, an unknown poll, a language not of the session are refused', () => {
    expect(decideProjectorShow({ ...th, languages: ['en'] }, DEFAULT_PROJECTOR_CHOICE, { view: 'harvest' })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(decideProjectorShow({ format: 'cafe', languages: ['en'], pollIds: [] }, DEFAULT_PROJECTOR_CHOICE, { view: 'qa' })).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
    expect(decideProjectorShow({ ...th, languages: ['en'] }, DEFAULT_PROJECTOR_CHOICE, { pollId: 'p9' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(decideProjectorShow({ ...th, languages: ['en'] }, DEFAULT_PROJECTOR_CHOICE, { language: 'zh' })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });

  it('LANG70: a second language of the session is kept; one it is not held in is refused', () => {
    const both = decideProjectorShow({ ...th, languages: ['en', 'ar'] }, DEFAULT_PROJECTOR_CHOICE, { secondLanguage: 'ar' });
    expect(both).toEqual({ ok: true, choice: { ...DEFAULT_PROJECTOR_CHOICE, secondLanguage: 'ar' } });
    expect(decideProjectorShow({ ...th, languages: ['en', 'ar'] }, DEFAULT_PROJECTOR_CHOICE, { secondLanguage: 'zh' })).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
  });

  it('PROJ5: the screen speaks the chosen language, else the session’s first', () => {
    expect(projectorLanguage(choice(), ['fr', 'en'])).toBe('fr');
    expect(projectorLanguage(choice({ language: 'ar' }), ['fr', 'ar'])).toBe('ar');
  });
});
