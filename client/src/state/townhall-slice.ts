import type { Poll, PollResults } from '@open-talks/shared';
import type {
  AgendaView,
  CaptionView,
  FloorView,
  HandStatus,
  MyBallot,
  QuestionItem,
  QueueView,
  TownhallLive,
  TownhallSettings,
  VoteCounts,
} from '@open-talks/shared/protocol';
import type { StateCreator } from 'zustand';
import type { LiveStore } from './live-store';

const CAPTIONS_KEPT = 200; // lines on screen; the full transcript stays on the server

export interface TownhallSlice {
  thQuestion(question: QuestionItem): void;
  thQuestionGone(questionId: string): void;
  thVotes(counts: VoteCounts): void;
  thVoted(questionId: string, voted: boolean): void;
  thQueue(queue: QueueView): void;
  thYou(you: HandStatus): void;
  thFloor(floor: FloorView | null): void;
  thPoll(poll: Poll): void;
  thPollDeleted(pollId: string): void;
  thPollResults(results: PollResults): void;
  thBallot(pollId: string, ballot: MyBallot | null): void;
  thProjected(pollId: string | null): void;
  thCaptions(lines: CaptionView[]): void;
  thAgenda(agenda: AgendaView): void;
  thSettings(settings: TownhallSettings): void;
}

/**
 * The Town Hall part of the live session (`live.townhall`), changed by the server's small
 * deltas; `session:state` replaces it whole on every (re)connect.
 */
export const townhallSlice: StateCreator<LiveStore, [], [], TownhallSlice> = (set) => {
  const change = (update: (th: TownhallLive) => Partial<TownhallLive>) =>
    set(({ live }) => (live?.townhall ? { live: { ...live, townhall: { ...live.townhall, ...update(live.townhall) } } } : {}));
  return {
    thQuestion: (question) =>
      change(({ qa }) => {
        const index = qa.questions.findIndex((q) => q.id === question.id);
        const questions = [...qa.questions];
        if (index === -1) questions.push(question);
        else questions[index] = question;
        return { qa: { ...qa, questions } };
      }),
    thQuestionGone: (questionId) => change(({ qa }) => ({ qa: { ...qa, questions: qa.questions.filter((q) => q.id !== questionId) } })),
    thVotes: (counts) =>
      change(({ qa }) => ({
        qa: { ...qa, questions: qa.questions.map((q) => (Object.hasOwn(counts, q.id) ? { ...q, votes: counts[q.id]! } : q)) },
      })),
    thVoted: (questionId, voted) =>
      change(({ qa }) => {
        const others = qa.myVotes.filter((id) => id !== questionId);
        return { qa: { ...qa, myVotes: voted ? [...others, questionId] : others } };
      }),
    thQueue: (queue) => change(() => ({ queue })),
    thYou: (you) => change(() => ({ you })),
    thFloor: (floor) => change(() => ({ floor })),
    thPoll: (poll) =>
      change(({ polls }) => {
        const index = polls.findIndex((p) => p.poll.id === poll.id);
        if (index === -1) return { polls: [{ poll, results: null, ballot: null }, ...polls] };
        const next = [...polls];
        next[index] = { ...next[index]!, poll };
        return { polls: next };
      }),
    thPollDeleted: (pollId) => change(({ polls }) => ({ polls: polls.filter((p) => p.poll.id !== pollId) })),
    thPollResults: (results) => change(({ polls }) => ({ polls: polls.map((p) => (p.poll.id === results.pollId ? { ...p, results } : p)) })),
    thBallot: (pollId, ballot) => change(({ polls }) => ({ polls: polls.map((p) => (p.poll.id === pollId ? { ...p, ballot } : p)) })),
    thProjected: (pollId) => change(() => ({ projectedPollId: pollId })),
    thCaptions: (lines) =>
      change(({ captions }) => {
        const known = new Set(captions.map((c) => c.id));
        return { captions: [...captions, ...lines.filter((c) => !known.has(c.id))].slice(-CAPTIONS_KEPT) };
      }),
    thAgenda: (agenda) => change(() => ({ agenda })),
    thSettings: (settings) => change(() => ({ settings })),
  };
};
