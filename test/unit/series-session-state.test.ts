// SER24: a session's state as the series console shows it, from what each format stores.
import { describe, expect, it } from 'vitest';
import { createAgenda, endTimer, startTimer, type Timer } from '../../shared/src/index.js';
import { defaultConsultationConfig } from '../../shared/src/domain/consultation/index.js';
import { cafeState, consultationState, townhallState } from '../../server/src/series/core/session-state.js';

const ok = (r: { ok: true; timer: Timer } | { ok: false }): Timer => {
  if (!r.ok) throw new Error('timer refused');
  return r.timer;
};
const running = ok(startTimer(600_000, 1_000));
const ended = ok(endTimer(running, 2_000));

describe('SER24 session state', () => {
  it('SER24 a café: not started before its first round, running during and between rounds, ended after the last', () => {
    expect(cafeState({ round: 0, timer: null }, 3)).toBe('not-started');
    expect(cafeState({ round: 1, timer: running }, 3)).toBe('running');
    expect(cafeState({ round: 1, timer: ended }, 3)).toBe('running');
    expect(cafeState({ round: 3, timer: ended }, 3)).toBe('ended');
  });

  it('SER24 a Town Hall: by its agenda', () => {
    expect(townhallState(null)).toBe('not-started');
    expect(townhallState(createAgenda())).toBe('not-started');
    expect(townhallState({ items: [], currentId: 'a', timer: running })).toBe('running');
    expect(townhallState({ items: [], currentId: null, timer: ended })).toBe('ended');
  });

  it('SER24 a consultation: the phase in force, moved on by a passed date (CONS2)', () => {
    const config = defaultConsultationConfig();
    expect(consultationState(undefined, 0)).toBe('draft');
    expect(consultationState({ ...config, phase: 'contributions', schedule: { ...config.schedule, closed: 500 } }, 1_000)).toBe('closed');
  });
});
