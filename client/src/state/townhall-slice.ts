import type { Poll, PollResults } from '@open-talks/shared';
import type { AgendaView, CaptionView, FloorView, HandStatus, MyBallot, QuestionItem, QueueView, TownhallLive, TownhallSettings, VoteCounts } from '@open-talks/shared/protocol';
import type { StateCreator } from 'zustand';
import type { LiveStore } from './live-store';
import { inTownhall, withBallot, withCaptions, withMyVote, withoutPoll, withoutQuestion, withPoll, withPollResults, withQuestion, withVotes } from './reducers/townhall';

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
 * deltas (reducers/townhall.ts); `session:state` replaces it whole on every (re)connect.
 */
export const townhallSlice: StateCreator<LiveStore, [], [], TownhallSlice> = (set) => {
  const change = (update: (th: TownhallLive) => Partial<TownhallLive>) => set(({ live }) => ({ live: inTownhall(live, update) }));
  return {
    thQuestion: (question) => change((th) => withQuestion(th, question)),
    thQuestionGone: (questionId) => change((th) => withoutQuestion(th, questionId)),
    thVotes: (counts) => change((th) => withVotes(th, counts)),
    thVoted: (questionId, voted) => change((th) => withMyVote(th, questionId, voted)),
    thQueue: (queue) => change(() => ({ queue })),
    thYou: (you) => change(() => ({ you })),
    thFloor: (floor) => change(() => ({ floor })),
    thPoll: (poll) => change((th) => withPoll(th, poll)),
    thPollDeleted: (pollId) => change((th) => withoutPoll(th, pollId)),
    thPollResults: (results) => change((th) => withPollResults(th, results)),
    thBallot: (pollId, ballot) => change((th) => withBallot(th, pollId, ballot)),
    thProjected: (pollId) => change(() => ({ projectedPollId: pollId })),
    thCaptions: (lines) => change((th) => withCaptions(th, lines)),
    thAgenda: (agenda) => change(() => ({ agenda })),
    thSettings: (settings) => change(() => ({ settings })),
  };
};
