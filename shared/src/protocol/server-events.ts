import type { ContentVersions } from '../domain/content/versions.js';
import type { AttendanceCounts } from '../domain/attendance.js';
import type { PollResults } from '../domain/townhall/poll-results.js';
import type { Poll } from '../domain/townhall/polls.js';
import type { ProjectorChoice } from '../domain/projector.js';
import type { CafeLiveUpdate, CafeView, PromptView, RoundTimerPayload, SeatPayload } from './cafe.js';
import type { NotesLanguageChanged } from './notepad.js';
import { event, type PayloadMarker } from './server-event-spec.js';
import type { AgendaView, CaptionView, FloorView, HandStatus, MyBallot, QuestionItem, QueueView, TimeUpPayload, TownhallSettings, VoteCounts } from './townhall-views.js';
import type { ParticipantView, SessionState, SessionView } from './views.js';
import type { CommentView, ConsultationView, ConsultationYou, ContributionView, ModerationCounts, OpinionReport, StatementView } from './consultation-views.js';

/** Every event the server pushes, with its payload; the comment says who receives it. */
export const SERVER_EVENTS = {
  /** The full state for this member: on every (re)connect, so a client never has to guess. */
  'session:state': event<SessionState>(),
  /** To everyone: the facilitator changed the session's settings. */
  'session:changed': event<SessionView>(),
  /** Attendance counts, coalesced: at most a few per second however many people join. */
  'attendance:changed': event<AttendanceCounts>(),
  /** To staff (roles allowed `participants:list`): one person joined, changed or came and went. */
  'participant:changed': event<ParticipantView>(),
  /** To staff: a person was removed. */
  'participant:removed': event<{ participantId: string }>(),
  /** To the person concerned: their own record changed (a new role, say). */
  'me:changed': event<ParticipantView>(),
  /** To the person concerned, just before their connections close. */
  'me:removed': event<void>(),
  /**
   * To everyone in a session that another node just took over (CLU29): what its old owner said in
   * its last moments may not have reached every node, so each client reads its state again
   * (`session:sync`), after a short random delay so thousands do not ask at once.
   */
  'session:resync': event<void>(),
  /** To everyone who may see the text: its versions in other languages changed (the translation desk, issue 18). */
  'content:versions': event<ContentVersions>(),
  /**
   * To one connection, just before the server closes it: the person opened more connections
   * than allowed (LIMIT2) and the newest stay. The client shows a notice and does not reconnect.
   */
  'connection:replaced': event<{ reason: 'too_many_connections'; max: number }>(),
  /** To staff: the café's tables, rounds or plan changed. */
  'cafe:changed': event<CafeView>(),
  /**
   * To everyone in a café session: a round started or ended, or the tables or seating changed.
   * The table map (`tables`) goes to staff and screens always, to others when the tables changed (CAFE-PERF2).
   */
  'cafe:live': event<CafeLiveUpdate>(),
  /** To one member: their seat in the focus round changed (or who else sits there). */
  'cafe:seat': event<SeatPayload>(),
  /** To everyone: the round was paused, resumed or extended. */
  'cafe:timer': event<RoundTimerPayload>(),
  /** To everyone, or to the people at one table: a live prompt. */
  'cafe:prompt': event<PromptView>(),
  /** To everyone in the session: a table's notes language was chosen (NOTE19). */
  'notepad:language': event<NotesLanguageChanged>(),

  // Town Hall: small deltas; the full state is `session:state`'s `townhall`.
  /** A question created or changed, as this audience may see it (staff, its author, everyone else). */
  'qa:question': event<QuestionItem>(),
  /** A question this audience could see is no longer theirs to see (hidden, merged): drop it. */
  'qa:gone': event<{ questionId: string }>(),
  /** To everyone: new vote counts, coalesced (at most ~4 a second per session). */
  'qa:votes': event<VoteCounts>(),
  /** To one person's own connections (all tabs): where their vote now counts, or no longer. */
  'qa:voted': event<{ questionId: string; voted: boolean }>(),
  /** To staff: the whole queue, coalesced (a burst of raised hands is one update). */
  'hand:queue': event<QueueView>(),
  /** To one person: their place changed ("you're next" at 0), or they have the floor. */
  'hand:you': event<HandStatus>(),
  /** To everyone: someone has the floor (or nobody), or the floor timer changed. */
  'floor:changed': event<FloorView | null>(),
  /** A poll's definition, status or visibility changed (drafts to staff only); no results here. */
  'poll:changed': event<Poll>(),
  /** A draft was deleted (staff only: only they saw it). */
  'poll:deleted': event<{ pollId: string }>(),
  /** Results, coalesced per poll: to staff always, to everyone while the results are shown. */
  'poll:results': event<PollResults>(),
  /** To one person's own connections: their ballot on a poll (null: withdrawn). */
  'poll:ballot': event<{ pollId: string; ballot: MyBallot | null }>(),
  /** To everyone: the poll on the projector. */
  'poll:projected': event<{ pollId: string | null }>(),
  /** To everyone: new caption lines, oldest first. */
  'caption:lines': event<CaptionView[]>(),
  /** To everyone: the agenda changed (items, current item, its timer). */
  'agenda:changed': event<AgendaView>(),
  /** To everyone: the Town Hall's settings changed. */
  'townhall:settings': event<TownhallSettings>(),
  /** To everyone: a floor or agenda timer ran out (clients show 0:00 and announce it). */
  'townhall:time-up': event<TimeUpPayload>(),
  /** To everyone, projector displays included: what the projector shows changed (PROJ1). */
  'projector:changed': event<ProjectorChoice>(),

  // Consultation: small deltas; the full state is `session:state`'s `consultation`, lists are paged reads.
  /** To everyone: the set-up, the phase (by hand or by date) or a question changed. */
  'consultation:changed': event<ConsultationView>(),
  /** A contribution created or changed, as this audience may see it: published ones to everyone, the rest to staff. */
  'contribution:changed': event<ContributionView>(),
  /** A contribution this audience could see is no longer theirs to see (hidden, merged into `mergedInto`). */
  'contribution:gone': event<{ contributionId: string; mergedInto: string | null }>(),
  /** To everyone: new support and comment counts, coalesced (a few a second per session at most). */
  'contribution:counts': event<{ counts: Record<string, { supports: number; comments: number }> }>(),
  /** To the author's own connections: their contribution changed (approved, hidden with a reason, merged, answered). */
  'contribution:mine': event<ContributionView>(),
  /** A comment added or changed, as this audience may see it. */
  'comment:changed': event<CommentView>(),
  /** A comment this audience could see is hidden. */
  'comment:gone': event<{ commentId: string; contributionId: string }>(),
  /** To one person's own connections: their supports, contributions or statement progress changed (another tab). */
  'consultation:you': event<ConsultationYou>(),
  /** To staff: the moderation queue's counts changed. */
  'moderation:counts': event<ModerationCounts>(),
  /** A statement added or changed, as this audience may see it. */
  'statement:changed': event<StatementView>(),
  /** To everyone: a question's opinion groups were recomputed (at most every few seconds). */
  'opinion:report': event<OpinionReport>(),
} as const satisfies Record<string, PayloadMarker<unknown>>;

export type ServerEventName = keyof typeof SERVER_EVENTS;
export type ServerEventPayload<K extends ServerEventName> = (typeof SERVER_EVENTS)[K] extends PayloadMarker<infer T> ? T : never;
