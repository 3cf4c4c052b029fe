// Keeping a running café's plan in step with who is there: a late arrival gets a seat, a leaver
// frees theirs, someone who switched between the room and remote moves to a table that fits.
// Nobody else moves (seatLateArrival's rule), and rounds already held are never rewritten.
import { removeFromPlan, seatLateArrival } from '../seating/late-arrival.js';
import type { SeatingPlan } from '../seating/types.js';
import { seatingParticipants, type CafeTable, type PersonForSeating } from './setup.js';

export type ReseatResult = { changed: false; seated: boolean } | { changed: true; plan: SeatingPlan; seated: boolean };

function fits(table: CafeTable | undefined, personId: string, mode: string, hostTableId: string | undefined): boolean {
  if (!table) return false;
  if (table.hubParticipantId !== null) return table.hubParticipantId === personId; // SEAT11
  if (hostTableId !== undefined) return table.id === hostTableId;
  return table.kind === 'hybrid' || table.kind === mode;
}

/**
 * Brings one person's seats from round `fromRound` (0-based) on in line with who they are now:
 * `person` null (removed) or in a role that is not seated frees their seats; otherwise they keep
 * seats that still fit and are re-seated (as a late arrival) if any round lacks one.
 * `seated` says whether they end up with a seat in `fromRound`.
 */
export function reseatPerson(plan: SeatingPlan, fromRound: number, personId: string, person: PersonForSeating | null, tables: readonly CafeTable[]): ReseatResult {
  const later = plan.rounds.slice(fromRound);
  const tableIn = later.map((round) => Object.entries(round).find(([, ids]) => ids.includes(personId))?.[0]);
  const wasSeated = tableIn.some((id) => id !== undefined);
  const [participant] = person ? seatingParticipants([person], tables) : [];
  if (!participant) {
    return wasSeated ? { changed: true, plan: removeFromPlan(plan, personId, fromRound), seated: false } : { changed: false, seated: false };
  }
  const byId = new Map(tables.map((t) => [t.id, t]));
  if (tableIn.every((id) => id !== undefined && fits(byId.get(id), personId, participant.mode, participant.hostTableId))) {
    return { changed: false, seated: true };
  }
  const cleared = wasSeated ? removeFromPlan(plan, personId, fromRound) : plan;
  const seated = seatLateArrival(cleared, fromRound, participant, tables);
  if (seated.ok) return { changed: true, plan: seated.plan, seated: true };
  return wasSeated ? { changed: true, plan: cleared, seated: false } : { changed: false, seated: false };
}
