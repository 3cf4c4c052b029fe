import type { townhallSettingsPayload, TownhallLive, TownhallSettings } from '@open-talks/shared/protocol';
import type { z } from 'zod';
import type { Principal } from '../sessions/principal.js';
import type { ParticipantRecord, TownhallStateRecord } from '../store/index.js';
import { AgendaService } from './agenda/agenda-service.js';
import { CaptionService } from './captions/caption-service.js';
import { isStaff, requireTownhall, type TownhallContext } from './context.js';
import { PollService } from './polls/poll-service.js';
import { QaService } from './qa/qa-service.js';
import { QueueService } from './queue/queue-service.js';
import { agendaView, floorView, handStatus, queueView, questionItem } from './views.js';
import { hasVoted, questionsFor } from '@open-talks/shared';

/**
 * The Town Hall: Q&A, speaker queue, polls, captions and agenda (issue 5), one service each over
 * a shared context; this one adds the settings, the full state a member gets on (re)connect,
 * following people as they change, and picking the timers up again after a restart.
 */
export class TownhallService {
  readonly qa: QaService;
  readonly queue: QueueService;
  readonly polls: PollService;
  readonly captions: CaptionService;
  readonly agenda: AgendaService;

  constructor(private readonly ctx: TownhallContext) {
    this.qa = new QaService(ctx);
    this.queue = new QueueService(ctx);
    this.polls = new PollService(ctx);
    this.captions = new CaptionService(ctx);
    this.agenda = new AgendaService(ctx);
    ctx.bus.subscribe('townhall:room-loaded', ({ room }) => this.queue.seed(room));
    ctx.bus.subscribe('townhall:room-unloaded', ({ sessionId }) => this.queue.unload(sessionId));
  }

  /** Everything this member may see, for `session:state` and GET /api/sessions/:id/townhall. SYNC1. */
  async live(principal: Principal): Promise<TownhallLive> {
    requireTownhall(principal.session);
    const room = await this.ctx.room(principal.session);
    const participantId = principal.participant?.id ?? null;
    const staff = isStaff(principal.role);
    const viewer = { participantId, staff };
    const views = questionsFor(room.board, { participantId: participantId ?? '', moderator: staff }, 'top');
    const ids = new Set(views.map((v) => room.board.questions[v.id]!.authorId));
    for (const hand of room.queue.hands) ids.add(hand.participantId);
    if (room.queue.floor) ids.add(room.queue.floor.participantId);
    await this.ctx.people.ensure(ids);
    const questions = views.map((v) => questionItem(room, room.board.questions[v.id]!, viewer, this.ctx.lookup));
    const myVotes = participantId === null ? [] : views.filter((v) => hasVoted(room.board, v.id, participantId)).map((v) => v.id);
    return {
      settings: room.settings,
      qa: { questions, myVotes },
      you: participantId === null ? null : handStatus(room.queue, participantId),
      floor: floorView(room.queue.floor, room.attribution, this.ctx.lookup),
      queue: staff ? queueView(room, this.ctx.lookup) : null,
      polls: this.polls.itemsFor(room, viewer),
      projectedPollId: room.projectedPollId,
      captions: room.captions,
      captionStreams: this.captions.streamsOf(room, principal.session.languages),
      agenda: agendaView(room.agenda),
    };
  }

  configure(principal: Principal, changes: z.output<typeof townhallSettingsPayload>): Promise<{ settings: TownhallSettings }> {
    return this.ctx.run(principal, async (room) => {
      const settings: TownhallSettings = {
        moderation: changes.moderation ?? room.settings.moderation,
        interventionMs: changes.interventionSeconds === undefined ? room.settings.interventionMs : changes.interventionSeconds * 1_000,
        anonymousQuestions: changes.anonymousQuestions ?? room.settings.anonymousQuestions,
        videoRoomUrl: changes.videoRoomUrl === undefined ? room.settings.videoRoomUrl : changes.videoRoomUrl,
        projectorCaptionLanguage: changes.projectorCaptionLanguage === undefined ? room.settings.projectorCaptionLanguage : changes.projectorCaptionLanguage,
      };
      await this.ctx.saveState(room, { settings });
      room.settings = settings;
      this.ctx.bus.publish('townhall:settings', { sessionId: room.sessionId, settings });
      return { settings };
    });
  }

  /** Someone joined, changed or was removed: names stay current; a removed person's hand comes down. */
  async personChanged(person: ParticipantRecord): Promise<void> {
    // A room not in memory reads its people when it loads; only a loaded one is kept current.
    if (this.ctx.loaded(person.sessionId)) this.ctx.people.update(person);
    if (person.removedAt === null) return;
    const session = await this.ctx.store.sessions.byId(person.sessionId);
    if (session) await this.queue.personRemoved(session, person);
  }

  /** After a start: running floor and agenda timers get their "time is up" scheduled again. */
  async resumeClocks(): Promise<void> {
    for (const { sessionId, state } of await this.ctx.store.townhall.allStates()) if (townhallClockRunning(state, this.ctx.now())) await this.resumeRoom(sessionId);
  }

  /** This node took the session (docs/cluster.md CLU12): running floor and agenda timers are armed again, from storage. */
  async resumeSession(sessionId: string): Promise<void> {
    const state = await this.ctx.store.townhall.state(sessionId);
    if (state && townhallClockRunning(state, this.ctx.now())) await this.resumeRoom(sessionId);
  }

  /**
   * Another node owns the session now, or this one takes it (CLU13): its timers stop here and its
   * room leaves memory. Not in the session's turn: a command in flight keeps the room it has
   * (its writes are fenced); the next one reads the session again.
   */
  dropSession(sessionId: string): void {
    this.ctx.clock.cancel(`${sessionId}:floor`);
    this.ctx.clock.cancel(`${sessionId}:agenda`);
    if (this.ctx.loaded(sessionId)) this.ctx.unload(sessionId);
  }

  private async resumeRoom(sessionId: string): Promise<void> {
    const session = await this.ctx.store.sessions.byId(sessionId);
    if (!session || session.format !== 'townhall') return;
    const room = await this.ctx.room(session);
    this.queue.watchFloor(room);
    this.agenda.watch(room);
  }
}

/** Whether a floor or agenda timer runs towards a deadline still to come (a clock to arm after a start). */
export function townhallClockRunning(state: TownhallStateRecord, now: number): boolean {
  return [state.queue.floor?.timer, state.agenda.timer].some((t) => t?.status === 'running' && (t.deadline ?? 0) > now);
}
