// What the facilitator's console puts first (CONSOLE1–CONSOLE4): the next action of a café, and
// which phase of the console (Prepare, Run, Harvest, Record) the session's state calls for.
// Pure: the console calls the same commands the run panel always has.
import type { AgendaItemStatus } from '../townhall/agenda.js';
import type { PollStatus } from '../townhall/polls.js';
import type { ConsultationPhase } from '../consultation/words.js';
import type { SessionFormat } from '../words.js';
import { cafePhase, type CafePhase, type CafeRun } from './run.js';

/** What the café console needs to know to name the next action. */
export interface CafeRunState {
  run: CafeRun;
  rounds: readonly { question: string }[];
  /** HARV6: the harvest is on the projector. */
  harvestShown: boolean;
  /** Whether a seating plan exists; undefined while not known (the console has not loaded it). */
  planned?: boolean;
}

/**
 * CONSOLE1: the one thing to do next, shown as the biggest button of the Run screen.
 * - `set-up`: nothing can start yet (no rounds, or no seating plan): the Prepare phase says what is missing;
 * - `start-round`: `cafe:start-round` (the first, or the next one between rounds);
 * - `end-round`: `cafe:end-round`, after a confirmation (a round is on, running or paused);
 * - `show-harvest`: `cafe:show-harvest` with `show: true` (every round held, harvest not on the projector);
 * - `done`: every round held and the harvest shown: nothing left to run.
 */
export type FacilitatorAction =
  | { kind: 'set-up'; missing: 'rounds' | 'plan' }
  | { kind: 'start-round'; round: number; total: number }
  | { kind: 'end-round'; round: number; total: number }
  | { kind: 'show-harvest' }
  | { kind: 'done' };

export function nextFacilitatorAction(state: CafeRunState): FacilitatorAction {
  const total = state.rounds.length;
  const phase = cafePhase(state.run, total);
  if (phase === 'in-round') return { kind: 'end-round', round: state.run.round, total };
  if (phase === 'finished') return state.harvestShown ? { kind: 'done' } : { kind: 'show-harvest' };
  if (total === 0) return { kind: 'set-up', missing: 'rounds' };
  // Only the first start needs a plan: once started, the plan is locked and stays (CAFE1, CAFE5).
  if (phase === 'not-started' && state.planned === false) return { kind: 'set-up', missing: 'plan' };
  return { kind: 'start-round', round: state.run.round + 1, total };
}

export const CONSOLE_PHASES = ['prepare', 'run', 'harvest', 'record'] as const;
/** The console's steps of an online consultation (CONS50): it runs for weeks, so no Run screen. */
export const CONSULTATION_CONSOLE_PHASES = ['prepare', 'moderate', 'respond', 'opinion', 'record'] as const;
export type ConsolePhase = (typeof CONSOLE_PHASES)[number] | (typeof CONSULTATION_CONSOLE_PHASES)[number];

/**
 * The phases a session's console has (CONSOLE2): a Town Hall has no harvest board; a
 * consultation (CONS50) has Prepare, Moderate, Respond, Opinion groups and Record.
 */
export function consolePhases(format: SessionFormat): readonly ConsolePhase[] {
  if (format === 'consultation') return CONSULTATION_CONSOLE_PHASES;
  return format === 'cafe' ? CONSOLE_PHASES : ['prepare', 'run', 'record'];
}

/** The Town Hall's state as far as the console's phase goes. */
export interface TownhallProgress {
  agenda: { currentId: string | null; items: readonly { status: AgendaItemStatus }[] };
  polls: readonly { status: PollStatus }[];
  /** Someone has the floor. */
  floor: boolean;
}

export type ConsoleState =
  | { format: 'cafe'; phase: CafePhase; recordPublished?: boolean }
  | { format: 'townhall'; townhall: TownhallProgress | undefined; recordPublished?: boolean }
  | { format: 'consultation'; phase: ConsultationPhase | undefined; recordPublished?: boolean };

/**
 * CONSOLE3: the phase the session's state calls for. A café: not started → Prepare, a round on
 * or between rounds → Run, every round held → Harvest, the record published → Record. A Town
 * Hall: nothing started yet → Prepare (questions sent in early do not start it); an agenda item
 * on, a poll opened or someone on the floor → Run; every agenda item done and nothing live →
 * Record, as when the record is published. A consultation (CONS50): draft → Prepare, contributions
 * or comments open → Moderate, closed → Respond, answered → Respond, then Record once published.
 */
export function consolePhaseFor(state: ConsoleState): ConsolePhase {
  if (state.format === 'cafe') {
    if (state.phase === 'not-started') return 'prepare';
    if (state.phase === 'finished') return state.recordPublished ? 'record' : 'harvest';
    return 'run';
  }
  if (state.format === 'consultation') {
    // CONS50: a draft is prepared; open → the queue; closed → responses; answered and published → Record.
    switch (state.phase) {
      case 'contributions':
      case 'comments':
        return 'moderate';
      case 'closed':
        return 'respond';
      case 'answered':
        return state.recordPublished ? 'record' : 'respond';
      default:
        return 'prepare';
    }
  }
  const th = state.townhall;
  if (!th) return 'prepare';
  const live = th.agenda.currentId !== null || th.floor || th.polls.some((p) => p.status === 'open');
  if (live) return 'run';
  if (state.recordPublished) return 'record';
  const items = th.agenda.items;
  if (items.length > 0 && items.every((item) => item.status === 'done')) return 'record';
  const started = items.some((item) => item.status === 'done') || th.polls.some((p) => p.status === 'closed');
  return started ? 'run' : 'prepare';
}
