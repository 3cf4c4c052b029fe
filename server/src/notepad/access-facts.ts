// Gathers from storage what the pure access rule needs (shared/src/domain/notepad/access.ts).
import type { NotepadCafeFacts } from '@open-talks/shared';
import type { Store } from '../store/index.js';

export async function cafeFacts(store: Store, sessionId: string): Promise<NotepadCafeFacts> {
  const [session, tables, rounds, plan, run] = await Promise.all([
    store.sessions.byId(sessionId),
    store.cafe.tables(sessionId),
    store.cafe.rounds(sessionId),
    store.cafe.plan(sessionId),
    store.cafe.run(sessionId),
  ]);
  return {
    tables: tables.map((t) => ({ id: t.id, hostParticipantId: t.hostParticipantId })),
    roundCount: rounds.length,
    currentRound: run.round,
    plan: plan?.plan ?? null,
    observerNotes: session?.observerNotes ?? false,
  };
}
