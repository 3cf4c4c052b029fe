// What a running café shows each person: their seat, and the tables as everyone sees them (the
// public view is built on the server, server/src/cafe/views.ts). Pure, so the attribution rule
// for tablemates is tested here once.
import type { PromptView, SeatView, TablemateView, TableSummary } from '../../protocol/cafe.js';
import type { SeatingPlan } from '../seating/types.js';
import { attribute } from '../attribution.js';
import type { Attribution, Mode, Role, StakeholderGroup } from '../words.js';
import { focusRound, type CafeRun } from './run.js';
import type { CafeRound, CafeTable } from './setup.js';

export interface CafePerson {
  id: string;
  displayName: string | null;
  role: Role;
  mode: Mode;
  stakeholderGroup: StakeholderGroup;
}

export interface CafeSnapshot {
  attribution: Attribution;
  tables: readonly CafeTable[];
  rounds: readonly CafeRound[];
  plan: SeatingPlan | null;
  run: CafeRun;
  /** The latest prompts, oldest first, to everyone and to tables. */
  prompts: readonly PromptView[];
  people: ReadonlyMap<string, CafePerson>;
  /** HARV6: the projector shows the harvest; false when left out. */
  harvestShown?: boolean;
}

/** Who sits where in the focus round: participant id → table id. */
export function focusSeating(snapshot: CafeSnapshot): Map<string, string> {
  const seats = new Map<string, string>();
  const round = focusRound(snapshot.run, snapshot.rounds.length);
  const seating = round === null ? undefined : snapshot.plan?.rounds[round - 1];
  if (!seating) return seats;
  for (const [tableId, ids] of Object.entries(seating)) for (const id of ids) seats.set(id, tableId);
  return seats;
}

/** The tables numbered from 1, each with how many sit there in the focus round. */
export function tableSummaries(snapshot: CafeSnapshot): TableSummary[] {
  const round = focusRound(snapshot.run, snapshot.rounds.length);
  const seating = round === null ? undefined : snapshot.plan?.rounds[round - 1];
  return snapshot.tables.map((t, i) => ({
    id: t.id,
    number: i + 1,
    label: t.label,
    kind: t.kind,
    capacity: t.capacity,
    hub: t.hubParticipantId !== null,
    seated: seating?.[t.id]?.length ?? 0,
  }));
}

/** A tablemate as the session's attribution allows (`attribute`: CAFE3, ATTR1–ATTR2). */
export function tablemate(person: CafePerson, attribution: Attribution, isHost: boolean): TablemateView {
  return { ...attribute(attribution, person), isHost };
}

function seatChange(before: string | undefined, now: string): SeatView['change'] {
  if (before === undefined) return 'new';
  return before === now ? 'stay' : 'move';
}

/** What building any seat of the focus round needs, worked out once per snapshot. */
interface SeatContext {
  round: number;
  seating: Readonly<Record<string, readonly string[]>>;
  tables: TableSummary[];
  /** participant id → their table in the round before (SEAT10). */
  tableBefore: Map<string, string>;
}

function seatContext(snapshot: CafeSnapshot): SeatContext | null {
  const round = focusRound(snapshot.run, snapshot.rounds.length);
  const seating = round === null ? undefined : snapshot.plan?.rounds[round - 1];
  if (round === null || !seating) return null;
  const before = round > 1 ? snapshot.plan?.rounds[round - 2] : undefined;
  const tableBefore = new Map<string, string>();
  for (const [tableId, ids] of Object.entries(before ?? {})) for (const id of ids) tableBefore.set(id, tableId);
  return { round, seating, tables: tableSummaries(snapshot), tableBefore };
}

/** The seats at the snapshot's `index`th table, added to `views` (only those in `only`, if given). */
function addTableSeats(snapshot: CafeSnapshot, context: SeatContext, index: number, views: Map<string, SeatView>, only?: ReadonlySet<string>): void {
  const table = snapshot.tables[index]!;
  const ids = context.seating[table.id] ?? [];
  const present = ids.map((id) => snapshot.people.get(id)).filter((p): p is CafePerson => p !== undefined);
  const hostPerson = present.find((p) => p.id === table.hostParticipantId);
  const host = hostPerson ? tablemate(hostPerson, snapshot.attribution, true) : null;
  const prompts = snapshot.prompts.filter((p) => p.tableId === table.id && p.round === snapshot.run.round);
  // Built once per table and shared by its seats (each is serialised on its own): CAFE-PERF1.
  const summary = { ...context.tables[index]!, videoUrl: table.kind === 'in-room' ? null : table.videoUrl };
  const guests = present.filter((p) => p.id !== table.hostParticipantId).map((p) => ({ id: p.id, view: tablemate(p, snapshot.attribution, false) }));
  for (const person of present) {
    if (only && !only.has(person.id)) continue;
    views.set(person.id, {
      round: context.round,
      table: summary,
      host: person.id === table.hostParticipantId ? null : host,
      tablemates: guests.filter((g) => g.id !== person.id).map((g) => g.view),
      youHost: person.id === table.hostParticipantId,
      change: seatChange(context.tableBefore.get(person.id), table.id),
      prompts,
    });
  }
}

/**
 * Every seated person's seat in the focus round, built in one pass (a round start sends one
 * to each of up to thousands of people). People without a seat are absent.
 */
export function seatViews(snapshot: CafeSnapshot, only?: ReadonlySet<string>): Map<string, SeatView> {
  const views = new Map<string, SeatView>();
  const context = seatContext(snapshot);
  if (!context) return views;
  snapshot.tables.forEach((table, i) => {
    if (only && !(context.seating[table.id] ?? []).some((id) => only.has(id))) return;
    addTableSeats(snapshot, context, i, views, only);
  });
  return views;
}

/**
 * One person's seat (null: none), as seatViews gives it, for a snapshot asked again and again: a
 * table's seats are built the first time someone at it asks. People reconnecting after a restart
 * ask one at a time, so a snapshot that expires before all are back builds only the tables asked.
 */
export function seatLookup(snapshot: CafeSnapshot): (participantId: string) => SeatView | null {
  let context: SeatContext | null | undefined;
  let tableOf: Map<string, number> | undefined;
  const built = new Map<number, Map<string, SeatView>>();
  return (participantId) => {
    if (context === undefined) {
      context = seatContext(snapshot);
      tableOf = new Map();
      if (context) {
        const seating = context.seating;
        snapshot.tables.forEach((table, i) => {
          for (const id of seating[table.id] ?? []) tableOf!.set(id, i);
        });
      }
    }
    const index = tableOf!.get(participantId);
    if (!context || index === undefined) return null;
    let views = built.get(index);
    if (!views) {
      built.set(index, (views = new Map<string, SeatView>()));
      addTableSeats(snapshot, context, index, views);
    }
    return views.get(participantId) ?? null;
  };
}
