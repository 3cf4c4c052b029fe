/**
 * Town Hall Q&A: questions and their moderation (QA1…QA13 in docs/townhall.md). Votes and merges
 * are in qa-votes.ts, what a viewer sees in qa-view.ts.
 *
 * Decide, then apply: every transition is pure and returns the changes it decided
 * (`QaChange[]`, small and serialisable: what the server persists; clients get them only through
 * qa-view.ts, since they hold voter ids and anonymous authors);
 * `applyQaChanges` is the one function that changes a board, in place, in time proportional to
 * the changes (a vote is one voter added or removed plus a count, never a recount). QA12.
 */

import { badRequest, conflict, getOwn, notFound, oneLine, setOwn, type Failure, type Result } from './result.js';

export type QuestionStatus = 'pending' | 'visible' | 'hidden' | 'answered';
export type Moderation = 'pre' | 'post';

export const QA_LIMITS = {
  textLength: 500, // characters
  hiddenReasonLength: 200, // characters
} as const;

export interface Question {
  id: string;
  authorId: string;
  text: string;
  /** BCP 47: the language it was written in (the author's by default, correctable; MT1). */
  language: string;
  /** Shown to nobody with the author's name, moderators included (QA10); stored for "mine". */
  anonymous: boolean;
  createdAt: number; // epoch ms
  status: QuestionStatus;
  /** The moderator's optional reason, shown to the author while hidden; null otherwise. */
  hiddenReason: string | null;
  /** "Now answering": at most one question of a board is pinned (QA6). */
  pinned: boolean;
  /** Set once merged: the question its votes went to (hidden from then on, QA8). */
  mergedInto: string | null;
  /** How many participants vote for it: the size of its voter set (0 once merged). */
  votes: number;
  editedAt: number | null; // epoch ms of the last moderator edit
  answeredAt: number | null; // epoch ms
}

export interface QaBoard {
  questions: Record<string, Question>;
  /** voters[questionId][participantId] === true; only questions not merged have voters. */
  voters: Record<string, Record<string, true>>;
  /** The pinned question's id, kept with the pinned flags by `applyQaChanges`. */
  pinnedId: string | null;
}

export type QaChange =
  /** The question as it now is (created or changed). */
  | { type: 'question'; question: Question }
  /** One participant's vote added (`up`) or taken back; `votes` is the question's new count. */
  | { type: 'vote'; questionId: string; participantId: string; up: boolean; votes: number }
  /** A merge: `fromId`'s voter set is dropped; `added` joined `toId`'s, which now counts `votes`. */
  | { type: 'merge-voters'; fromId: string; toId: string; added: string[]; votes: number };

export type QaResult<T extends object = object> = Result<{ changes: QaChange[] } & T>;

export interface QaSettings {
  moderation: Moderation;
  /** Whether the session's attribution lets people ask anonymously. */
  anonymousAllowed: boolean;
}

export interface AskInput {
  /** Made by the server. */
  id: string;
  authorId: string;
  text: string;
  anonymous?: boolean;
  /** BCP 47, canonical; `und` (undetermined) when the caller does not say. MT1. */
  language?: string;
}

export function createQaBoard(): QaBoard {
  return { questions: {}, voters: {}, pinnedId: null };
}

export function getQuestion(board: QaBoard, id: string): Question | undefined {
  return getOwn(board.questions, id);
}

/** A question's text: one line (whitespace collapsed), 1…500 characters. QA1, QA5. */
export function cleanQuestionText(text: string): { ok: true; text: string } | Failure {
  const clean = oneLine(text);
  if (clean.length === 0) return badRequest('A question needs some text.');
  if (clean.length > QA_LIMITS.textLength) return badRequest(`A question has at most ${QA_LIMITS.textLength} characters.`);
  return { ok: true, text: clean };
}

/** Asks a question: pending when pre-moderated, visible when post-moderated. QA1. */
export function askQuestion(board: QaBoard, input: AskInput, settings: QaSettings, now: number): QaResult<{ question: Question }> {
  if (getQuestion(board, input.id)) return conflict(`A question ${input.id} already exists.`);
  const anonymous = input.anonymous ?? false;
  if (anonymous && !settings.anonymousAllowed) return badRequest('This session does not allow anonymous questions.');
  const text = cleanQuestionText(input.text);
  if (!text.ok) return text;
  const question: Question = {
    id: input.id,
    authorId: input.authorId,
    text: text.text,
    language: input.language ?? 'und',
    anonymous,
    createdAt: now,
    status: settings.moderation === 'pre' ? 'pending' : 'visible',
    hiddenReason: null,
    pinned: false,
    mergedInto: null,
    votes: 0,
    editedAt: null,
    answeredAt: null,
  };
  return changed(question);
}

/** Approves a pending question, or restores a hidden one (not a merged one). QA3. */
export function approveQuestion(board: QaBoard, id: string): QaResult<{ question: Question }> {
  const question = getQuestion(board, id);
  if (!question) return questionNotFound(id);
  if (question.mergedInto !== null) return conflict('A merged question cannot be restored.', 'mergedCannotRestore');
  if (question.status !== 'pending' && question.status !== 'hidden') {
    return conflict(`Cannot approve a question that is ${question.status}.`, 'cannotApprove');
  }
  return changed({ ...question, status: 'visible', hiddenReason: null });
}

