import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { startTimer, type Timer } from '../timer/timer.js';
import { decideEnd, decideExpiry, decideExtend, decidePause, decidePrompt, decideResume, decideShowHarvest, decideStart, type StartState } from './run-decisions.js';
import type { CafeRun } from './run.js';
import { ended, NOT_STARTED, rounds, running, table } from '../../../../test/fixtures/cafe.js';

const NOW = 5_000_000;
const start = (overrides: Partial<StartState> = {}): StartState => ({ format: 'cafe', rounds: rounds(2), plan: { locked: false }, run: NOT_STARTED, ...overrides });
const paused = (round: number): CafeRun => ({
  round,
  timer: { status: 'paused', durationMs: 60_000, deadline: null, remainingMs: 30_000, startedAt: NOW - 30_000, endedAt: null },
});

describe('decideStart: CAFE1 the next round starts', () => {
  it('starts round 1 on its duration and locks the plan', () => {
    expect(decideStart(start(), NOW)).toEqual({
      ok: true,
      run: { round: 1, timer: { status: 'running', durationMs: 60_000, deadline: NOW + 60_000, remainingMs: null, startedAt: NOW, endedAt: null } },
      lockPlan: true,
    });
    expect(decideStart(start({ run: ended(1), plan: { locked: true } }), NOW)).toMatchObject({ ok: true, run: { round: 2 }, lockPlan: false });
  });

  it('refuses in a Town Hall, during a round, without rounds, when all are held, or without a plan', () => {
    const refusal = (s: StartState) => {
      const result = decideStart(s, NOW);
      return result.ok ? null : result.error;
    };
    expect(refusal(start({ format: 'townhall' }))).toEqual({ code: 'conflict', message: 'This session is a Town Hall, not a café', reason: 'cafe.notCafe' });
    expect(refusal(start({ run: running(1) }))).toEqual({
      code: 'conflict',
      message: 'Round 1 is still on; end it before starting the next',
      reason: 'cafe.roundStillOn',
      params: { round: 1 },
    });
    expect(refusal(start({ run: paused(2) }))).toMatchObject({ reason: 'cafe.roundStillOn', params: { round: 2 } });
    expect(refusal(start({ rounds: [] }))).toEqual({ code: 'conflict', message: 'Add the rounds before starting the café', reason: 'cafe.noRoundsToStart' });
    expect(refusal(start({ run: ended(2) }))).toEqual({ code: 'conflict', message: 'Every round has been held', reason: 'cafe.allRoundsHeld' });
    expect(refusal(start({ plan: null }))).toEqual({ code: 'conflict', message: 'Make a seating plan before starting the café', reason: 'cafe.noPlanToStart' });
  });
});

describe('the round timer: pause, resume, extend, end', () => {
  const noRound = { ok: false, error: { code: 'conflict', message: 'No round has started yet', reason: 'cafe.noRoundYet' } };

  it('refuses every change before the first round', () => {
    expect(decidePause(NOT_STARTED, NOW)).toEqual(noRound);
    expect(decideResume(NOT_STARTED, NOW)).toEqual(noRound);
    expect(decideExtend(NOT_STARTED, 5, NOW)).toEqual(noRound);
    expect(decideEnd(NOT_STARTED, NOW)).toEqual(noRound);
  });

  it('changes the timer of the round on, keeping its number', () => {
    expect(decidePause(running(1, NOW - 10_000), NOW)).toMatchObject({ ok: true, run: { round: 1, timer: { status: 'paused', remainingMs: 50_000 } } });
    expect(decideResume(paused(2), NOW)).toMatchObject({ ok: true, run: { round: 2, timer: { status: 'running', deadline: NOW + 30_000 } } });
    expect(decideExtend(running(1, NOW), 5, NOW)).toMatchObject({ ok: true, run: { round: 1, timer: { durationMs: 360_000, deadline: NOW + 360_000 } } });
    expect(decideEnd(paused(2), NOW)).toMatchObject({ ok: true, run: { round: 2, timer: { status: 'ended', endedAt: NOW } } });
  });

  it("passes the timer's own refusal on as it is, without a reason", () => {
    const result = decidePause(ended(1), NOW);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toEqual({ code: 'conflict', message: expect.any(String) });
    expect(decideResume(running(1), NOW)).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('property: a decided change always keeps the round and yields a timer of the status asked for', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 3_600_000 }),
        fc.nat(100_000),
        fc.integer({ min: 1, max: 60 }),
        (round, duration, elapsed, minutes) => {
          const started = startTimer(duration, NOW);
          if (!started.ok) return;
          const run: CafeRun = { round, timer: started.timer };
          const later = NOW + elapsed;
          const checks: [ReturnType<typeof decidePause>, Timer['status'] | null][] = [
            [decidePause(run, later), 'paused'],
            [decideExtend(run, minutes, later), 'running'],
            [decideEnd(run, later), 'ended'],
          ];
          for (const [result, status] of checks) {
            if (!result.ok) continue;
            expect(result.run.round).toBe(round);
            expect(result.run.timer.status).toBe(status);
          }
        },
      ),
    );
  });
});

describe('decideExpiry: TIME4 a round whose time is up ends at its deadline', () => {
  it('ends a running round past its deadline, as of the deadline', () => {
    const run = running(2, NOW - 100_000);
    expect(decideExpiry(run, NOW)).toEqual({ round: 2, timer: { ...run.timer!, status: 'ended', deadline: null, endedAt: run.timer!.deadline } });
  });

  it('leaves a round with time left, a paused or ended one, and a café not started', () => {
    expect(decideExpiry(running(1, NOW), NOW)).toBeNull();
    expect(decideExpiry(paused(1), NOW + 10 ** 9)).toBeNull();
    expect(decideExpiry(ended(1), NOW)).toBeNull();
    expect(decideExpiry(NOT_STARTED, NOW)).toBeNull();
  });
});

describe('decidePrompt: CAFE6 a prompt to everyone or one table', () => {
  const state = { tables: [table('a', 'in-room', 4)], run: running(2) };

  it('stamps the prompt with the round it is sent in', () => {
    expect(decidePrompt(state, { id: 'x', text: 'Go deeper', tableId: 'a' }, NOW)).toEqual({
      ok: true,
      prompt: { id: 'x', round: 2, tableId: 'a', text: 'Go deeper', sentAt: NOW },
    });
    expect(decidePrompt({ tables: [], run: NOT_STARTED }, { id: 'y', text: 'Welcome', tableId: null }, NOW)).toMatchObject({ ok: true, prompt: { round: 0, tableId: null } });
  });

  it('refuses a table that is not in the café', () => {
    expect(decidePrompt(state, { id: 'x', text: 'Hi', tableId: 'zzz' }, NOW)).toEqual({ ok: false, error: { code: 'not_found', message: 'No such table in this café' } });
  });
});

describe('decideShowHarvest: HARV6 only a café shows a harvest', () => {
  it('shows or hides it in a café, refuses in a Town Hall (without a reason)', () => {
    expect(decideShowHarvest('cafe', true)).toEqual({ ok: true, shown: true });
    expect(decideShowHarvest('cafe', false)).toEqual({ ok: true, shown: false });
    expect(decideShowHarvest('townhall', true)).toEqual({ ok: false, error: { code: 'conflict', message: 'This session is a Town Hall, not a café' } });
  });
});
