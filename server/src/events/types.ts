import type { ContentVersions } from '@open-talks/shared';
import type { NotesLanguageChanged } from '@open-talks/shared/protocol';
import type { ContentAudience } from '../content/sources.js';
import type { Poll, PollResults, SessionFormat } from '@open-talks/shared';
import type { ProjectorChoice } from '@open-talks/shared/projector';
import type {
  AgendaView,
  CafePublicView,
  CafeView,
  CaptionView,
  FloorView,
  HandStatus,
  MyBallot,
  PromptView,
  QuestionItem,
  QueueView,
  RoundTimerPayload,
  SeatView,
  TimeUpPayload,
  TownhallSettings,
  VoteCounts,
} from '@open-talks/shared/protocol';
import type { ParticipantRecord, SessionRecord } from '../store/index.js';
import type { CommentView, ConsultationView, ConsultationYou, ContributionView, ModerationCounts } from '@open-talks/shared/protocol';
import type { OpinionReport, StatementView } from '@open-talks/shared/protocol';
import type { TownhallRoom } from '../townhall/room.js';

/** A question's views for its three audiences; `public` is null when only staff and the author may see it. */
export interface QuestionAudiences {
  authorId: string;
  staff: QuestionItem;
  author: QuestionItem;
  public: QuestionItem | null;
  /** Everyone could see it before this change (so they must be told it is gone). */
  wasPublic: boolean;
}

/** What happened, by name: every change is stored before it is published. */
export interface BusEvents {
  // Sessions and participants (SessionService; the café promotes hosts).
  'session:changed': { session: SessionRecord };
  'session:projector-key-rotated': { sessionId: string };
  /** PROJ1: what the projector shows changed (stored). */
  'session:projector': { sessionId: string; projector: ProjectorChoice };
  'participant:changed': { participant: ParticipantRecord };
  'participant:removed': { participant: ParticipantRecord };
  /** Someone joined, changed or was removed in a way the session's format follows (café seats, Town Hall names and hands). */
  'participant:format-follows': { participant: ParticipantRecord; format: SessionFormat };

  // The café (CafeService, CafeRunService).
  'cafe:changed': { sessionId: string; cafe: CafeView };
  /** Tables or the plan changed: seats and the table map are announced again. */
  'cafe:setup-changed': { sessionId: string };
  /** `tablesChanged`: the tables themselves may have changed, so everyone needs the map, not only staff and screens (CAFE-PERF2). */
  'cafe:live': { sessionId: string; live: CafePublicView; tablesChanged: boolean };
  /**
   * Each person's seat (null: none); `tableIds` are the café's tables, for table rooms.
   * `everyone`: the seats of everyone in the session, so table rooms are rebuilt a table at a time (CAFE-PERF3).
   */
  'cafe:seats': { sessionId: string; seats: ReadonlyMap<string, SeatView | null>; tableIds: readonly string[]; everyone: boolean };
  'cafe:timer': { sessionId: string; timer: RoundTimerPayload };
  'cafe:prompt': { sessionId: string; prompt: PromptView };
  /** A table's notes language was chosen (NOTE19). */
  'notepad:language': { sessionId: string; change: NotesLanguageChanged };

  // The Town Hall (its services over TownhallContext).
  /** A room was read from storage into memory (on first use after a start or after it idled, MEM3). */
  'townhall:room-loaded': { room: TownhallRoom };
  /** An idle room left memory (MEM2). */
  'townhall:room-unloaded': { sessionId: string };
  'townhall:question': { sessionId: string; audiences: QuestionAudiences };
  'townhall:votes': { sessionId: string; counts: VoteCounts };
  'townhall:voted': { participantId: string; questionId: string; voted: boolean };
  'townhall:queue': { sessionId: string; queue: QueueView };
  'townhall:hand-status': { participantId: string; status: HandStatus };
  'townhall:floor': { sessionId: string; floor: FloorView | null };
  'townhall:poll-changed': { sessionId: string; poll: Poll };
  /** A draft poll opened (not a reopen): its versions, kept to the staff until now, go to everyone (LANG37). */
  'townhall:poll-opened': { sessionId: string; pollId: string };
  'townhall:poll-deleted': { sessionId: string; pollId: string };
  'townhall:poll-results': { sessionId: string; results: PollResults; everyone: boolean };
  'townhall:ballot': { participantId: string; pollId: string; ballot: MyBallot | null };
  'townhall:projected': { sessionId: string; pollId: string | null };
  'townhall:captions': { sessionId: string; captions: CaptionView[] };
  'townhall:agenda': { sessionId: string; agenda: AgendaView };
  'townhall:settings': { sessionId: string; settings: TownhallSettings };
  'townhall:time-up': { sessionId: string; payload: TimeUpPayload };

  // The consultation (issue 15; realtime/consultation-notifier.ts): one event per change, views per audience built by the service.
  'consultation:changed': { sessionId: string; view: ConsultationView };
  /** A contribution as staff, its author and everyone else see it (null: not theirs to see). */
  'consultation:contribution': {
    sessionId: string;
    authorId: string | null;
    staff: ContributionView;
    author: ContributionView | null;
    everyone: ContributionView | null;
    wasPublic: boolean;
    mergedInto: string | null;
  };
  'consultation:comment': { sessionId: string; authorId: string; staff: CommentView; author: CommentView; everyone: CommentView | null; wasPublic: boolean };
  /** `staff`: counts of contributions that are not public (pending, hidden, merged), for staff only. */
  'consultation:counts': { sessionId: string; counts: Record<string, { supports: number; comments: number }>; staff: boolean };
  'consultation:moderation': { sessionId: string; counts: ModerationCounts };
  'consultation:you': { participantId: string; you: ConsultationYou };

  // Statements and opinion groups (c-opinion, CONS30–CONS39; realtime/opinion-notifier.ts).
  /** A statement added or changed; `authorId` null for none. `wasPublic`: everyone could see it before this change. */
  'statement:changed': { sessionId: string; authorId: string | null; view: StatementView; wasPublic: boolean };
  /** A question's opinion report, stored, as the session's attribution allows. */
  'opinion:report': { sessionId: string; report: OpinionReport };

  // Content in several languages (issue 18; server/src/content/notifier.ts).
  /** A text's versions or original language changed. `audience`: who may read the text (LANG30). */
  'content:versions': { sessionId: string; versions: ContentVersions; audience: ContentAudience };
}
