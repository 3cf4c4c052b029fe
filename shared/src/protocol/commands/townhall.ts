import { ack, type CommandSpec } from '../command-spec.js';
import { emptyPayload } from '../schemas.js';
import {
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
} from '../townhall.js';
import type { AgendaView, CaptionView, HandStatus, MyBallot, PollItem, QuestionItem, QueueView, TownhallSettings } from '../townhall-views.js';

const question = ack<{ question: QuestionItem }>();
const you = ack<{ you: HandStatus }>();
const queue = ack<{ queue: QueueView }>();
const poll = ack<{ poll: PollItem }>();
const agenda = ack<{ agenda: AgendaView }>();

/**
 * The Town Hall (docs/api.md, "Town Hall"), refused with `conflict` in a café session. Every
 * command is also an endpoint under /api/sessions/:id/townhall, so organisers can script it.
 */
export const TOWNHALL_COMMANDS = {
  // ── Q&A
  'qa:ask': { schema: askPayload, action: 'qa:ask', ack: question, rate: 'ask', http: { method: 'post', path: '/sessions/:id/townhall/questions', status: 201 } },
  /** `questionId` in the ack is where the vote counts (a merged question's target). */
  'qa:vote': {
    schema: qaVotePayload,
    action: 'qa:vote',
    ack: ack<{ questionId: string; votes: number }>(),
    rate: 'vote',
    http: { method: 'post', path: '/sessions/:id/townhall/questions/:questionId/vote' },
  },
  'qa:approve': { schema: questionPayload, action: 'qa:moderate', ack: question, http: { method: 'post', path: '/sessions/:id/townhall/questions/:questionId/approve' } },
  'qa:hide': { schema: hidePayload, action: 'qa:moderate', ack: question, http: { method: 'post', path: '/sessions/:id/townhall/questions/:questionId/hide' } },
  'qa:edit': { schema: editQuestionPayload, action: 'qa:moderate', ack: question, http: { method: 'patch', path: '/sessions/:id/townhall/questions/:questionId' } },
  /** The duplicate in the path goes into `targetId`; the ack carries the target, with its new count. */
  'qa:merge': {
    schema: mergePayload,
    action: 'qa:moderate',
    ack: question,
    http: { method: 'post', path: '/sessions/:id/townhall/questions/:questionId/merge', params: { questionId: 'sourceId' } },
  },
  'qa:pin': { schema: questionPayload, action: 'qa:moderate', ack: question, http: { method: 'post', path: '/sessions/:id/townhall/questions/:questionId/pin' } },
  'qa:unpin': { schema: emptyPayload, action: 'qa:moderate', ack: ack(), http: { method: 'delete', path: '/sessions/:id/townhall/pin' } },
  'qa:answer': { schema: questionPayload, action: 'qa:moderate', ack: question, http: { method: 'post', path: '/sessions/:id/townhall/questions/:questionId/answer' } },
  /** QA17: an answered question is open again (marked answered by mistake). */
  'qa:reopen': { schema: questionPayload, action: 'qa:moderate', ack: question, http: { method: 'delete', path: '/sessions/:id/townhall/questions/:questionId/answer' } },
  // ── Speaker queue
  'hand:raise': { schema: raisePayload, action: 'hand:raise', ack: you, rate: 'hand', http: { method: 'put', path: '/sessions/:id/townhall/hand' } },
  'hand:lower': { schema: emptyPayload, action: 'hand:raise', ack: you, http: { method: 'delete', path: '/sessions/:id/townhall/hand' } },
  'hand:dismiss': { schema: dismissPayload, action: 'hand:manage', ack: queue, http: { method: 'delete', path: '/sessions/:id/townhall/queue/:handle' } },
  'hand:move': { schema: moveHandPayload, action: 'hand:manage', ack: queue, http: { method: 'post', path: '/sessions/:id/townhall/queue/:handle/move' } },
  'hand:alternate': { schema: alternatePayload, action: 'hand:manage', ack: queue, http: { method: 'put', path: '/sessions/:id/townhall/queue/alternate' } },
  'hand:give-floor': { schema: giveFloorPayload, action: 'hand:manage', ack: queue, http: { method: 'post', path: '/sessions/:id/townhall/floor' } },
  'hand:end-floor': { schema: emptyPayload, action: 'hand:manage', ack: queue, http: { method: 'delete', path: '/sessions/:id/townhall/floor' } },
  'hand:pause-floor': { schema: emptyPayload, action: 'hand:manage', ack: queue, http: { method: 'post', path: '/sessions/:id/townhall/floor/pause' } },
  'hand:resume-floor': { schema: emptyPayload, action: 'hand:manage', ack: queue, http: { method: 'post', path: '/sessions/:id/townhall/floor/resume' } },
  'hand:extend-floor': { schema: extendFloorPayload, action: 'hand:manage', ack: queue, http: { method: 'post', path: '/sessions/:id/townhall/floor/extend' } },
  // ── Polls
  'poll:create': { schema: pollDefinition, action: 'poll:manage', ack: poll, http: { method: 'post', path: '/sessions/:id/townhall/polls', status: 201 } },
  'poll:edit': { schema: editPollPayload, action: 'poll:manage', ack: poll, http: { method: 'put', path: '/sessions/:id/townhall/polls/:pollId' } },
  'poll:open': { schema: pollIdPayload, action: 'poll:manage', ack: poll, http: { method: 'post', path: '/sessions/:id/townhall/polls/:pollId/open' } },
  'poll:close': { schema: pollIdPayload, action: 'poll:manage', ack: poll, http: { method: 'post', path: '/sessions/:id/townhall/polls/:pollId/close' } },
  /** Only a draft (POLL12). */
  'poll:delete': { schema: pollIdPayload, action: 'poll:manage', ack: ack(), http: { method: 'delete', path: '/sessions/:id/townhall/polls/:pollId' } },
  'poll:results-visible': {
    schema: resultsVisiblePayload,
    action: 'poll:manage',
    ack: poll,
    http: { method: 'put', path: '/sessions/:id/townhall/polls/:pollId/results-visible' },
  },
  'poll:project': {
    schema: projectPollPayload,
    action: 'poll:manage',
    ack: ack<{ projectedPollId: string | null }>(),
    http: { method: 'put', path: '/sessions/:id/townhall/projected-poll' },
  },
  'poll:vote': {
    schema: pollVotePayload,
    action: 'poll:vote',
    ack: ack<{ ballot: MyBallot }>(),
    rate: 'vote',
    http: { method: 'put', path: '/sessions/:id/townhall/polls/:pollId/ballot' },
  },
  'poll:withdraw': { schema: pollIdPayload, action: 'poll:vote', ack: ack(), http: { method: 'delete', path: '/sessions/:id/townhall/polls/:pollId/ballot' } },
  // ── Captions, agenda, settings
  'caption:add': {
    schema: captionPayload,
    action: 'caption:write',
    ack: ack<{ captions: CaptionView[] }>(),
    http: { method: 'post', path: '/sessions/:id/townhall/captions', status: 201 },
  },
  'agenda:add': { schema: agendaAddPayload, action: 'agenda:manage', ack: agenda, http: { method: 'post', path: '/sessions/:id/townhall/agenda', status: 201 } },
  'agenda:edit': { schema: agendaEditPayload, action: 'agenda:manage', ack: agenda, http: { method: 'patch', path: '/sessions/:id/townhall/agenda/:itemId' } },
  'agenda:remove': { schema: agendaItemPayload, action: 'agenda:manage', ack: agenda, http: { method: 'delete', path: '/sessions/:id/townhall/agenda/:itemId' } },
  'agenda:move': { schema: agendaMovePayload, action: 'agenda:manage', ack: agenda, http: { method: 'post', path: '/sessions/:id/townhall/agenda/:itemId/move' } },
  'agenda:next': { schema: emptyPayload, action: 'agenda:manage', ack: agenda, http: { method: 'post', path: '/sessions/:id/townhall/agenda/next' } },
  'agenda:pause': { schema: emptyPayload, action: 'agenda:manage', ack: agenda, http: { method: 'post', path: '/sessions/:id/townhall/agenda/pause' } },
  'agenda:resume': { schema: emptyPayload, action: 'agenda:manage', ack: agenda, http: { method: 'post', path: '/sessions/:id/townhall/agenda/resume' } },
  'agenda:extend': { schema: agendaExtendPayload, action: 'agenda:manage', ack: agenda, http: { method: 'post', path: '/sessions/:id/townhall/agenda/extend' } },
  'townhall:configure': {
    schema: townhallSettingsPayload,
    action: 'townhall:configure',
    ack: ack<{ settings: TownhallSettings }>(),
    http: { method: 'patch', path: '/sessions/:id/townhall/settings' },
  },
} as const satisfies Record<string, CommandSpec>;
