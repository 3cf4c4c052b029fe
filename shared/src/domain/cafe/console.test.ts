import { describe, expect, it } from 'vitest';
import { startTimer, pauseTimer, endTimer, type Timer } from '../timer/timer.js';
import { consolePhaseFor, consolePhases, nextFacilitatorAction, type CafeRunState, type TownhallProgress } from './console.js';
import { cafePhase, CAFE_RUN_START, type CafeRun } from './run.js';

const rounds = [{ question: 'What works?' }, { question: 'What is missing?' }, { question: 'Who decides?' }];
const ok = (r: { ok: true; timer: Timer } | { ok: false }): Timer => {
  if (!r.ok) throw new Error('timer refused');
  return r.timer;
};
const running = (round: number): CafeRun => ({ round, timer: ok(startTimer(600_000, 1_000)) });
const paused = (round: number): CafeRun => ({ round, timer: ok(pauseTimer(running(round).timer!, 2_000)) });
const ended = (round: number): CafeRun => ({ round, timer: ok(endTimer(running(round).timer!, 3_000)) });
const state = (run: CafeRun, more: Partial<CafeRunState> = {}): CafeRunState => ({ run, rounds, harvestShown: false, planned: true, ...more });

describe('nextFacilitatorAction', () => {
  it('CONSOLE1: before the café, start round 1, or set up what is missing', () => {
    expect(nextFacilitatorAction(state(CAFE_RUN_START))).toEqual({ kind: 'start-round', round: 1, total: 3 });
    expect(nextFacilitatorAction(state(CAFE_RUN_START, { rounds: [] }))).toEqual({ kind: 'set-up', missing: 'rounds' });
    expect(nextFacilitatorAction(state(CAFE_RUN_START, { planned: false }))).toEqual({ kind: 'set-up', missing: 'plan' });
    // Not known yet (the console has not loaded the plan): offer the start, the server decides (CAFE1).
    expect(nextFacilitatorAction(state(CAFE_RUN_START, { planned: undefined }))).toEqual({ kind: 'start-round', round: 1, total: 3 });
  });

  it('CONSOLE1: in a round, running or paused, end it', () => {
    expect(nextFacilitatorAction(state(running(1)))).toEqual({ kind: 'end-round', round: 1, total: 3 });
    expect(nextFacilitatorAction(state(paused(2)))).toEqual({ kind: 'end-round', round: 2, total: 3 });
  });

  it('CONSOLE1: between rounds, start the next one', () => {
    expect(nextFacilitatorAction(state(ended(1)))).toEqual({ kind: 'start-round', round: 2, total: 3 });
    expect(nextFacilitatorAction(state(ended(2), { planned: undefined }))).toEqual({ kind: 'start-round', round: 3, total: 3 });
  });

  it('CONSOLE1: after the last round, show the harvest, then nothing is left', () => {
    expect(nextFacilitatorAction(state(ended(3)))).toEqual({ kind: 'show-harvest' });
    expect(nextFacilitatorAction(state(ended(3), { harvestShown: true }))).toEqual({ kind: 'done' });
  });

  it('CONSOLE1: every café phase has an action', () => {
    for (const run of [CAFE_RUN_START, running(1), paused(1), ended(1), ended(3)]) {
      const phase = cafePhase(run, rounds.length);
      const action = nextFacilitatorAction(state(run));
      expect(['set-up', 'start-round', 'end-round', 'show-harvest', 'done'], phase).toContain(action.kind);
    }
  });
});

const th = (over: Partial<TownhallProgress> = {}): TownhallProgress => ({ agenda: { currentId: null, items: [] }, polls: [], floor: false, ...over });

