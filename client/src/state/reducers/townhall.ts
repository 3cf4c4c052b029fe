import type { Poll, PollResults } from '@open-talks/shared';
import { upsert } from './upsert';
import type { CaptionView, MyBallot, QuestionItem, SessionState, TownhallLive, VoteCounts } from '@open-talks/shared/protocol';

// The Town Hall's deltas as pure functions (state, payload) → state, so they are tested without
// a store; townhall-slice.ts only wires them to `live.townhall`.

export const CAPTIONS_KEPT = 200; // lines on screen; the full transcript stays on the server

/** Applies a change to `live.townhall`; nothing changes when this is not a Town Hall with its state loaded. */
export function inTownhall(live: SessionState | undefined, update: (th: TownhallLive) => Partial<TownhallLive>): SessionState | undefined {
  return live?.townhall ? { ...live, townhall: { ...live.townhall, ...update(live.townhall) } } : live;
}

/** Adds a question, or replaces the one with its id where it stands. */
export function withQuestion({ qa }: TownhallLive, question: QuestionItem): Pick<TownhallLive, 'qa'> {
  return { qa: { ...qa, questions: upsert(qa.questions, question) } };
}

export function withoutQuestion({ qa }: TownhallLive, questionId: string): Pick<TownhallLive, 'qa'> {
  return { qa: { ...qa, questions: qa.questions.filter((q) => q.id !== questionId) } };
}

/** New counts for the questions named; a count for a question this viewer cannot see is ignored. */
export function withVotes({ qa }: TownhallLive, counts: VoteCounts): Pick<TownhallLive, 'qa'> {
  return { qa: { ...qa, questions: qa.questions.map((q) => (Object.hasOwn(counts, q.id) ? { ...q, votes: counts[q.id]! } : q)) } };
}

export function withMyVote({ qa }: TownhallLive, questionId: string, voted: boolean): Pick<TownhallLive, 'qa'> {
  const others = qa.myVotes.filter((id) => id !== questionId);
  return { qa: { ...qa, myVotes: voted ? [...others, questionId] : others } };
}

/** A new poll goes first (it has no results or ballot yet); a known one keeps its results and ballot. */
export function withPoll({ polls }: TownhallLive, poll: Poll): Pick<TownhallLive, 'polls'> {
  return polls.some((p) => p.poll.id === poll.id)
    ? { polls: polls.map((p) => (p.poll.id === poll.id ? { ...p, poll } : p)) }
    : { polls: [{ poll, results: null, ballot: null }, ...polls] };
}

export function withoutPoll({ polls }: TownhallLive, pollId: string): Pick<TownhallLive, 'polls'> {
  return { polls: polls.filter((p) => p.poll.id !== pollId) };
}

export function withPollResults({ polls }: TownhallLive, results: PollResults): Pick<TownhallLive, 'polls'> {
  return { polls: polls.map((p) => (p.poll.id === results.pollId ? { ...p, results } : p)) };
}

export function withBallot({ polls }: TownhallLive, pollId: string, ballot: MyBallot | null): Pick<TownhallLive, 'polls'> {
  return { polls: polls.map((p) => (p.poll.id === pollId ? { ...p, ballot } : p)) };
}

/**
 * Appends the lines not shown yet (a resent line is not doubled), keeping the last CAPTIONS_KEPT,
 * and each to its language's stream (a new stream appears in the list, CAPS4).
 */
export function withCaptions({ captions, captionStreams }: TownhallLive, lines: CaptionView[]): Pick<TownhallLive, 'captions' | 'captionStreams'> {
  const known = new Set(captions.map((c) => c.id));
  const fresh = lines.filter((c) => !known.has(c.id));
  const streams = [...(captionStreams ?? [])];
  for (const line of fresh) {
    const i = streams.findIndex((s) => s.language === line.language);
    if (i === -1) streams.push({ language: line.language, lines: [line], count: 1 });
    else streams[i] = { ...streams[i]!, lines: [...streams[i]!.lines, line].slice(-CAPTIONS_KEPT), count: streams[i]!.count + 1 };
  }
  return { captions: [...captions, ...fresh].slice(-CAPTIONS_KEPT), captionStreams: streams };
}
