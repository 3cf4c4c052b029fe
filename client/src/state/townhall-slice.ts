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
  /** An action that applies `reducer` to `live.townhall`. */
  const on =
    <A extends unknown[]>(reducer: (th: TownhallLive, ...payload: A) => Partial<TownhallLive>) =>
    (...payload: A) =>
      set(({ live }) => ({ live: inTownhall(live, (th) => reducer(th, ...payload)) }));
  /** An action that replaces one part of `live.townhall`. */
  const put = <K extends keyof TownhallLive>(key: K) => on((_, value: TownhallLive[K]) => ({ [key]: value }));
  return {
    thQuestion: on(withQuestion),
    thQuestionGone: on(withoutQuestion),
    thVotes: on(withVotes),
    thVoted: on(withMyVote),
    thQueue: put('queue'),
    thYou: put('you'),
    thFloor: put('floor'),
    thPoll: on(withPoll),
    thPollDeleted: on(withoutPoll),
    thPollResults: on(withPollResults),
    thBallot: on(withBallot),
    thProjected: put('projectedPollId'),
    thCaptions: on(withCaptions),
    thAgenda: put('agenda'),
    thSettings: put('settings'),
  };
};
