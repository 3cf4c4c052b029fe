// The café as the server sends it to screens that are not staff: built here, from the pure
// snapshot, so the domain holds rules and the protocol's shapes are made at the edge.
import { cafePhase, focusRound, tableSummaries, type CafeSnapshot } from '@open-talks/shared';
import type { CafePublicView } from '@open-talks/shared/protocol';

/** The same for everyone, projector included: tables, the round, prompts to everyone (CAFE3). */
export function publicCafeView(snapshot: CafeSnapshot): CafePublicView {
  return {
    rounds: [...snapshot.rounds],
    run: snapshot.run,
    phase: cafePhase(snapshot.run, snapshot.rounds.length),
    focusRound: focusRound(snapshot.run, snapshot.rounds.length),
    tables: tableSummaries(snapshot),
    prompts: snapshot.prompts.filter((p) => p.tableId === null),
    harvestShown: snapshot.harvestShown ?? false,
  };
}
