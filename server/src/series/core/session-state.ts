// A session's state as the series console shows it (SER24): read from what each format stores,
// never from a live process, so every server node answers the same.
import { cafePhase, type Agenda, type CafeRun } from '@open-talks/shared';
import { defaultConsultationConfig, effectivePhase, type ConsultationConfig } from '@open-talks/shared/consultation';
import type { SessionRecord, Store } from '../../store/index.js';

export type LiveState = 'not-started' | 'running' | 'ended';

/** A café: its rounds' run (CAFE_RUN_START until the first round starts). */
export function cafeState(run: CafeRun, roundCount: number): LiveState {
  const phase = cafePhase(run, roundCount);
  if (phase === 'not-started') return 'not-started';
  return phase === 'finished' ? 'ended' : 'running';
}

/** A Town Hall: its agenda; over once the last item has ended (no current item, a timer kept). */
export function townhallState(agenda: Agenda | null): LiveState {
  if (!agenda || (agenda.currentId === null && agenda.timer === null)) return 'not-started';
  return agenda.currentId === null ? 'ended' : 'running';
}

/** A consultation: the phase in force now (CONS2), its own word. */
export function consultationState(config: ConsultationConfig | undefined, now: number): string {
  return effectivePhase(config ?? defaultConsultationConfig(), now);
}

export async function sessionState(store: Store, session: SessionRecord, now: number): Promise<string> {
  if (session.format === 'consultation') return consultationState(await store.consultation.config(session.id), now);
  if (session.endedAt !== null) return 'ended';
  if (session.format === 'townhall') return townhallState((await store.townhall.state(session.id))?.agenda ?? null);
  const [run, rounds] = await Promise.all([store.cafe.run(session.id), store.cafe.rounds(session.id)]);
  return cafeState(run, rounds.length);
}
