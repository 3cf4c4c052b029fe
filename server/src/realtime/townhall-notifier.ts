import type { Poll, PollResults } from '@open-talks/shared';
import type { AgendaView, CaptionView, FloorView, HandStatus, MyBallot, QueueView, TimeUpPayload, TownhallSettings, VoteCounts } from '@open-talks/shared/protocol';
import type { QuestionAudiences, TownhallNotifier } from '../townhall/notifier.js';
import { participantRoom, sessionRoom, staffRoom } from './rooms.js';
import type { IoServer } from './types.js';

/**
 * Town Hall changes to Socket.IO rooms. A question goes out once per audience: staff, its author
 * (all their tabs), everyone else (only while it is visible or answered). Per-person events go to
 * that person's room, so a second tab stays in step.
 */
export class SocketTownhallNotifier implements TownhallNotifier {
  constructor(private readonly io: IoServer) {}

  question(sessionId: string, { authorId, staff, author, public: everyone, wasPublic }: QuestionAudiences): void {
    const own = participantRoom(authorId);
    this.io.to(staffRoom(sessionId)).except(own).emit('qa:question', staff);
    this.io.to(own).emit('qa:question', author);
    const others = this.io.to(sessionRoom(sessionId)).except([staffRoom(sessionId), own]);
    if (everyone) others.emit('qa:question', everyone);
    else if (wasPublic) others.emit('qa:gone', { questionId: staff.id });
  }

  votes(sessionId: string, counts: VoteCounts): void {
    this.io.to(sessionRoom(sessionId)).emit('qa:votes', counts);
  }

  voted(participantId: string, payload: { questionId: string; voted: boolean }): void {
    this.io.to(participantRoom(participantId)).emit('qa:voted', payload);
  }

  queue(sessionId: string, queue: QueueView): void {
    this.io.to(staffRoom(sessionId)).emit('hand:queue', queue);
  }

  handStatus(participantId: string, status: HandStatus): void {
    this.io.to(participantRoom(participantId)).emit('hand:you', status);
  }

  floor(sessionId: string, floor: FloorView | null): void {
    this.io.to(sessionRoom(sessionId)).emit('floor:changed', floor);
  }

  pollChanged(sessionId: string, poll: Poll): void {
    // Drafts are staff business (POLL4).
    this.io.to(poll.status === 'draft' ? staffRoom(sessionId) : sessionRoom(sessionId)).emit('poll:changed', poll);
  }

  pollDeleted(sessionId: string, pollId: string): void {
    this.io.to(staffRoom(sessionId)).emit('poll:deleted', { pollId });
  }

  pollResults(sessionId: string, results: PollResults, everyone: boolean): void {
    this.io.to(everyone ? sessionRoom(sessionId) : staffRoom(sessionId)).emit('poll:results', results);
  }

  ballot(participantId: string, payload: { pollId: string; ballot: MyBallot | null }): void {
    this.io.to(participantRoom(participantId)).emit('poll:ballot', payload);
  }

  projected(sessionId: string, pollId: string | null): void {
    this.io.to(sessionRoom(sessionId)).emit('poll:projected', { pollId });
  }

  captions(sessionId: string, captions: CaptionView[]): void {
    this.io.to(sessionRoom(sessionId)).emit('caption:lines', captions);
  }

  agenda(sessionId: string, agenda: AgendaView): void {
    this.io.to(sessionRoom(sessionId)).emit('agenda:changed', agenda);
  }

  settings(sessionId: string, settings: TownhallSettings): void {
    this.io.to(sessionRoom(sessionId)).emit('townhall:settings', settings);
  }

  timeUp(sessionId: string, payload: TimeUpPayload): void {
    this.io.to(sessionRoom(sessionId)).emit('townhall:time-up', payload);
  }
}
