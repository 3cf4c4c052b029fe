import { describe, expect, it } from 'vitest';
import type { CafeRun, CafeSnapshot } from '../../shared/src/index.js';
import { publicCafeView } from '../../server/src/cafe/views.js';

// Moved from shared/src/domain/cafe/live.test.ts with publicCafeView (issue 13): the same case.
const ended = (round: number): CafeRun => ({
  round,
  timer: { status: 'ended', durationMs: 60_000, deadline: null, remainingMs: null, startedAt: 1_000_000, endedAt: 1_060_000 },
});

function snapshot(overrides: Partial<CafeSnapshot> = {}): CafeSnapshot {
  return {
    attribution: 'named',
    tables: [
      { id: 'lotus', label: 'Lotus', kind: 'hybrid', capacity: 4, hostParticipantId: 'amina', videoUrl: 'https://meet.example.org/lotus' },
      { id: 'cedar', label: '2', kind: 'in-room', capacity: 4, hostParticipantId: null, videoUrl: 'https://ignored.example.org' },
    ],
    rounds: [
      { number: 1, question: 'Why?', durationMs: 60_000 },
      { number: 2, question: 'How?', durationMs: 60_000 },
    ],
    plan: { rounds: [{ lotus: ['amina', 'bo', 'chen'], cedar: [] }, { lotus: ['amina', 'chen', 'dana'], cedar: ['bo'] }] },
    run: ended(1),
    prompts: [
      { id: 'p1', round: 1, tableId: null, text: 'To all', sentAt: 1 },
      { id: 'p2', round: 1, tableId: 'lotus', text: 'To Lotus', sentAt: 2 },
      { id: 'p3', round: 0, tableId: 'lotus', text: 'Before the start', sentAt: 0 },
    ],
    people: new Map(),
    ...overrides,
  };
}

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
    expect(publicCafeView(snapshot())).toMatchObject({ phase: 'between-rounds', focusRound: 2, harvestShown: false });
    expect(publicCafeView(snapshot({ run: ended(2), harvestShown: true }))).toMatchObject({ phase: 'finished', focusRound: null, harvestShown: true });
  });
});
