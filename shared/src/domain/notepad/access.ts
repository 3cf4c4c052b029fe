// Who may read or write which notepad (docs/notepads.md, NOTE2–NOTE6). Pure: the server
// gathers the facts from storage on every connection and every revalidation; nothing here
// comes from the client.
import type { SeatingPlan } from '../seating/types.js';
import type { Role } from '../words.js';
import { mayCurateIdeas } from './ideas.js';
import type { NotepadRoom } from './room.js';

export type NotepadAccess = 'write' | 'read' | 'none';

/** Why a connection gets no access: becomes the close reason the client shows. */
export type NotepadRefusal = 'other-session' | 'removed' | 'no-such-room' | 'not-allowed';

export interface NotepadAccessDecision {
  access: NotepadAccess;
  /** Set when access is 'none'. */
  refusal?: NotepadRefusal;
}

/** Who is asking: a participant, or the session's projector display (participant null). */
export interface NotepadViewer {
  sessionId: string;
  participant: { id: string; role: Role; removed: boolean } | null;
}

/** The café as storage has it now. */
export interface NotepadCafeFacts {
  tables: readonly { id: string; hostParticipantId: string | null }[];
  roundCount: number;
  /** The round being held or last held; 0 before the first (CafeRun.round). */
  currentRound: number;
  plan: SeatingPlan | null;
  /** The session lets observers read the tables' notes (NOTE3). */
  observerNotes: boolean;
}

/** NOTE2: staff who may write in every table's notepad, whatever the round. */
const TABLE_STAFF: ReadonlySet<Role> = new Set(['facilitator', 'moderator', 'rapporteur']);
/**
 * NOTE2: people who write in a table's notepad when seated there (a host is seated at their
 * table; a hub at its own, where its coordinator types for the room: SEAT11).
 */
const TABLE_SEATED: ReadonlySet<Role> = new Set(['participant', 'host', 'hub']);
/** NOTE4: the harvest's writers; everyone in the session (and the projector) reads it. */
const HARVEST_WRITERS: ReadonlySet<Role> = new Set(['facilitator', 'rapporteur']);
/** NOTE5: the synthesis is the rapporteurs' working document. */
const SYNTHESIS_WRITERS: ReadonlySet<Role> = new Set(['rapporteur', 'facilitator']);
const SYNTHESIS_READERS: ReadonlySet<Role> = new Set(['moderator']);

const WRITE: NotepadAccessDecision = { access: 'write' };
const READ: NotepadAccessDecision = { access: 'read' };
const refuse = (refusal: NotepadRefusal): NotepadAccessDecision => ({ access: 'none', refusal });

/** Whether a person sits at a table in a round (from 1): seated by the plan, or its host (SEAT1). */
export function isSeatedAt(cafe: NotepadCafeFacts, participantId: string, tableId: string, round: number): boolean {
  const table = cafe.tables.find((t) => t.id === tableId);
  if (table?.hostParticipantId === participantId) return true;
  return cafe.plan?.rounds[round - 1]?.[tableId]?.includes(participantId) ?? false;
}

export function notepadAccess(viewer: NotepadViewer, room: NotepadRoom, cafe: NotepadCafeFacts): NotepadAccessDecision {
  if (viewer.sessionId !== room.sessionId) return refuse('other-session'); // NOTE1
  const me = viewer.participant;
  if (me?.removed) return refuse('removed'); // NOTE6
  switch (room.kind) {
    case 'table': {
      const exists = cafe.tables.some((t) => t.id === room.tableId) && room.round >= 1 && room.round <= cafe.roundCount;
      if (!exists) return refuse('no-such-room');
      if (me === null) return READ; // NOTE3: the projector shows tables' notes
      if (TABLE_STAFF.has(me.role)) return WRITE;
      if (me.role === 'observer') return cafe.observerNotes ? READ : refuse('not-allowed'); // NOTE3
      // NOTE2: seated people write while their round is the café's current one (held, or just
      // ended until the next starts); afterwards their notes are read-only, like everyone's.
      if (TABLE_SEATED.has(me.role) && room.round === cafe.currentRound && isSeatedAt(cafe, me.id, room.tableId, room.round)) {
        return WRITE;
      }
      return READ; // NOTE3: everyone else in the session follows read-only
    }
    case 'harvest':
      if (me === null) return READ;
      return HARVEST_WRITERS.has(me.role) ? WRITE : READ; // NOTE4
    case 'synthesis':
      if (me === null) return refuse('not-allowed');
      if (SYNTHESIS_WRITERS.has(me.role)) return WRITE; // NOTE5
      return SYNTHESIS_READERS.has(me.role) ? READ : refuse('not-allowed');
    default:
      throw new Error(`unknown notepad room ${JSON.stringify(room satisfies never)}`);
  }
}

/**
 * IDEA2: whether a person may mark, edit, reorder and drop a table notepad's key ideas: write
 * access there (NOTE2), and then staff, the table's host, or anyone at a table without a host.
 */
export function mayCurateTableIdeas(viewer: NotepadViewer, room: Extract<NotepadRoom, { kind: 'table' }>, cafe: NotepadCafeFacts): boolean {
  const me = viewer.participant;
  if (me === null || notepadAccess(viewer, room, cafe).access !== 'write') return false;
  const host = cafe.tables.find((t) => t.id === room.tableId)?.hostParticipantId ?? null;
  return mayCurateIdeas({ canWrite: true, hasHost: host !== null, isHost: host === me.id, isStaff: TABLE_STAFF.has(me.role) });
}
