import type {
  CommentPage,
  CommentView,
  ConsultationLive,
  ConsultationView,
  ConsultationYou,
  ContributionView,
  InvitationView,
  ModerationCounts,
  OpinionReport,
  StatementView,
} from '@open-talks/shared/protocol';
import { create } from 'zustand';
import { useLive } from '../state/live-store';
import * as r from './reducers';

export type { CommentThread, ConsultationData, StatementNext } from './reducers';

export interface ConsultationActions {
  applyLive(live: ConsultationLive | undefined): void;
  applyConsultation(view: ConsultationView): void;
  applyYou(you: ConsultationYou): void;
  applyModeration(counts: ModerationCounts): void;
  applyInvitations(invitations: InvitationView[]): void;
  /** Contributions read from the server (pages, similar ones, acks). */
  putContributions(items: readonly ContributionView[]): void;
  contributionChanged(item: ContributionView): void;
  contributionMine(item: ContributionView): void;
  contributionGone(gone: { contributionId: string; mergedInto: string | null }): void;
  applyCounts(payload: { counts: Record<string, { supports: number; comments: number }> }): void;
  applySupport(ack: { contributionId: string; supports: number; supported: string[] }): void;
  arrivalsSeen(questionId: string): void;
  putComments(contributionId: string, page: CommentPage): void;
  commentChanged(comment: CommentView): void;
  commentGone(gone: { commentId: string; contributionId: string }): void;
  statementChanged(statement: StatementView): void;
  putNextStatement(questionId: string, next: r.StatementNext): void;
  applyReport(report: OpinionReport): void;
}

export type ConsultationStore = r.ConsultationData & ConsultationActions;

/**
 * The consultation as this tab knows it (CONS46): the live part of `session:state`, kept up to date
 * by the server's deltas (net/server-events.ts) and the acks (consultation/acks.ts), and a cache
 * of the contributions, comments, statements and opinion reports that paged reads brought. Only
 * client/src/net and the acks change it; views read it through the hooks in hooks.ts.
 */
export const useConsultation = create<ConsultationStore>()((set) => {
  const on =
    <A extends unknown[]>(reducer: (state: r.ConsultationData, ...args: A) => Partial<r.ConsultationData>) =>
    (...args: A) =>
      set((state) => reducer(state, ...args));
  return {
    ...r.EMPTY,
    applyLive: on(r.withLive),
    applyConsultation: on(r.withConsultation),
    applyYou: on(r.withYou),
    applyModeration: on(r.withModeration),
    applyInvitations: on(r.withInvitations),
    putContributions: on(r.withContributions),
    contributionChanged: on(r.withContributionChanged),
    contributionMine: on(r.withMine),
    contributionGone: on(r.withContributionGone),
    applyCounts: on(r.withCounts),
    applySupport: on(r.withSupport),
    arrivalsSeen: on(r.withArrivalsSeen),
    putComments: on(r.withCommentPage),
    commentChanged: on(r.withComment),
    commentGone: on(r.withoutComment),
    statementChanged: on(r.withStatement),
    putNextStatement: on(r.withNextStatement),
    applyReport: on(r.withReport),
  };
});

// The full state comes with `session:state` (every (re)connect, and a resync after a role change)
// into the live store; the consultation's part is taken from there, so no path can miss it.
useLive.subscribe((now, before) => {
  const live = now.live?.consultation;
  if (live !== before.live?.consultation || (now.live === undefined) !== (before.live === undefined)) useConsultation.getState().applyLive(live);
});
