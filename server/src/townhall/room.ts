import {
  applyQaChanges,
  createAgenda,
  createPollState,
  createQaBoard,
  createSpeakerQueue,
  DEFAULT_INTERVENTION_MS,
  recountTallies,
  type Agenda,
  type Attribution,
  type Language,
  type PollResults,
  type PollState,
  type QaBoard,
  type QaChange,
  type SpeakerQueue,
} from '@open-talks/shared';
import { CAPTIONS_IN_STATE, type CaptionView, type TownhallSettings } from '@open-talks/shared/protocol';
import type { Repos, TownhallStateRecord } from '../store/index.js';
import { newHandKey } from './queue/hand-handles.js';

/**
 * One Town Hall's working copy, in memory: loaded from storage on first use and changed only
 * after the change is stored (the database stays the source of truth). Every read-decide-persist
 * runs inside the session's mutex, so the copy never runs ahead of what was written.
 */
export interface TownhallRoom {
  sessionId: string;
  attribution: Attribution;
  /** The secret the hands' handles are keyed with (HAND11). */
  handKey: string;
  settings: TownhallSettings;
  board: QaBoard;
  queue: SpeakerQueue;
  /** The next free base-order position for a raised hand (stored positions only grow). */
  nextHandPosition: number;
  /** By id, in creation order. */
  polls: Map<string, PollState>;
  /** Results computed once per change and shared by every viewer (POLL8). */
  resultsCache: Map<string, PollResults>;
  projectedPollId: string | null;
  agenda: Agenda;
  /** The latest captions of every stream together, oldest first (at most CAPTIONS_IN_STATE). */
  captions: CaptionView[];
  /** Each caption stream's latest lines (at most CAPTIONS_IN_STATE each) and its length (CAPS5). */
  captionStreams: Map<Language, { lines: CaptionView[]; count: number }>;
  nextCaptionSeq: number;
}

export function defaultSettings(attribution: Attribution): TownhallSettings {
  // Under `named` attribution the organisers asked for named contributions; otherwise people may ask anonymously.
  return { moderation: 'post', interventionMs: DEFAULT_INTERVENTION_MS, anonymousQuestions: attribution !== 'named', videoRoomUrl: null, projectorCaptionLanguage: null };
}

/** Reads everything a Town Hall holds: a few queries, once per session and process. */
export async function loadRoom(repos: Repos, sessionId: string, attribution: Attribution, now: number): Promise<TownhallRoom> {
  const [state, questions, votes, hands, polls, ballots, captions, handKey, captionStreams] = await Promise.all([
    repos.townhall.state(sessionId),
    repos.qa.questions(sessionId),
    repos.qa.votes(sessionId),
    repos.townhall.hands(sessionId),
    repos.polls.polls(sessionId),
    repos.polls.ballots(sessionId),
    repos.townhall.captions(sessionId, CAPTIONS_IN_STATE),
    repos.townhall.handKey(sessionId, newHandKey, now),
    loadCaptionStreams(repos, sessionId),
  ]);
  const board = createQaBoard();
  applyQaChanges(
    board,
    questions.map((question): QaChange => ({ type: 'question', question })),
  );
  // Counts come from the voter sets, so the copy always agrees with the rows (QA13).
  const counts = new Map<string, number>();
  for (const { questionId, participantId } of votes) {
    const n = (counts.get(questionId) ?? 0) + 1;
    counts.set(questionId, n);
    applyQaChanges(board, [{ type: 'vote', questionId, participantId, up: true, votes: n }]);
  }
  for (const question of questions) {
    if (!counts.has(question.id) && question.votes !== 0) applyQaChanges(board, [{ type: 'question', question: { ...question, votes: 0 } }]);
  }
  const pollStates = new Map<string, PollState>();
  for (const poll of polls) {
    const state = createPollState(poll);
    for (const ballot of ballots.get(poll.id) ?? []) state.ballots[ballot.participantId] = ballot;
    state.tallies = recountTallies(Object.values(state.ballots));
    pollStates.set(poll.id, state);
  }
  const queue = { ...createSpeakerQueue(), ...(state?.queue ?? {}), hands: hands.hands };
  return {
    sessionId,
    attribution,
    handKey,
    settings: state?.settings ?? defaultSettings(attribution),
    board,
    queue,
    nextHandPosition: hands.nextPosition,
    polls: pollStates,
    resultsCache: new Map(),
    projectedPollId: state?.projectedPollId ?? null,
    agenda: state?.agenda ?? createAgenda(),
    captions: captions.captions,
    captionStreams,
    nextCaptionSeq: captions.nextSeq,
  };
}

/** Each stream's latest lines: a query per language, on the (session, language, seq) index. */
async function loadCaptionStreams(repos: Repos, sessionId: string): Promise<TownhallRoom['captionStreams']> {
  const streams = await repos.townhall.captionStreams(sessionId);
  const loaded = await Promise.all(
    streams.map(async ({ language, count }) => [language, { lines: await repos.townhall.streamCaptions(sessionId, language, CAPTIONS_IN_STATE), count }] as const),
  );
  return new Map(loaded);
}

/** The row that holds the room's small parts. */
export function stateRecord(room: TownhallRoom, change: Partial<TownhallStateRecord> = {}): TownhallStateRecord {
  const { hands: _hands, ...queue } = room.queue;
  return { settings: room.settings, queue, agenda: room.agenda, projectedPollId: room.projectedPollId, ...change };
}
