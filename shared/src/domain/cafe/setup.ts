// A World Café's set-up: tables and rounds, and how people become seating-planner input.
import type { Mode, Role, StakeholderGroup } from '../words.js';
import type { SeatingParticipant, SeatingPlan, TableKind } from '../seating/types.js';

export interface CafeTable {
  id: string;
  label: string;
  kind: TableKind;
  capacity: number; // seats
  /** A host stays at this table every round (SEAT1). */
  hostParticipantId: string | null;
  /** The virtual table's video room, for remote and hybrid tables. */
  videoUrl: string | null;
  /**
   * SEAT11, HUB50: a hub's own table, made for it when it joins: the hub sits here alone every
   * round (its room discusses together). A remote (virtual) table; null for every other table.
   */
  hubParticipantId: string | null;
}

export interface CafeRound {
  number: number; // from 1
  question: string;
  durationMs: number;
}

/** World Café practice: tables of 4–5, three rounds of 20 minutes, hosts stay, others move. */
export const CAFE_DEFAULTS = {
  tableSize: 5, // people
  rounds: 3,
  roundDurationMs: 20 * 60_000,
} as const;

export const CAFE_LIMITS = {
  tables: 500,
  rounds: 12,
  tableCapacity: 50, // seats
  labelLength: 60, // characters
  questionLength: 500, // characters
  roundDurationMs: 4 * 60 * 60_000,
  promptLength: 280, // characters: a prompt is read at a glance
  promptsKept: 20, // latest prompts sent with a view
} as const;

/** Who sits at tables: participants and table hosts; staff and observers do not. */
export const SEATED_ROLES: ReadonlySet<Role> = new Set(['participant', 'host']);

export interface PersonForSeating {
  id: string;
  role: Role;
  mode: Mode;
  stakeholderGroup: StakeholderGroup;
}

/**
 * The planner's view of the people to seat; a host is seated only if their table names them, a
 * hub only if it has its table (SEAT11).
 */
export function seatingParticipants(people: readonly PersonForSeating[], tables: readonly CafeTable[]): SeatingParticipant[] {
  const hostTable = new Map<string, string>();
  const hubs = new Set<string>();
  for (const table of tables) {
    if (table.hostParticipantId) hostTable.set(table.hostParticipantId, table.id);
    if (table.hubParticipantId) hubs.add(table.hubParticipantId);
  }
  return people
    .filter((p) => SEATED_ROLES.has(p.role) || (p.role === 'hub' && hubs.has(p.id)))
    .map((p) => ({ id: p.id, mode: p.mode, stakeholderGroup: p.stakeholderGroup, hostTableId: hostTable.get(p.id) }));
}

/**
 * "Make tables of about N from whoever is here": enough in-room tables for the people in the
 * room and remote (virtual) tables for the others, each with room for one more than N so a
 * late arrival still finds a seat.
 */
export function suggestTables(counts: Record<Mode, number>, tableSize: number): Omit<CafeTable, 'id'>[] {
  const tables: Omit<CafeTable, 'id'>[] = [];
  for (const kind of ['in-room', 'remote'] as const) {
    const count = Math.ceil(counts[kind] / tableSize);
    for (let i = 0; i < count; i++) {
      tables.push({ label: '', kind, capacity: tableSize + 1, hostParticipantId: null, videoUrl: null, hubParticipantId: null });
    }
  }
  tables.forEach((table, i) => (table.label = String(i + 1)));
  return tables;
}

/** Moves one person to another table in one round (0-based), leaving everyone else where they are. */
export function moveInPlan(plan: SeatingPlan, round: number, participantId: string, tableId: string): SeatingPlan {
  const rounds = plan.rounds.map((seating, r) => {
    if (r !== round) return seating;
    const next: Record<string, string[]> = {};
    for (const [id, people] of Object.entries(seating)) next[id] = people.filter((p) => p !== participantId);
    next[tableId] = [...(next[tableId] ?? []), participantId];
    return next;
  });
  return { rounds };
}

/** The hubs' tables have one seat: the hub's (SEAT11). */
export const HUB_TABLE_CAPACITY = 1;

/**
 * HUB50: a table of its own for a hub that has none: remote (virtual), one seat, labelled with
 * the hub's name under `named` attribution and "Hub N" otherwise (N counting the hubs' tables),
 * so the label tells nothing of the hub where names are not shown. Null if it has one.
 */
export function hubTableFor(tables: readonly CafeTable[], hub: { id: string; name: string }, named: boolean): Omit<CafeTable, 'id'> | null {
  if (tables.some((t) => t.hubParticipantId === hub.id)) return null;
  const number = tables.filter((t) => t.hubParticipantId !== null).length + 1;
  const label = named && hub.name.trim() !== '' ? hub.name.trim() : `Hub ${number}`;
  return { label, kind: 'remote', capacity: HUB_TABLE_CAPACITY, hostParticipantId: null, videoUrl: null, hubParticipantId: hub.id };
}

/**
 * The facilitator's new tables with the hubs' tables kept (they are the server's, made when a hub
 * joins): a hub's table in `next` (by id) may be renamed or get a video link, nothing else; one
 * left out stays, after the others.
 */
export function keepHubTables(existing: readonly CafeTable[], next: readonly CafeTable[]): CafeTable[] {
  const hubTables = new Map(existing.filter((t) => t.hubParticipantId !== null).map((t) => [t.id, t]));
  const kept = next.map((t) => {
    const hub = hubTables.get(t.id);
    return hub ? { ...hub, label: t.label, videoUrl: t.videoUrl } : { ...t, hubParticipantId: null };
  });
  const sent = new Set(next.map((t) => t.id));
  return [...kept, ...[...hubTables.values()].filter((t) => !sent.has(t.id))];
}
