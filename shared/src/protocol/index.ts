import type { z } from 'zod';
import type { AttendanceCounts } from '../domain/attendance.js';
import type { AckCallback } from './errors.js';
import type {
  emptyPayload,
  profileUpdateBody,
  sessionSettingsBody,
  removePayload,
  setRolePayload,
} from './schemas.js';
import type { ParticipantView, SessionState, SessionView } from './views.js';
import type { CafeRun } from '../domain/cafe/run.js';
import type {
  agendaAddPayload,
  agendaEditPayload,
  agendaExtendPayload,
  agendaItemPayload,
  agendaMovePayload,
  alternatePayload,
  askPayload,
  captionPayload,
  dismissPayload,
  editPollPayload,
  editQuestionPayload,
  extendFloorPayload,
  giveFloorPayload,
  hidePayload,
  mergePayload,
  moveHandPayload,
  pollDefinition,
  pollIdPayload,
  pollVotePayload,
  projectPollPayload,
  qaVotePayload,
  questionPayload,
  raisePayload,
  resultsVisiblePayload,
  townhallSettingsPayload,
} from './townhall.js';
import type {
  AgendaView,
  CaptionView,
  FloorView,
  HandStatus,
  MyBallot,
  PollItem,
  QuestionItem,
  QueueView,
  TimeUpPayload,
  TownhallSettings,
  VoteCounts,
} from './townhall-views.js';
import type { Poll } from '../domain/townhall/polls.js';
import type { SessionRecordDocument } from '../domain/record/types.js';
import type { PublicationView, publishPayload } from './record.js';
import type { addIdeaPayload, dropIdeaPayload, editIdeaPayload, markIdeaPayload, moveIdeaPayload } from './notepad.js';
import type { KeyIdea } from '../domain/notepad/ideas.js';
import type { PollResults } from '../domain/townhall/poll-results.js';
import type { CafePublicView, CafeView, extendRoundPayload, PromptView, promptPayload, showHarvestPayload, RoundTimerPayload, SeatPayload, lockPayload, makeTablesPayload, movePayload, planPayload, setRoundsPayload, setTablesPayload } from './cafe.js';

