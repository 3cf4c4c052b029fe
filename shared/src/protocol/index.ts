import type { z } from 'zod';
import type { AttendanceCounts } from '../domain/attendance.js';
import type { AckCallback } from './errors.js';
import type {
  emptyPayload,
  profileUpdateBody,
  removePayload,
  setRolePayload,
} from './schemas.js';
import type { ParticipantView, SessionState } from './views.js';
import type { CafeRun } from '../domain/cafe/run.js';
import type { CafePublicView, CafeView, extendRoundPayload, PromptView, promptPayload, RoundTimerPayload, SeatPayload, lockPayload, makeTablesPayload, movePayload, planPayload, setRoundsPayload, setTablesPayload } from './cafe.js';

export * from './errors.js';
export * from './schemas.js';
export * from './views.js';
export * from './cafe.js';
export { COMMANDS, type CommandName } from './commands.js';

type In<S extends z.ZodType> = z.input<S>;

/**
 * Commands a client sends. Every one is acked `{ ok: true, … }` or `{ ok: false, error }`.
 * The payload types here are what a client may send; the server never trusts them and
 * parses each payload with the schema named in COMMANDS.
 */
export interface ClientToServerEvents {
  'session:sync': (payload: In<typeof emptyPayload>, ack: AckCallback<{ state: SessionState }>) => void;
  'participant:list': (payload: In<typeof emptyPayload>, ack: AckCallback<{ participants: ParticipantView[] }>) => void;
  'participant:set-role': (payload: In<typeof setRolePayload>, ack: AckCallback<{ participant: ParticipantView }>) => void;
  'participant:remove': (payload: In<typeof removePayload>, ack: AckCallback) => void;
  'profile:update': (payload: In<typeof profileUpdateBody>, ack: AckCallback<{ participant: ParticipantView }>) => void;
  'projector:rotate-key': (payload: In<typeof emptyPayload>, ack: AckCallback<{ projectorKey: string }>) => void;
  'cafe:get': (payload: In<typeof emptyPayload>, ack: AckCallback<{ cafe: CafeView }>) => void;
  'cafe:set-tables': (payload: In<typeof setTablesPayload>, ack: AckCallback<{ cafe: CafeView }>) => void;
  'cafe:make-tables': (payload: In<typeof makeTablesPayload>, ack: AckCallback<{ cafe: CafeView }>) => void;
  'cafe:set-rounds': (payload: In<typeof setRoundsPayload>, ack: AckCallback<{ cafe: CafeView }>) => void;
  'cafe:plan': (payload: In<typeof planPayload>, ack: AckCallback<{ cafe: CafeView }>) => void;
  'cafe:move': (payload: In<typeof movePayload>, ack: AckCallback<{ cafe: CafeView }>) => void;
  'cafe:lock': (payload: In<typeof lockPayload>, ack: AckCallback<{ cafe: CafeView }>) => void;
  'cafe:start-round': (payload: In<typeof emptyPayload>, ack: AckCallback<{ run: CafeRun }>) => void;
  'cafe:pause-round': (payload: In<typeof emptyPayload>, ack: AckCallback<{ run: CafeRun }>) => void;
  'cafe:resume-round': (payload: In<typeof emptyPayload>, ack: AckCallback<{ run: CafeRun }>) => void;
  'cafe:extend-round': (payload: In<typeof extendRoundPayload>, ack: AckCallback<{ run: CafeRun }>) => void;
  'cafe:end-round': (payload: In<typeof emptyPayload>, ack: AckCallback<{ run: CafeRun }>) => void;
  'cafe:prompt': (payload: In<typeof promptPayload>, ack: AckCallback<{ prompt: PromptView }>) => void;
  /** The server's clock, for the client's offset estimate (TIME9). */
  'clock:ping': (payload: In<typeof emptyPayload>, ack: AckCallback<{ serverTime: number }>) => void;
}

/** Events the server pushes. */
export interface ServerToClientEvents {
  /** The full state for this member: on every (re)connect, so a client never has to guess. */
  'session:state': (state: SessionState) => void;
  /** Attendance counts, coalesced: at most a few per second however many people join. */
  'attendance:changed': (counts: AttendanceCounts) => void;
  /** To staff (roles allowed `participants:list`): one person joined, changed or came and went. */
  'participant:changed': (participant: ParticipantView) => void;
  /** To staff: a person was removed. */
  'participant:removed': (payload: { participantId: string }) => void;
  /** To the person concerned: their own record changed (a new role, say). */
  'me:changed': (participant: ParticipantView) => void;
  /** To the person concerned, just before their connections close. */
  'me:removed': () => void;
  /** To staff: the café's tables, rounds or plan changed. */
  'cafe:changed': (cafe: CafeView) => void;
  /** To everyone in a café session: a round started or ended, or the tables or seating changed. */
  'cafe:live': (live: CafePublicView) => void;
  /** To one member: their seat in the focus round changed (or who else sits there). */
  'cafe:seat': (payload: SeatPayload) => void;
  /** To everyone: the round was paused, resumed or extended. */
  'cafe:timer': (payload: RoundTimerPayload) => void;
  /** To everyone, or to the people at one table: a live prompt. */
  'cafe:prompt': (prompt: PromptView) => void;
}

export interface InterServerEvents {}

/** What the server keeps on each socket; only ids, so state is never stale in one process. */
export interface SocketData {
  sessionId: string;
  /** null for the projector display. */
  participantId: string | null;
}
