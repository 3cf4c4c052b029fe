import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultConsultationConfig } from './config.js';
import { checkSchedule, effectivePhase, nextScheduled, phaseAllows, phaseIndex, PHASE_ALLOWS } from './phases.js';
import type { ConsultationSchedule } from './types.js';
import { CONSULTATION_PHASES, SCHEDULED_PHASES, type ConsultationPhase } from './words.js';

const NONE: ConsultationSchedule = { contributions: null, comments: null, closed: null, answered: null };
const at = (phase: ConsultationPhase, schedule: Partial<ConsultationSchedule> = {}) => ({ phase, schedule: { ...NONE, ...schedule } });

describe('CONS1 the phase matrix', () => {
  it('CONS1 contributions allow everything; comments all but new or edited contributions; draft, closed, answered nothing', () => {
    expect([...PHASE_ALLOWS.contributions].sort()).toEqual(['comment', 'edit', 'flag', 'statements', 'submit', 'support']);
    expect([...PHASE_ALLOWS.comments].sort()).toEqual(['comment', 'flag', 'statements', 'support']);
    for (const phase of ['draft', 'closed', 'answered'] as const) expect(PHASE_ALLOWS[phase].size).toBe(0);
  });

  it('CONS1 a refusal names the phase, with a reason per kind', () => {
    expect(phaseAllows('draft', 'submit')).toMatchObject({ ok: false, error: { reason: 'consultation.notOpenYet', params: { phase: 'draft' } } });
    expect(phaseAllows('comments', 'submit')).toMatchObject({ ok: false, error: { reason: 'consultation.contributionsClosed', params: { phase: 'comments' } } });
    expect(phaseAllows('closed', 'support')).toMatchObject({ ok: false, error: { code: 'conflict', reason: 'consultation.phaseClosed', params: { phase: 'closed' } } });
    expect(phaseAllows('comments', 'comment')).toEqual({ ok: true });
  });

  it('CONS1 a new consultation is a draft with no dates', () => {
    expect(defaultConsultationConfig()).toMatchObject({ phase: 'draft', schedule: NONE, questions: [], settings: { access: 'link', moderation: 'post' } });
  });
});

describe('CONS2 the phase in force', () => {
  it('CONS2 the stored phase moves on by every date already passed, never back', () => {
    expect(effectivePhase(at('draft', { contributions: 100, comments: 200 }), 50)).toBe('draft');
    expect(effectivePhase(at('draft', { contributions: 100, comments: 200 }), 100)).toBe('contributions');
    expect(effectivePhase(at('draft', { contributions: 100, comments: 200 }), 250)).toBe('comments');
    expect(effectivePhase(at('closed', { comments: 200 }), 250)).toBe('closed');
    expect(nextScheduled(at('draft', { contributions: 100, comments: 200 }), 150)).toEqual({ phase: 'comments', at: 200 });
    expect(nextScheduled(at('closed', { comments: 200 }), 150)).toBeNull();
  });

  it('CONS2 property: the phase in force is never before the stored one, and is monotone in time', () => {
    const date = fc.option(fc.integer({ min: 0, max: 1_000 }), { nil: null });
    fc.assert(
      fc.property(
        fc.constantFrom(...CONSULTATION_PHASES),
        fc.tuple(date, date, date, date),
        fc.integer({ min: 0, max: 1_000 }),
        fc.integer({ min: 0, max: 1_000 }),
        (phase, dates, t1, t2) => {
          const schedule = Object.fromEntries(SCHEDULED_PHASES.map((p, i) => [p, dates[i]!])) as ConsultationSchedule;
          const [early, late] = t1 <= t2 ? [t1, t2] : [t2, t1];
          const a = effectivePhase({ phase, schedule }, early);
          const b = effectivePhase({ phase, schedule }, late);
          expect(phaseIndex(a)).toBeGreaterThanOrEqual(phaseIndex(phase));
          expect(phaseIndex(b)).toBeGreaterThanOrEqual(phaseIndex(a));
          const next = nextScheduled({ phase, schedule }, early);
          if (next) expect(effectivePhase({ phase, schedule }, next.at)).not.toBe(a);
        },
      ),
    );
  });
});

describe('CONS3 the schedule', () => {
  it('CONS3 a new date in the past is refused, naming the phase; an unchanged passed date stands', () => {
    expect(checkSchedule(NONE, { ...NONE, comments: 50 }, 100)).toMatchObject({ ok: false, error: { reason: 'consultation.dateInPast', params: { phase: 'comments' } } });
    expect(checkSchedule({ ...NONE, contributions: 50 }, { ...NONE, contributions: 50, comments: 200 }, 100)).toMatchObject({ ok: true });
  });

  it('CONS3 dates run in phase order', () => {
    expect(checkSchedule(NONE, { ...NONE, contributions: 300, comments: 200 }, 100)).toMatchObject({
      ok: false,
      error: { reason: 'consultation.dateOrder', params: { phase: 'comments', before: 'contributions' } },
    });
    expect(checkSchedule(NONE, { ...NONE, contributions: 200, closed: 300 }, 100)).toMatchObject({ ok: true });
  });
});
