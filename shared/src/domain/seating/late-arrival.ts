// Changes to a plan while the café runs, without moving anyone already seated:
// a late arrival gets a seat from the current round on; a leaver's seats are freed.
import { hubOf } from './hubs.js';
import type { SeatingError, SeatingParticipant, SeatingPlan, SeatingTable } from './types.js';

export type LateArrivalResult = { ok: true; plan: SeatingPlan; /** Table id per round, from roundIndex on. */ seats: string[] } | { ok: false; error: SeatingError };

/**
 * Seats `participant` in round `roundIndex` (0-based) and every later round: at the least full
 * table that fits their mode (SEAT2) and has a free seat (SEAT3), their own table if they host
 * (SEAT1), a hub alone at its own (SEAT11). Only tables of the smallest size within their kind
 * are candidates, so SEAT4 holds if it held before; in later rounds the one where they meet the fewest people they already met wins.
 * All or nothing: if some round has no seat, nothing changes.
 */
export function seatLateArrival(plan: SeatingPlan, roundIndex: number, participant: SeatingParticipant, tables: readonly SeatingTable[]): LateArrivalResult {
  if (!Number.isInteger(roundIndex) || roundIndex < 0 || roundIndex >= plan.rounds.length) {
    return { ok: false, error: { code: 'invalid-input', message: `there is no round ${roundIndex + 1}` } };
  }
  if (plan.rounds.slice(roundIndex).some((round) => Object.values(round).some((ids) => ids.includes(participant.id)))) {
    return { ok: false, error: { code: 'duplicate-id', message: `${participant.id} already has a seat` } };
  }
  const met = new Map<string, number>();
  const rounds = plan.rounds.map((round) => ({ ...round }));
  const seats: string[] = [];
  for (let r = roundIndex; r < rounds.length; r++) {
    const round = rounds[r]!;
    const tableId = pickTable(round, participant, tables, met);
    if (tableId === null) {
      return { ok: false, error: { code: 'no-seat', message: `no free ${participant.mode} seat in round ${r + 1}` } };
    }
    const others = round[tableId] ?? [];
    for (const id of others) met.set(id, (met.get(id) ?? 0) + 1);
    round[tableId] = [...others, participant.id];
    seats.push(tableId);
  }
  return { ok: true, plan: { rounds }, seats };
}

function pickTable(round: Record<string, string[]>, participant: SeatingParticipant, tables: readonly SeatingTable[], met: Map<string, number>): string | null {
  const size = (table: SeatingTable) => round[table.id]?.length ?? 0;
  // SEAT11: a hub sits at its own table, alone; nobody else sits there.
  const hubTable = tables.find((t) => hubOf(t) === participant.id);
  if (hubTable) return size(hubTable) === 0 ? hubTable.id : null;
  if (participant.hostTableId !== undefined) {
    const own = tables.find((t) => t.id === participant.hostTableId);
    return own && size(own) < own.capacity ? own.id : null;
  }
  const open = tables.filter((t) => hubOf(t) === null && (t.kind === 'hybrid' || t.kind === participant.mode) && size(t) < t.capacity);
  const smallestOfKind = new Map<string, number>();
  for (const t of open) smallestOfKind.set(t.kind, Math.min(smallestOfKind.get(t.kind) ?? Infinity, size(t)));
  let best: SeatingTable | null = null;
  let bestScore: [number, number] = [Infinity, Infinity];
  for (const t of open) {
    if (size(t) !== smallestOfKind.get(t.kind)) continue;
    const repeats = (round[t.id] ?? []).filter((id) => met.has(id)).length;
    const score: [number, number] = [repeats, size(t)];
    if (score[0] < bestScore[0] || (score[0] === bestScore[0] && score[1] < bestScore[1])) {
      best = t;
      bestScore = score;
    }
  }
  return best?.id ?? null;
}

/** The plan without `participantId` from round `fromRound` (0-based) on; earlier rounds stay as they were. */
export function removeFromPlan(plan: SeatingPlan, participantId: string, fromRound = 0): SeatingPlan {
  return {
    rounds: plan.rounds.map((round, r) =>
      r < fromRound ? round : Object.fromEntries(Object.entries(round).map(([tableId, ids]) => [tableId, ids.filter((id) => id !== participantId)])),
    ),
  };
}
