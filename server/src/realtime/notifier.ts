import { can, type AttendanceCounts } from '@open-talks/shared';
import type { CafePublicView, CafeView, PromptView, RoundTimerPayload, SeatView } from '@open-talks/shared/protocol';
import type { EventBus } from '../events/bus.js';
import type { Logger } from '../log.js';
import type { SessionService } from '../sessions/session-service.js';
import { participantView } from '../sessions/views.js';
import type { ParticipantRecord, SessionRecord } from '../store/index.js';
import { Coalescer } from '../util/coalescer.js';
import { displayRoom, participantRoom, sessionRoom, staffRoom, tableRoom } from './rooms.js';
import type { IoServer } from './types.js';

const FLUSH_DELAY = 200; // ms: a burst of joins at the door becomes one update per screen
// ms: the counts on everyone's screen change at most this often. Staff get them with every flush;
// a restart storm of 2,000 reconnects otherwise sent 5 updates a second to each of 2,000 people (SYNC3).
const ROOM_ATTENDANCE_INTERVAL = 1_000;
// An update to everyone is one write per connection, and in a restart storm the counts change with
// every arrival: a large session gets them less often (RESTART1), 2,000 people every 10 s at most.
const ROOM_ATTENDANCE_PER_PERSON = 5; // ms
const ROOM_ATTENDANCE_MAX_INTERVAL = 10_000; // ms

/** How often everyone else in a session of `people` may get new counts (RESTART1). */
export function roomAttendanceInterval(people: number): number {
  return Math.min(ROOM_ATTENDANCE_MAX_INTERVAL, Math.max(ROOM_ATTENDANCE_INTERVAL, people * ROOM_ATTENDANCE_PER_PERSON));
}

/**
 * Pushes changes to the right rooms. Per-person changes go out at once to that person;
 * the staff list and the attendance counts are coalesced per session, so a room of 2,000
 * filling up costs a few updates a second, not one per arrival per screen.
 */
export class SocketNotifier {
  private readonly pending = new Map<string, Set<string>>(); // sessionId → changed participant ids
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private closed = false;
  private readonly latestAttendance = new Map<string, AttendanceCounts>();
  private readonly roomAttendance: Coalescer;

  constructor(
    private readonly io: IoServer,
    private readonly log: Logger,
    bus: EventBus,
    /** Reads the roster and the counts the staff list and attendance updates carry. */
    private readonly service: Pick<SessionService, 'listParticipants' | 'sessionRecord' | 'attendanceFor' | 'view'>,
  ) {
    this.roomAttendance = new Coalescer(ROOM_ATTENDANCE_INTERVAL, (error, sessionId) => log.error({ err: error, sessionId }, 'attendance broadcast failed'));
    bus.subscribe('participant:changed', ({ participant }) => this.participantChanged(participant));
    bus.subscribe('participant:removed', ({ participant }) => this.participantRemoved(participant));
    bus.subscribe('session:changed', ({ session }) => this.sessionChanged(session));
    bus.subscribe('session:projector', ({ sessionId, projector }) => void this.io.to(sessionRoom(sessionId)).emit('projector:changed', projector));
    bus.subscribe('session:projector-key-rotated', ({ sessionId }) => this.projectorKeyRotated(sessionId));
    bus.subscribe('cafe:changed', ({ sessionId, cafe }) => this.cafeChanged(sessionId, cafe));
    bus.subscribe('cafe:live', ({ sessionId, live, tablesChanged }) => this.cafeLive(sessionId, live, tablesChanged));
    bus.subscribe('cafe:seats', ({ sessionId, seats, tableIds, everyone }) => (everyone ? this.reseatAll(sessionId, seats, tableIds) : this.seats(sessionId, seats, tableIds)));
    bus.subscribe('cafe:timer', ({ sessionId, timer }) => this.roundTimer(sessionId, timer));
    bus.subscribe('cafe:prompt', ({ sessionId, prompt }) => this.prompt(sessionId, prompt));
    // NOTE19: everyone in the session may read the table's notes (observers as the session lets them); a language tag says nothing more.
    bus.subscribe('notepad:language', ({ sessionId, change }) => void this.io.to(sessionRoom(sessionId)).emit('notepad:language', change));
  }

  private participantChanged(participant: ParticipantRecord): void {
    const own = this.io.in(participantRoom(participant.id));
    if (can(participant.role, 'participants:list')) own.socketsJoin(staffRoom(participant.sessionId));
    else own.socketsLeave(staffRoom(participant.sessionId));
    this.io.to(participantRoom(participant.id)).emit('me:changed', participantView(participant, true));
    this.schedule(participant.sessionId, participant.id);
  }

  private participantRemoved(participant: ParticipantRecord): void {
    this.io.to(participantRoom(participant.id)).emit('me:removed');
    this.io.in(participantRoom(participant.id)).disconnectSockets(true);
    this.io.to(staffRoom(participant.sessionId)).emit('participant:removed', { participantId: participant.id });
    this.schedule(participant.sessionId);
  }

  private cafeChanged(sessionId: string, cafe: CafeView): void {
    this.io.to(staffRoom(sessionId)).emit('cafe:changed', cafe);
  }