export * from './errors.js';
export * from './schemas.js';
export * from './views.js';
export * from './cafe.js';
export * from './townhall.js';
export * from './townhall-views.js';
export * from './record.js';
export * from './notepad.js';
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
  'session:configure': (payload: In<typeof sessionSettingsBody>, ack: AckCallback<{ session: SessionView }>) => void;
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
  /** HARV6: the projector shows the harvest, or goes back to the round. */
  'cafe:show-harvest': (payload: In<typeof showHarvestPayload>, ack: AckCallback<{ shown: boolean }>) => void;
  // Key ideas in a table's notepad (docs/notepads.md, IDEA1–IDEA5): written by the server only.
  'notepad:add-idea': (payload: In<typeof addIdeaPayload>, ack: AckCallback<{ idea: KeyIdea }>) => void;
  'notepad:edit-idea': (payload: In<typeof editIdeaPayload>, ack: AckCallback<{ idea: KeyIdea }>) => void;
  'notepad:mark-idea': (payload: In<typeof markIdeaPayload>, ack: AckCallback<{ idea: KeyIdea }>) => void;
  'notepad:move-idea': (payload: In<typeof moveIdeaPayload>, ack: AckCallback) => void;
  'notepad:drop-idea': (payload: In<typeof dropIdeaPayload>, ack: AckCallback) => void;
  // Town Hall (docs/api.md, "Town Hall"). Refused with `conflict` in a café session.
  'qa:ask': (payload: In<typeof askPayload>, ack: AckCallback<{ question: QuestionItem }>) => void;
  /** `questionId` in the ack is where the vote counts (a merged question's target). */
  'qa:vote': (payload: In<typeof qaVotePayload>, ack: AckCallback<{ questionId: string; votes: number }>) => void;
  'qa:approve': (payload: In<typeof questionPayload>, ack: AckCallback<{ question: QuestionItem }>) => void;
  'qa:hide': (payload: In<typeof hidePayload>, ack: AckCallback<{ question: QuestionItem }>) => void;
  'qa:edit': (payload: In<typeof editQuestionPayload>, ack: AckCallback<{ question: QuestionItem }>) => void;
  /** The ack carries the target, with its new count. */
  'qa:merge': (payload: In<typeof mergePayload>, ack: AckCallback<{ question: QuestionItem }>) => void;
  'qa:pin': (payload: In<typeof questionPayload>, ack: AckCallback<{ question: QuestionItem }>) => void;
  'qa:unpin': (payload: In<typeof emptyPayload>, ack: AckCallback) => void;
  'qa:answer': (payload: In<typeof questionPayload>, ack: AckCallback<{ question: QuestionItem }>) => void;
  'hand:raise': (payload: In<typeof raisePayload>, ack: AckCallback<{ you: HandStatus }>) => void;
  'hand:lower': (payload: In<typeof emptyPayload>, ack: AckCallback<{ you: HandStatus }>) => void;
  'hand:dismiss': (payload: In<typeof dismissPayload>, ack: AckCallback<{ queue: QueueView }>) => void;
  'hand:move': (payload: In<typeof moveHandPayload>, ack: AckCallback<{ queue: QueueView }>) => void;
  'hand:alternate': (payload: In<typeof alternatePayload>, ack: AckCallback<{ queue: QueueView }>) => void;
  'hand:give-floor': (payload: In<typeof giveFloorPayload>, ack: AckCallback<{ queue: QueueView }>) => void;
  'hand:end-floor': (payload: In<typeof emptyPayload>, ack: AckCallback<{ queue: QueueView }>) => void;
  'hand:pause-floor': (payload: In<typeof emptyPayload>, ack: AckCallback<{ queue: QueueView }>) => void;
  'hand:resume-floor': (payload: In<typeof emptyPayload>, ack: AckCallback<{ queue: QueueView }>) => void;
  'hand:extend-floor': (payload: In<typeof extendFloorPayload>, ack: AckCallback<{ queue: QueueView }>) => void;
  'poll:create': (payload: In<typeof pollDefinition>, ack: AckCallback<{ poll: PollItem }>) => void;
  'poll:edit': (payload: In<typeof editPollPayload>, ack: AckCallback<{ poll: PollItem }>) => void;
  'poll:open': (payload: In<typeof pollIdPayload>, ack: AckCallback<{ poll: PollItem }>) => void;
  'poll:close': (payload: In<typeof pollIdPayload>, ack: AckCallback<{ poll: PollItem }>) => void;
  /** Only a draft (POLL12). */
  'poll:delete': (payload: In<typeof pollIdPayload>, ack: AckCallback) => void;
  'poll:results-visible': (payload: In<typeof resultsVisiblePayload>, ack: AckCallback<{ poll: PollItem }>) => void;
  'poll:project': (payload: In<typeof projectPollPayload>, ack: AckCallback<{ projectedPollId: string | null }>) => void;
  'poll:vote': (payload: In<typeof pollVotePayload>, ack: AckCallback<{ ballot: MyBallot }>) => void;
  'poll:withdraw': (payload: In<typeof pollIdPayload>, ack: AckCallback) => void;
  'caption:add': (payload: In<typeof captionPayload>, ack: AckCallback<{ captions: CaptionView[] }>) => void;
  'agenda:add': (payload: In<typeof agendaAddPayload>, ack: AckCallback<{ agenda: AgendaView }>) => void;
  'agenda:edit': (payload: In<typeof agendaEditPayload>, ack: AckCallback<{ agenda: AgendaView }>) => void;
  'agenda:remove': (payload: In<typeof agendaItemPayload>, ack: AckCallback<{ agenda: AgendaView }>) => void;
  'agenda:move': (payload: In<typeof agendaMovePayload>, ack: AckCallback<{ agenda: AgendaView }>) => void;
  'agenda:next': (payload: In<typeof emptyPayload>, ack: AckCallback<{ agenda: AgendaView }>) => void;
  'agenda:pause': (payload: In<typeof emptyPayload>, ack: AckCallback<{ agenda: AgendaView }>) => void;
  'agenda:resume': (payload: In<typeof emptyPayload>, ack: AckCallback<{ agenda: AgendaView }>) => void;
  'agenda:extend': (payload: In<typeof agendaExtendPayload>, ack: AckCallback<{ agenda: AgendaView }>) => void;
  'townhall:configure': (payload: In<typeof townhallSettingsPayload>, ack: AckCallback<{ settings: TownhallSettings }>) => void;
  /** The server's clock, for the client's offset estimate (TIME9). */
  'clock:ping': (payload: In<typeof emptyPayload>, ack: AckCallback<{ serverTime: number }>) => void;
  // The record (docs/record.md): the same model every export renders; the public page's state.
  'record:get': (payload: In<typeof emptyPayload>, ack: AckCallback<{ record: SessionRecordDocument }>) => void;
  'record:publication': (payload: In<typeof emptyPayload>, ack: AckCallback<{ publication: PublicationView | null }>) => void;
  'record:publish': (payload: In<typeof publishPayload>, ack: AckCallback<{ publication: PublicationView }>) => void;
}

