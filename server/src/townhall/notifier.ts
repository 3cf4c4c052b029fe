import type { Poll, PollResults } from '@open-talks/shared';
import type {
  AgendaView,
  CaptionView,
  FloorView,
  HandStatus,
  MyBallot,
  QuestionItem,
  QueueView,
  TimeUpPayload,
  TownhallSettings,
  VoteCounts,
} from '@open-talks/shared/protocol';

/** A question's views for its three audiences; `public` is null when only staff and the author may see it. */
export interface QuestionAudiences {
  authorId: string;
  staff: QuestionItem;
  author: QuestionItem;
  public: QuestionItem | null;
  /** Everyone could see it before this change (so they must be told it is gone). */
  wasPublic: boolean;
}

/** How Town Hall changes reach screens; implemented by the realtime layer over Socket.IO rooms. */
export interface TownhallNotifier {
  question(sessionId: string, audiences: QuestionAudiences): void;
  votes(sessionId: string, counts: VoteCounts): void;
  voted(participantId: string, payload: { questionId: string; voted: boolean }): void;
  queue(sessionId: string, queue: QueueView): void;
  handStatus(participantId: string, status: HandStatus): void;
  floor(sessionId: string, floor: FloorView | null): void;
  pollChanged(sessionId: string, poll: Poll): void;
  pollDeleted(sessionId: string, pollId: string): void;
  pollResults(sessionId: string, results: PollResults, everyone: boolean): void;
  ballot(participantId: string, payload: { pollId: string; ballot: MyBallot | null }): void;
  projected(sessionId: string, pollId: string | null): void;
  captions(sessionId: string, captions: CaptionView[]): void;
  agenda(sessionId: string, agenda: AgendaView): void;
  settings(sessionId: string, settings: TownhallSettings): void;
  timeUp(sessionId: string, payload: TimeUpPayload): void;
}
