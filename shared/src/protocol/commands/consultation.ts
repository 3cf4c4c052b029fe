import { ack, type CommandSpec } from '../command-spec.js';
import { emptyPayload } from '../schemas.js';
import {
  addConsultationQuestionPayload,
  answerStatementPayload,
  carryPayload,
  commentIdPayload,
  commentPayload,
  commentsQuery,
  consultationConfigurePayload,
  consultationQuestionIdPayload,
  contributionIdPayload,
  contributionListQuery,
  editConsultationQuestionPayload,
  editContributionPayload,
  flagPayload,
  hideCommentPayload,
  hideContributionPayload,
  importPayload,
  invitePayload,
  mergeContributionPayload,
  moderateStatementPayload,
  moderationQueueQuery,
  moveConsultationQuestionPayload,
  proposeStatementPayload,
  responseEditPayload,
  responseIdPayload,
  responseWritePayload,
  setEmailPayload,
  setPhasePayload,
  similarPayload,
  statementQuestionPayload,
  submitContributionPayload,
  supportPayload,
  tagPayload,
} from '../consultation.js';
import type {
  CommentPage,
  CommentView,
  ConsultationView,
  ContributionPage,
  ContributionVersion,
  ContributionView,
  InvitationView,
  OpinionReport,
  ResponseView,
  StatementView,
} from '../consultation-views.js';

const consultation = ack<{ consultation: ConsultationView }>();
const contribution = ack<{ contribution: ContributionView }>();
const comment = ack<{ comment: CommentView }>();
const response = ack<{ response: ResponseView }>();
const statement = ack<{ statement: StatementView }>();
const BASE = '/sessions/:id/consultation' as const;

/**
 * The online consultation (docs/consultation.md), refused with `conflict` in a café or Town Hall.
 * Every command is also an endpoint under /api/sessions/:id/consultation; the lists are also
 * GET endpoints (docs/api.md, "Consultation").
 */