  /**
   * Staff and projector screens get the table map with every change; everyone else only when the
   * tables themselves changed (CAFE-PERF2): at a round start they need the round and its timer,
   * and their own seat comes as `cafe:seat`. Each is serialised once, whatever the audience.
   */
  private cafeLive(sessionId: string, live: CafePublicView, tablesChanged: boolean): void {
    const mapRooms = [staffRoom(sessionId), displayRoom(sessionId)];
    if (tablesChanged) {
      this.io.to(sessionRoom(sessionId)).emit('cafe:live', live);
      return;
    }
    this.io.to(mapRooms).emit('cafe:live', live);
    const { tables: _map, ...round } = live;
    this.io.to(sessionRoom(sessionId)).except(mapRooms).emit('cafe:live', round);
  }

  /** A few people moved (someone joined, left or changed): only their connections change rooms. */
  private seats(sessionId: string, seats: ReadonlyMap<string, SeatView | null>, tableIds: readonly string[]): void {
    const tableRooms = tableIds.map((id) => tableRoom(sessionId, id));
    for (const [participantId, seat] of seats) {
      const own = this.io.in(participantRoom(participantId));
      own.socketsLeave(tableRooms);
      if (seat) own.socketsJoin(tableRoom(sessionId, seat.table.id));
      this.io.to(participantRoom(participantId)).emit('cafe:seat', { seat });
    }
  }

  /**
   * Everyone's seat changed (a round started or ended, the plan changed): the table rooms are
   * emptied and filled a table at a time (CAFE-PERF3), two adapter operations per table rather
   * than one per person and table room (in a cluster each is a Redis message). Then each person
   * gets their own seat: their table and tablemates only, as the attribution allows (CAFE-PERF1).
   */
  private reseatAll(sessionId: string, seats: ReadonlyMap<string, SeatView | null>, tableIds: readonly string[]): void {
    for (const id of tableIds) this.io.in(tableRoom(sessionId, id)).socketsLeave(tableRoom(sessionId, id));
    const atTable = new Map<string, string[]>();
    for (const [participantId, seat] of seats) {
      if (!seat) continue;
      let rooms = atTable.get(seat.table.id);
      if (!rooms) atTable.set(seat.table.id, (rooms = []));
      rooms.push(participantRoom(participantId));
    }
    for (const [tableId, rooms] of atTable) this.io.in(rooms).socketsJoin(tableRoom(sessionId, tableId));
    for (const [participantId, seat] of seats) this.io.to(participantRoom(participantId)).emit('cafe:seat', { seat });
  }

  private roundTimer(sessionId: string, payload: RoundTimerPayload): void {
    this.io.to(sessionRoom(sessionId)).emit('cafe:timer', payload);
  }

  private prompt(sessionId: string, prompt: PromptView): void {
    const to = prompt.tableId === null ? this.io.to(sessionRoom(sessionId)) : this.io.to(tableRoom(sessionId, prompt.tableId)).to(staffRoom(sessionId));
    to.emit('cafe:prompt', prompt);
  }

  private sessionChanged(session: SessionRecord): void {
    this.io.to(sessionRoom(session.id)).emit('session:changed', this.service.view(session));
  }

  private projectorKeyRotated(sessionId: string): void {
    this.io.in(displayRoom(sessionId)).disconnectSockets(true);
  }

  /** Someone connected or disconnected. */
  presenceChanged(sessionId: string, participantId: string | null): void {
    this.schedule(sessionId, participantId ?? undefined);
  }

  private schedule(sessionId: string, participantId?: string): void {
    if (this.closed) return; // shutting down: the database is about to close
    let ids = this.pending.get(sessionId);
    if (!ids) this.pending.set(sessionId, (ids = new Set()));
    if (participantId) ids.add(participantId);
    if (this.timers.has(sessionId)) return;
    const timer = setTimeout(() => {
      this.flush(sessionId).catch((error: unknown) => this.log.error({ err: error, sessionId }, 'attendance flush failed'));
    }, FLUSH_DELAY);
    timer.unref();
    this.timers.set(sessionId, timer);
  }

  private async flush(sessionId: string): Promise<void> {
    const ids = this.pending.get(sessionId) ?? new Set<string>();
    this.pending.delete(sessionId);
    this.timers.delete(sessionId);
    const participants = await this.service.listParticipants(sessionId);
    for (const participant of participants) {
      if (ids.has(participant.id)) this.io.to(staffRoom(sessionId)).emit('participant:changed', participant);
    }
    const session = await this.service.sessionRecord(sessionId);
    if (!session) return;
    const attendance = await this.service.attendanceFor(session, participants); // remembered for the next state
    this.io.to(staffRoom(sessionId)).emit('attendance:changed', attendance);
    // Everyone else: the latest counts, at most once per interval (the first at once).
    this.latestAttendance.set(sessionId, attendance);
    this.roomAttendance.schedule(
      sessionId,
      () => {
        const latest = this.latestAttendance.get(sessionId);
        this.latestAttendance.delete(sessionId);
        if (latest) this.io.to(sessionRoom(sessionId)).except(staffRoom(sessionId)).emit('attendance:changed', latest);
      },
      roomAttendanceInterval(participants.length),
    );
  }

  close(): void {
    this.closed = true;
    this.roomAttendance.close();
    this.latestAttendance.clear();
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.pending.clear();
  }
}
