// Pure (no I/O, no clock): kept in the client so it loads with the Town Hall view, not the entry.
import type { PollStatus } from '@open-talks/shared';

/** What one participant's Town Hall looks like, as far as "what to do now" needs it. */
export interface NextStepState {
  /** Their hand: null when they may not raise one (or the Town Hall has not sent it yet). */
  you: { hasFloor: boolean; raised: boolean; position: number | null } | null;
  /** The polls they can see, with whether they have answered each. */
  polls: readonly { id: string; status: PollStatus; question: string; answered: boolean }[];
  /** Whether any question is open for upvotes (visible, not their own). */
  questionsToUpvote: boolean;
}

/** What this person may do (from the permission table, read by the caller). */
export interface NextStepAbilities {
  vote: boolean; // poll:vote
  ask: boolean; // qa:ask
}

/**
 * THUI8: the one thing that matters now, most urgent first: the floor (speak), an open poll not
 * yet answered (vote), being next in the queue (get ready), then Q&A (ask, or upvote), else
 * follow along. An open poll already answered is not a step: the answer can be changed in place.
 */
export type NextStep =
  { kind: 'speak' } | { kind: 'vote'; pollId: string; question: string; more: number } | { kind: 'next-speaker' } | { kind: 'ask' } | { kind: 'upvote' } | { kind: 'follow' };

export function participantNextStep(state: NextStepState, may: NextStepAbilities): NextStep {
  if (state.you?.hasFloor) return { kind: 'speak' };
  if (may.vote) {
    const unanswered = state.polls.filter((p) => p.status === 'open' && !p.answered);
    const first = unanswered[0];
    if (first) return { kind: 'vote', pollId: first.id, question: first.question, more: unanswered.length - 1 };
  }
  if (state.you?.raised && state.you.position === 0) return { kind: 'next-speaker' };
  if (may.ask) return { kind: 'ask' };
  if (state.questionsToUpvote) return { kind: 'upvote' };
  return { kind: 'follow' };
}