export const CONSULTATION_COMMANDS = {
  // ── Organiser: set-up and phases
  'consultation:configure': { schema: consultationConfigurePayload, action: 'consultation:configure', ack: consultation, http: { method: 'patch', path: `${BASE}` } },
  'consultation:add-question': {
    schema: addConsultationQuestionPayload,
    action: 'consultation:configure',
    ack: consultation,
    http: { method: 'post', path: `${BASE}/questions`, status: 201 },
  },
  'consultation:edit-question': {
    schema: editConsultationQuestionPayload,
    action: 'consultation:configure',
    ack: consultation,
    http: { method: 'patch', path: `${BASE}/questions/:questionId` },
  },
  'consultation:remove-question': {
    schema: consultationQuestionIdPayload,
    action: 'consultation:configure',
    ack: consultation,
    http: { method: 'delete', path: `${BASE}/questions/:questionId` },
  },
  'consultation:move-question': {
    schema: moveConsultationQuestionPayload,
    action: 'consultation:configure',
    ack: consultation,
    http: { method: 'post', path: `${BASE}/questions/:questionId/move` },
  },
  'consultation:set-phase': { schema: setPhasePayload, action: 'consultation:configure', ack: consultation, http: { method: 'put', path: `${BASE}/phase` } },
  'consultation:invite': {
    schema: invitePayload,
    action: 'consultation:configure',
    ack: ack<{ invitations: InvitationView[] }>(),
    http: { method: 'post', path: `${BASE}/invitations`, status: 201 },
  },
  'consultation:import': {
    schema: importPayload,
    action: 'consultation:configure',
    ack: ack<{ imported: number; contributions: ContributionView[] }>(),
    http: { method: 'post', path: `${BASE}/imports`, status: 201 },
  },
  // ── Participants
  'contribution:submit': {
    schema: submitContributionPayload,
    action: 'consultation:contribute',
    ack: contribution,
    rate: 'contribute',
    http: { method: 'post', path: `${BASE}/contributions`, status: 201 },
  },
  'contribution:edit': {
    schema: editContributionPayload,
    action: 'consultation:contribute',
    ack: contribution,
    rate: 'contribute',
    http: { method: 'patch', path: `${BASE}/contributions/:contributionId` },
  },
  'contribution:comment': {
    schema: commentPayload,
    action: 'consultation:contribute',
    ack: comment,
    rate: 'contribute',
    http: { method: 'post', path: `${BASE}/contributions/:contributionId/comments`, status: 201 },
  },
  /** The ack says where supports stand for that question: the contribution's count and what the person has left. */
  'contribution:support': {
    schema: supportPayload,
    action: 'consultation:contribute',
    ack: ack<{ contributionId: string; supports: number; supported: string[]; remaining: number }>(),
    rate: 'vote',
    http: { method: 'put', path: `${BASE}/contributions/:contributionId/support` },
  },
  'contribution:flag': {
    schema: flagPayload,
    action: 'consultation:contribute',
    ack: ack<{ flagged: true }>(),
    rate: 'contribute',
    http: { method: 'post', path: `${BASE}/contributions/:contributionId/flags`, status: 201 },
  },
  'consultation:set-email': { schema: setEmailPayload, action: 'consultation:contribute', ack: ack<{ email: string | null }>(), http: { method: 'put', path: `${BASE}/me/email` } },
  // ── Reads (also GET endpoints): lists are paged on the server
  'consultation:list': { schema: contributionListQuery, action: 'session:view', ack: ack<{ page: ContributionPage }>() },
  'consultation:similar': { schema: similarPayload, action: 'session:view', ack: ack<{ similar: ContributionView[] }>() },
  'contribution:get': { schema: contributionIdPayload, action: 'session:view', ack: contribution },
  'contribution:comments': { schema: commentsQuery, action: 'session:view', ack: ack<{ page: CommentPage }>() },
  // ── Moderation
  'consultation:queue': { schema: moderationQueueQuery, action: 'consultation:moderate', ack: ack<{ page: ContributionPage }>() },
  'contribution:versions': { schema: contributionIdPayload, action: 'consultation:moderate', ack: ack<{ versions: ContributionVersion[] }>() },
  'contribution:approve': {
    schema: contributionIdPayload,
    action: 'consultation:moderate',
    ack: contribution,
    http: { method: 'post', path: `${BASE}/contributions/:contributionId/approve` },
  },
  'contribution:hide': {
    schema: hideContributionPayload,
    action: 'consultation:moderate',
    ack: contribution,
    http: { method: 'post', path: `${BASE}/contributions/:contributionId/hide` },
  },
  /** The duplicate in the path goes into `targetId`; the ack carries the target with its new count. */
  'contribution:merge': {
    schema: mergeContributionPayload,
    action: 'consultation:moderate',
    ack: contribution,
    http: { method: 'post', path: `${BASE}/contributions/:contributionId/merge`, params: { contributionId: 'sourceId' } },
  },
  'contribution:tag': { schema: tagPayload, action: 'consultation:moderate', ack: contribution, http: { method: 'put', path: `${BASE}/contributions/:contributionId/themes` } },
  'contribution:carry': { schema: carryPayload, action: 'consultation:moderate', ack: contribution, http: { method: 'put', path: `${BASE}/contributions/:contributionId/carry` } },
  'comment:approve': { schema: commentIdPayload, action: 'consultation:moderate', ack: comment, http: { method: 'post', path: `${BASE}/comments/:commentId/approve` } },
  'comment:hide': { schema: hideCommentPayload, action: 'consultation:moderate', ack: comment, http: { method: 'post', path: `${BASE}/comments/:commentId/hide` } },
  // ── Official responses
  'response:write': { schema: responseWritePayload, action: 'consultation:respond', ack: response, http: { method: 'post', path: `${BASE}/responses`, status: 201 } },
  'response:edit': { schema: responseEditPayload, action: 'consultation:respond', ack: response, http: { method: 'patch', path: `${BASE}/responses/:responseId` } },
  'response:delete': { schema: responseIdPayload, action: 'consultation:respond', ack: ack(), http: { method: 'delete', path: `${BASE}/responses/:responseId` } },
  // ── Statements and opinion groups
  'statement:propose': {
    schema: proposeStatementPayload,
    action: 'consultation:contribute',
    ack: statement,
    rate: 'contribute',
    http: { method: 'post', path: `${BASE}/statements`, status: 201 },
  },
  /** The ack carries the next statement to answer (null: none left) and the person's progress. */
  'statement:answer': {
    schema: answerStatementPayload,
    action: 'consultation:contribute',
    ack: ack<{ next: StatementView | null; answered: number; total: number }>(),
    rate: 'vote',
    http: { method: 'put', path: `${BASE}/statements/:statementId/answer` },
  },
  'statement:next': { schema: statementQuestionPayload, action: 'session:view', ack: ack<{ next: StatementView | null; answered: number; total: number }>() },
  'statement:list': { schema: statementQuestionPayload, action: 'session:view', ack: ack<{ statements: StatementView[] }>() },
  'statement:moderate': {
    schema: moderateStatementPayload,
    action: 'consultation:moderate',
    ack: statement,
    http: { method: 'put', path: `${BASE}/statements/:statementId/status` },
  },
  'opinion:get': { schema: statementQuestionPayload, action: 'session:view', ack: ack<{ report: OpinionReport | null }>() },
  /** The consultation's set-up, phase and counts now (also in `session:state`). */
  'consultation:get': { schema: emptyPayload, action: 'session:view', ack: consultation },
} as const satisfies Record<string, CommandSpec>;
