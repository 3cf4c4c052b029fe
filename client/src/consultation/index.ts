// The client's consultation state (CONS46): the store, its hooks, and what acks and server events
// do to it. The participant's page and the console both build on these exports.
export { useConsultation, type ConsultationActions, type ConsultationStore, type CommentThread, type ConsultationData, type StatementNext } from './store';
export {
  useArrivals,
  useCommentThread,
  useComments,
  useConsultationLive,
  useConsultationView,
  useConsultationYou,
  useContribution,
  useContributionList,
  useInvitations,
  useModerationCounts,
  useModerationQueue,
  useNextStatement,
  useOpinion,
  useOpinionReport,
  useSimilar,
  useStatementTurn,
  type ListQuery,
  type PagedContributions,
} from './hooks';