/** Hides a question with an optional reason the author sees; a pinned one is unpinned. QA4. */
export function hideQuestion(board: QaBoard, id: string, reason?: string | null): QaResult<{ question: Question }> {
  const question = getQuestion(board, id);
  if (!question) return questionNotFound(id);
  if (question.status === 'hidden') return conflict('The question is already hidden.', 'alreadyHidden');
  const hiddenReason = reason ? oneLine(reason) : '';
  if (hiddenReason.length > QA_LIMITS.hiddenReasonLength) {
    return badRequest(`A reason has at most ${QA_LIMITS.hiddenReasonLength} characters.`);
  }
  return changed({ ...question, status: 'hidden', hiddenReason: hiddenReason || null, pinned: false });
}

/** A moderator fixes a question's text (a typo); its votes, status and place stay. QA5. */
export function editQuestion(board: QaBoard, id: string, text: string, now: number): QaResult<{ question: Question }> {
  const question = getQuestion(board, id);
  if (!question) return questionNotFound(id);
  const clean = cleanQuestionText(text);
  if (!clean.ok) return clean;
  if (clean.text === question.text) return { ok: true, question, changes: [] };
  return changed({ ...question, text: clean.text, editedAt: now });
}

/** Says which language a question is in (its author or the staff correct the tag). MT3. */
export function retagQuestion(board: QaBoard, id: string, language: string): QaResult<{ question: Question }> {
  const question = getQuestion(board, id);
  if (!question) return questionNotFound(id);
  if (question.language === language) return { ok: true, question, changes: [] };
  return changed({ ...question, language });
}

/** Pins a visible question as "now answering"; the one pinned before is unpinned. QA6. */
export function pinQuestion(board: QaBoard, id: string): QaResult<{ question: Question }> {
  const question = getQuestion(board, id);
  if (!question) return questionNotFound(id);
  if (question.pinned) return { ok: true, question, changes: [] };
  if (question.status !== 'visible') return conflict(`Cannot pin a question that is ${question.status}.`, 'cannotPin');
  const pinned = { ...question, pinned: true };
  const previous = board.pinnedId === null ? undefined : getQuestion(board, board.pinnedId);
  const changes: QaChange[] = [];
  if (previous?.pinned) changes.push({ type: 'question', question: { ...previous, pinned: false } });
  changes.push({ type: 'question', question: pinned });
  return { ok: true, question: pinned, changes };
}

/** Unpins the pinned question (nothing to do when none is). QA6. */
export function unpinQuestion(board: QaBoard): QaResult {
  const previous = board.pinnedId === null ? undefined : getQuestion(board, board.pinnedId);
  if (!previous?.pinned) return { ok: true, changes: [] };
  return { ok: true, changes: [{ type: 'question', question: { ...previous, pinned: false } }] };
}

/** Marks a visible question answered; it is unpinned and its votes freeze. QA7. */
export function markAnswered(board: QaBoard, id: string, now: number): QaResult<{ question: Question }> {
  const question = getQuestion(board, id);
  if (!question) return questionNotFound(id);
  if (question.status !== 'visible') return conflict(`Cannot mark a question answered that is ${question.status}.`, 'cannotAnswer');
  return changed({ ...question, status: 'answered', pinned: false, answeredAt: now });
}

/**
 * Takes back "answered" (marked by mistake, or the answer did not cover it): the question is
 * visible again, with the votes it had, and takes votes again. QA17.
 */
export function reopenQuestion(board: QaBoard, id: string): QaResult<{ question: Question }> {
  const question = getQuestion(board, id);
  if (!question) return questionNotFound(id);
  if (question.status !== 'answered') return conflict(`Only an answered question can be reopened; this one is ${question.status}.`, 'cannotReopen');
  return changed({ ...question, status: 'visible', answeredAt: null });
}

/**
 * Applies decided changes to a board, in place (the server's in-memory copy, or a test's
 * model), in time proportional to the changes. The only function here that mutates. QA12.
 */
export function applyQaChanges(board: QaBoard, changes: readonly QaChange[]): void {
  for (const change of changes) {
    switch (change.type) {
      case 'question': {
        const { question } = change;
        setOwn(board.questions, question.id, question);
        if (question.pinned) board.pinnedId = question.id;
        else if (board.pinnedId === question.id) board.pinnedId = null;
        break;
      }
      case 'vote': {
        const voters = votersOf(board, change.questionId);
        if (change.up) setOwn(voters, change.participantId, true);
        else delete voters[change.participantId];
        setVotes(board, change.questionId, change.votes);
        break;
      }
      case 'merge-voters': {
        const voters = votersOf(board, change.toId);
        for (const participantId of change.added) setOwn(voters, participantId, true);
        delete board.voters[change.fromId];
        setVotes(board, change.toId, change.votes);
        break;
      }
      default: {
        const unknown: never = change;
        throw new Error(`Unknown Q&A change: ${JSON.stringify(unknown)}`);
      }
    }
  }
}

/** True when `participantId` votes for question `questionId` (itself, not its merge root). */
export function hasVoted(board: QaBoard, questionId: string, participantId: string): boolean {
  const voters = getOwn(board.voters, questionId);
  return voters !== undefined && Object.hasOwn(voters, participantId);
}

function votersOf(board: QaBoard, questionId: string): Record<string, true> {
  let voters = getOwn(board.voters, questionId);
  if (!voters) {
    voters = {};
    setOwn(board.voters, questionId, voters);
  }
  return voters;
}

function setVotes(board: QaBoard, questionId: string, votes: number): void {
  const question = getQuestion(board, questionId);
  // Replace rather than mutate: decided changes may hold this very object.
  if (question) setOwn(board.questions, questionId, { ...question, votes });
}

function changed(question: Question): QaResult<{ question: Question }> {
  return { ok: true, question, changes: [{ type: 'question', question }] };
}

export function questionNotFound(id: string): Failure {
  return notFound(`No question ${id}.`);
}
