/**
 * What a viewer may see of the Q&A, and in which order (QA2, QA10, QA11 in docs/townhall.md).
 * Reads only; the server runs these per viewer when it sends the full state (on connect) and
 * `canSeeQuestion` to pick who receives a change.
 */
import type { Attribution } from '../words.js';
import { hasVoted, type QaBoard, type Question, type QuestionStatus } from './qa.js';
import { resolveQuestion } from './qa-votes.js';

export type QuestionSort = 'top' | 'newest';

export interface QaViewer {
  participantId: string;
  /** Moderators and the facilitator: they see every question (QA2). */
  moderator: boolean;
}

export interface QuestionView {
  id: string;
  text: string;
  /** BCP 47: the language the question was written in (MT1). */
  language: string;
  anonymous: boolean;
  /** Null for an anonymous question, whoever looks (QA10); the server maps ids to names. */
  authorId: string | null;
  /** The viewer asked it (also for anonymous questions). */
  mine: boolean;
  createdAt: number;
  status: QuestionStatus;
  /** Seen by moderators and by the author only. */
  hiddenReason: string | null;
  pinned: boolean;
  /** Where a merged question went; seen by moderators and by the author only. */
  mergedInto: string | null;
  votes: number;
  /** The viewer's vote counts for this question (for a merged one: for where it went). */
  voted: boolean;
  editedAt: number | null;
  answeredAt: number | null;
}

/** Participants see visible and answered questions, and their own in any status. QA2. */
export function canSeeQuestion(question: Question, viewer: QaViewer): boolean {
  if (viewer.moderator || question.authorId === viewer.participantId) return true;
  return question.status === 'visible' || question.status === 'answered';
}

/** One question as `viewer` may see it (call only when `canSeeQuestion`). QA2, QA10. */
export function questionView(board: QaBoard, question: Question, viewer: QaViewer): QuestionView {
  const mine = question.authorId === viewer.participantId;
  const insider = viewer.moderator || mine;
  const votedOn = resolveQuestion(board, question.id)?.id ?? question.id;
  return {
    id: question.id,
    text: question.text,
    language: question.language,
    anonymous: question.anonymous,
    authorId: question.anonymous ? null : question.authorId,
    mine,
    createdAt: question.createdAt,
    status: question.status,
    hiddenReason: insider ? question.hiddenReason : null,
    pinned: question.pinned,
    mergedInto: insider ? question.mergedInto : null,
    votes: question.votes,
    voted: hasVoted(board, votedOn, viewer.participantId),
    editedAt: question.editedAt,
    answeredAt: question.answeredAt,
  };
}

/**
 * Top: most votes first, then the older first (it has waited longer), then by id. Newest:
 * the most recent first, then by id. Status plays no part: screens group by status. QA11.
 */
export function compareQuestions(sort: QuestionSort): (a: Question, b: Question) => number {
  if (sort === 'top') return (a, b) => b.votes - a.votes || a.createdAt - b.createdAt || compareIds(a.id, b.id);
  return (a, b) => b.createdAt - a.createdAt || compareIds(b.id, a.id);
}

export function sortQuestions(questions: readonly Question[], sort: QuestionSort): Question[] {
  return questions.slice().sort(compareQuestions(sort));
}

/** Every question `viewer` may see, sorted. QA2, QA11. */
export function questionsFor(board: QaBoard, viewer: QaViewer, sort: QuestionSort): QuestionView[] {
  const seen = Object.values(board.questions).filter((q) => canSeeQuestion(q, viewer));
  return sortQuestions(seen, sort).map((q) => questionView(board, q, viewer));
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Whether to offer the "without my name" box (ATTR1): only where the session allows anonymous
 * questions and names or groups are shown at all; under `anonymous` every question goes without.
 */
export function mayAskAnonymously(anonymousQuestions: boolean, attribution: Attribution): boolean {
  return anonymousQuestions && attribution !== 'anonymous';
}
