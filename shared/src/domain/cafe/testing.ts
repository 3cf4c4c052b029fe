// Small builders for the café's decision tests (test-only).
import type { Timer } from '../timer/timer.js';
import type { Mode, Role } from '../words.js';
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
