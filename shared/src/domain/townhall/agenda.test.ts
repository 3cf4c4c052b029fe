import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_TIMER_MS } from '../timer/timer.js';
import {
  AGENDA_LIMITS,
  addAgendaItem,
  agendaProgress,
  createAgenda,
  editAgendaItem,
  extendAgendaTimer,
  moveAgendaItem,
  nextAgendaItem,
  pauseAgendaTimer,
  removeAgendaItem,
  resumeAgendaTimer,
  type Agenda,
} from './agenda.js';
import { MIN, T0, expectError, must } from '../../../../test/fixtures/townhall.js';

function agendaOf(...items: [string, number][]): Agenda {
  let agenda = createAgenda();
  for (const [id, minutes] of items) agenda = must(addAgendaItem(agenda, { id, title: `Item ${id}`, durationMs: minutes * MIN })).agenda;
  return agenda;
}

const order = (agenda: Agenda) => agenda.items.map((item) => item.id);

describe('agenda', () => {
  it('AGENDA1 items are added at the end or at a position, with a one-line title and a time box', () => {
    let agenda = agendaOf(['a', 10], ['b', 20]);
    agenda = must(addAgendaItem(agenda, { id: 'c', title: ' Opening\n remarks ', durationMs: 5 * MIN }, 0)).agenda;
    expect(order(agenda)).toEqual(['c', 'a', 'b']);
    expect(agenda.items[0]).toEqual({ id: 'c', title: 'Opening remarks', durationMs: 5 * MIN, startedAt: null, endedAt: null });
    expectError(addAgendaItem(agenda, { id: 'a', title: 'Again', durationMs: MIN }), 'conflict');
    expectError(addAgendaItem(agenda, { id: 'd', title: '', durationMs: MIN }), 'bad_request');
    expectError(addAgendaItem(agenda, { id: 'd', title: 'x'.repeat(AGENDA_LIMITS.titleLength + 1), durationMs: MIN }), 'bad_request');
    expectError(addAgendaItem(agenda, { id: 'd', title: 'D', durationMs: 0 }), 'bad_request');
    expectError(addAgendaItem(agenda, { id: 'd', title: 'D', durationMs: MAX_TIMER_MS + 1 }), 'bad_request');
    expectError(addAgendaItem(agenda, { id: 'd', title: 'D', durationMs: MIN }, 4), 'bad_request');
    const started = must(nextAgendaItem(agenda, T0)).agenda;
    expectError(addAgendaItem(started, { id: 'd', title: 'D', durationMs: MIN }, 0), 'bad_request');
    expect(order(must(addAgendaItem(started, { id: 'd', title: 'D', durationMs: MIN }, 1)).agenda)).toEqual(['c', 'd', 'a', 'b']);
  });

  it(`AGENDA1 an agenda has at most ${AGENDA_LIMITS.items} items`, () => {
    const full = agendaOf(...Array.from({ length: AGENDA_LIMITS.items }, (_, i): [string, number] => [`i${i}`, 1]));
    expectError(addAgendaItem(full, { id: 'one-more', title: 'X', durationMs: MIN }), 'conflict');
  });

  it('AGENDA2 items not yet started can be edited, removed and moved; started ones cannot', () => {
    let agenda = agendaOf(['a', 10], ['b', 20], ['c', 30]);
    agenda = must(nextAgendaItem(agenda, T0)).agenda; // a is current
    expect(must(editAgendaItem(agenda, 'b', { title: 'Bee', durationMs: 25 * MIN })).item).toMatchObject({ title: 'Bee', durationMs: 25 * MIN });
    expectError(editAgendaItem(agenda, 'a', { title: 'Ay' }), 'conflict');
    expectError(editAgendaItem(agenda, 'b', { durationMs: -1 }), 'bad_request');
    expectError(editAgendaItem(agenda, 'zz', { title: 'Z' }), 'not_found');
    expect(order(must(removeAgendaItem(agenda, 'c')).agenda)).toEqual(['a', 'b']);
    expectError(removeAgendaItem(agenda, 'a'), 'conflict');
    expect(order(must(moveAgendaItem(agenda, 'c', 1)).agenda)).toEqual(['a', 'c', 'b']);
    expectError(moveAgendaItem(agenda, 'c', 0), 'bad_request'); // before the started item
    expectError(moveAgendaItem(agenda, 'a', 2), 'conflict');
  });

  it('AGENDA3 next ends the current item and starts the following one with its time box', () => {
    let agenda = agendaOf(['a', 10], ['b', 20]);
    const first = must(nextAgendaItem(agenda, T0));
    expect(first.current).toMatchObject({ id: 'a', startedAt: T0 });
    expect(first.ended).toBeNull();
    expect(first.agenda.timer).toMatchObject({ status: 'running', deadline: T0 + 10 * MIN });
    agenda = first.agenda;
    const second = must(nextAgendaItem(agenda, T0 + 12 * MIN));
    expect(second.ended).toMatchObject({ id: 'a', endedAt: T0 + 12 * MIN });
    expect(second.current).toMatchObject({ id: 'b', startedAt: T0 + 12 * MIN });
    expect(second.agenda.currentId).toBe('b');
    const over = must(nextAgendaItem(second.agenda, T0 + 30 * MIN));
    expect(over.current).toBeNull();
    expect(over.ended?.id).toBe('b');
    expect(over.agenda.currentId).toBeNull();
    expect(over.agenda.timer).toMatchObject({ status: 'ended', endedAt: T0 + 30 * MIN });
    expectError(nextAgendaItem(over.agenda, T0 + 31 * MIN), 'conflict');
    expectError(nextAgendaItem(createAgenda(), T0), 'conflict');
  });

  it("AGENDA5 the current item's timer pauses, resumes and extends", () => {
    let agenda = must(nextAgendaItem(agendaOf(['a', 10]), T0)).agenda;
    agenda = must(pauseAgendaTimer(agenda, T0 + MIN)).agenda;
    agenda = must(resumeAgendaTimer(agenda, T0 + 5 * MIN)).agenda;
    agenda = must(extendAgendaTimer(agenda, 5 * MIN, T0 + 5 * MIN)).agenda;
    expect(agendaProgress(agenda, T0 + 5 * MIN).items[0]).toMatchObject({ status: 'current', durationMs: 15 * MIN, remainingMs: 14 * MIN });
    expectError(pauseAgendaTimer(createAgenda(), T0), 'conflict');
  });

  it('AGENDA6 each item shows its status and time left, and the agenda its total', () => {
    let agenda = agendaOf(['a', 10], ['b', 20], ['c', 30]);
    expect(agendaProgress(agenda, T0).remainingMs).toBe(60 * MIN);
    agenda = must(nextAgendaItem(agenda, T0)).agenda;
    agenda = must(nextAgendaItem(agenda, T0 + 8 * MIN)).agenda;
    const progress = agendaProgress(agenda, T0 + 13 * MIN);
    expect(progress.items.map((i) => [i.id, i.status, i.remainingMs])).toEqual([
      ['a', 'done', 0],
      ['b', 'current', 15 * MIN],
      ['c', 'upcoming', 30 * MIN],
    ]);
    expect(progress.remainingMs).toBe(45 * MIN);
    expect(agendaProgress(agenda, T0 + 60 * MIN).items[1]?.remainingMs).toBe(0); // overrun shows 0
  });

  it('AGENDA7 transitions do not change their input; a refused one leaves the agenda as it was', () => {
    const agenda = must(nextAgendaItem(agendaOf(['a', 10], ['b', 20], ['c', 5]), T0)).agenda;
    const copy = structuredClone(agenda);
    addAgendaItem(agenda, { id: 'd', title: 'D', durationMs: MIN });
    editAgendaItem(agenda, 'b', { title: 'Bee' });
    moveAgendaItem(agenda, 'c', 1);
    removeAgendaItem(agenda, 'b');
    nextAgendaItem(agenda, T0 + MIN);
    extendAgendaTimer(agenda, MIN, T0);
    pauseAgendaTimer(agenda, T0 + MIN);
    expect(agenda).toEqual(copy);
  });

  type Step = { kind: 'add'; at: number } | { kind: 'move'; item: number; to: number } | { kind: 'remove'; item: number } | { kind: 'next' };
  const stepArb: fc.Arbitrary<Step> = fc.oneof(
    fc.record({ kind: fc.constant('add' as const), at: fc.nat(8) }),
    fc.record({ kind: fc.constant('move' as const), item: fc.nat(8), to: fc.nat(8) }),
    fc.record({ kind: fc.constant('remove' as const), item: fc.nat(8) }),
    fc.constant({ kind: 'next' as const }),
  );

  it('AGENDA4 started items always come first, in the order they started, and never change', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 40 }), (steps) => {
        let agenda = createAgenda();
        let now = T0;
        let added = 0;
        const startedOrder: string[] = [];
        for (const step of steps) {
          now += MIN;
          const id = (i: number) => agenda.items[i % Math.max(1, agenda.items.length)]?.id ?? 'none';
          const before = agenda.items.filter((item) => item.startedAt !== null);
          const result =
            step.kind === 'add'
              ? addAgendaItem(agenda, { id: `n${added++}`, title: 'T', durationMs: MIN }, step.at)
              : step.kind === 'move'
                ? moveAgendaItem(agenda, id(step.item), step.to)
                : step.kind === 'remove'
                  ? removeAgendaItem(agenda, id(step.item))
                  : nextAgendaItem(agenda, now);
          if (!result.ok) continue;
          agenda = result.agenda;
          if (step.kind === 'next' && agenda.currentId !== null) startedOrder.push(agenda.currentId);
          const started = agenda.items.filter((item) => item.startedAt !== null);
          expect(agenda.items.slice(0, started.length)).toEqual(started);
          expect(started.map((item) => item.id)).toEqual(startedOrder);
          for (const item of before) expect(started.find((s) => s.id === item.id)?.startedAt).toBe(item.startedAt);
        }
      }),
    );
  });
});