/** Events the server pushes. */
export interface ServerToClientEvents {
  /** The full state for this member: on every (re)connect, so a client never has to guess. */
  'session:state': (state: SessionState) => void;
  /** To everyone: the facilitator changed the session's settings. */
  'session:changed': (session: SessionView) => void;
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
  /**
   * To one connection, just before the server closes it: the person opened more connections
   * than allowed (LIMIT2) and the newest stay. The client shows a notice and does not reconnect.
   */
  'connection:replaced': (payload: { reason: 'too_many_connections'; max: number }) => void;
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

  // Town Hall: small deltas; the full state is `session:state`'s `townhall`.
  /** A question created or changed, as this audience may see it (staff, its author, everyone else). */
  'qa:question': (question: QuestionItem) => void;
  /** A question this audience could see is no longer theirs to see (hidden, merged): drop it. */
  'qa:gone': (payload: { questionId: string }) => void;
  /** To everyone: new vote counts, coalesced (at most ~4 a second per session). */
  'qa:votes': (counts: VoteCounts) => void;
  /** To one person's own connections (all tabs): where their vote now counts, or no longer. */
  'qa:voted': (payload: { questionId: string; voted: boolean }) => void;
  /** To staff: the whole queue, coalesced (a burst of raised hands is one update). */
  'hand:queue': (queue: QueueView) => void;
  /** To one person: their place changed ("you're next" at 0), or they have the floor. */
  'hand:you': (status: HandStatus) => void;
  /** To everyone: someone has the floor (or nobody), or the floor timer changed. */
  'floor:changed': (floor: FloorView | null) => void;
  /** A poll's definition, status or visibility changed (drafts to staff only); no results here. */
  'poll:changed': (poll: Poll) => void;
  /** A draft was deleted (staff only: only they saw it). */
  'poll:deleted': (payload: { pollId: string }) => void;
  /** Results, coalesced per poll: to staff always, to everyone while the results are shown. */
  'poll:results': (results: PollResults) => void;
  /** To one person's own connections: their ballot on a poll (null: withdrawn). */
  'poll:ballot': (payload: { pollId: string; ballot: MyBallot | null }) => void;
  /** To everyone: the poll on the projector. */
  'poll:projected': (payload: { pollId: string | null }) => void;
  /** To everyone: new caption lines, oldest first. */
  'caption:lines': (captions: CaptionView[]) => void;
  /** To everyone: the agenda changed (items, current item, its timer). */
  'agenda:changed': (agenda: AgendaView) => void;
  /** To everyone: the Town Hall's settings changed. */
  'townhall:settings': (settings: TownhallSettings) => void;
  /** To everyone: a floor or agenda timer ran out (clients show 0:00 and announce it). */
  'townhall:time-up': (payload: TimeUpPayload) => void;
}

export interface InterServerEvents {}

/** What the server keeps on each socket; only ids, so state is never stale in one process. */
export interface SocketData {
  sessionId: string;
  /** null for the projector display. */
  participantId: string | null;
}
