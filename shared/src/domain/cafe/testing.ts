// Small builders for the café's tests (test-only): tables, people, runs and a sample snapshot.
import type { Timer } from '../timer/timer.js';
import type { Mode, Role } from '../words.js';
import type { CafePerson, CafeSnapshot } from './live.js';
import type { CafeRun } from './run.js';
import type { CafeRound, CafeTable, PersonForSeating } from './setup.js';

export const table = (id: string, kind: CafeTable['kind'], capacity: number, hostParticipantId: string | null = null): CafeTable => ({
  id,
  label: id,
  kind,
  capacity,
  hostParticipantId,
  videoUrl: null,
});

export const person = (id: string, mode: Mode = 'in-room', role: Role = 'participant'): PersonForSeating => ({ id, mode, role, stakeholderGroup: 'academia' });

export const rounds = (count: number): CafeRound[] => Array.from({ length: count }, (_, i) => ({ number: i + 1, question: `Q${i + 1}`, durationMs: 60_000 }));

export const NOT_STARTED: CafeRun = { round: 0, timer: null };

export function running(round: number, now = 1_000_000): CafeRun {
  const timer: Timer = { status: 'running', durationMs: 60_000, deadline: now + 60_000, remainingMs: null, startedAt: now, endedAt: null };
  return { round, timer };
}

export function ended(round: number, now = 1_000_000): CafeRun {
  const timer: Timer = { status: 'ended', durationMs: 60_000, deadline: null, remainingMs: null, startedAt: now, endedAt: now + 60_000 };
  return { round, timer };
}

/** Four people: Amina hosts Lotus; Chen has no display name. */
export const SAMPLE_PEOPLE: readonly CafePerson[] = [
  { id: 'amina', displayName: 'Amina', role: 'host', mode: 'in-room', stakeholderGroup: 'government' },
  { id: 'bo', displayName: 'Bo', role: 'participant', mode: 'in-room', stakeholderGroup: 'academia' },
  { id: 'chen', displayName: null, role: 'participant', mode: 'remote', stakeholderGroup: 'civil-society' },
  { id: 'dana', displayName: 'Dana', role: 'participant', mode: 'remote', stakeholderGroup: 'other' },
];

/** A two-round café of two tables, in round 1, with prompts to everyone, to Lotus and from before the start. */
export function snapshot(overrides: Partial<CafeSnapshot> = {}): CafeSnapshot {
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
    run: running(1),
    prompts: [
      { id: 'p1', round: 1, tableId: null, text: 'To all', sentAt: 1 },
      { id: 'p2', round: 1, tableId: 'lotus', text: 'To Lotus', sentAt: 2 },
      { id: 'p3', round: 0, tableId: 'lotus', text: 'Before the start', sentAt: 0 },
    ],
    people: new Map(SAMPLE_PEOPLE.map((p) => [p.id, p])),
    ...overrides,
  };
}