describe('consolePhaseFor', () => {
  it('CONSOLE3: a café: not started → Prepare, rounds → Run, over → Harvest, published → Record', () => {
    expect(consolePhaseFor({ format: 'cafe', phase: 'not-started' })).toBe('prepare');
    expect(consolePhaseFor({ format: 'cafe', phase: 'in-round' })).toBe('run');
    expect(consolePhaseFor({ format: 'cafe', phase: 'between-rounds' })).toBe('run');
    expect(consolePhaseFor({ format: 'cafe', phase: 'finished' })).toBe('harvest');
    expect(consolePhaseFor({ format: 'cafe', phase: 'finished', recordPublished: true })).toBe('record');
    // Publishing early does not take the live controls away while rounds are on.
    expect(consolePhaseFor({ format: 'cafe', phase: 'in-round', recordPublished: true })).toBe('run');
  });

  it('CONSOLE3: a Town Hall: nothing started → Prepare, even with questions sent in early', () => {
    expect(consolePhaseFor({ format: 'townhall', townhall: undefined })).toBe('prepare');
    expect(consolePhaseFor({ format: 'townhall', townhall: th() })).toBe('prepare');
    expect(consolePhaseFor({ format: 'townhall', townhall: th({ agenda: { currentId: null, items: [{ status: 'upcoming' }] }, polls: [{ status: 'draft' }] }) })).toBe('prepare');
  });

  it('CONSOLE3: a Town Hall: an agenda item on, a poll open or someone on the floor → Run', () => {
    expect(consolePhaseFor({ format: 'townhall', townhall: th({ agenda: { currentId: 'a', items: [{ status: 'current' }, { status: 'upcoming' }] } }) })).toBe('run');
    expect(consolePhaseFor({ format: 'townhall', townhall: th({ polls: [{ status: 'open' }] }) })).toBe('run');
    expect(consolePhaseFor({ format: 'townhall', townhall: th({ floor: true }) })).toBe('run');
    // Between two items, or after a poll closed, the meeting is still on.
    expect(consolePhaseFor({ format: 'townhall', townhall: th({ agenda: { currentId: null, items: [{ status: 'done' }, { status: 'upcoming' }] } }) })).toBe('run');
    expect(consolePhaseFor({ format: 'townhall', townhall: th({ polls: [{ status: 'closed' }] }) })).toBe('run');
  });

  it('CONSOLE3: a Town Hall: every agenda item done and nothing live, or the record published → Record', () => {
    const done = th({ agenda: { currentId: null, items: [{ status: 'done' }, { status: 'done' }] } });
    expect(consolePhaseFor({ format: 'townhall', townhall: done })).toBe('record');
    expect(consolePhaseFor({ format: 'townhall', townhall: { ...done, polls: [{ status: 'open' }] } })).toBe('run');
    expect(consolePhaseFor({ format: 'townhall', townhall: th(), recordPublished: true })).toBe('record');
  });

  it('CONSOLE2: a Town Hall has no Harvest phase', () => {
    expect(consolePhases('cafe')).toEqual(['prepare', 'run', 'harvest', 'record']);
    expect(consolePhases('townhall')).toEqual(['prepare', 'run', 'record']);
  });

  it('CONS50: a consultation: draft → Prepare, open → Moderate, closed → Respond, published → Record', () => {
    expect(consolePhases('consultation')).toEqual(['prepare', 'moderate', 'respond', 'opinion', 'record']);
    expect(consolePhaseFor({ format: 'consultation', phase: undefined })).toBe('prepare');
    expect(consolePhaseFor({ format: 'consultation', phase: 'draft' })).toBe('prepare');
    expect(consolePhaseFor({ format: 'consultation', phase: 'contributions' })).toBe('moderate');
    expect(consolePhaseFor({ format: 'consultation', phase: 'comments' })).toBe('moderate');
    expect(consolePhaseFor({ format: 'consultation', phase: 'closed' })).toBe('respond');
    expect(consolePhaseFor({ format: 'consultation', phase: 'answered' })).toBe('respond');
    expect(consolePhaseFor({ format: 'consultation', phase: 'answered', recordPublished: true })).toBe('record');
    // Every phase it names is one the consultation's console has.
    for (const phase of ['draft', 'contributions', 'comments', 'closed', 'answered'] as const)
      expect(consolePhases('consultation')).toContain(consolePhaseFor({ format: 'consultation', phase }));
  });
});
