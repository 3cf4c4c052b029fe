/**
 * Votes and merges of Town Hall questions (QA8, QA9, QA13 in docs/townhall.md). A vote is
 * decided from one membership test and one count, and applied as one voter added or removed:
 * constant work per vote, however many people vote.
 */
import { getQuestion, hasVoted, questionNotFound, type QaBoard, type QaChange, type QaResult, type Question } from './qa.js';
import { conflict, getOwn } from './result.js';

/**
 * The question a question's votes go to: itself, or the end of its `mergedInto` chain.
 * Merges never make a cycle (QA8), so the walk ends; the step cap only guards bad stored data.
 */
export function resolveQuestion(board: QaBoard, id: string): Question | undefined {
  let question = getQuestion(board, id);
  let steps = 0;
  while (question?.mergedInto != null) {
    if (++steps > 10_000) return undefined; // more merges than a session holds: corrupt data
    question = getQuestion(board, question.mergedInto);
  }
  return question;
}

/**
 * One participant's vote (`up`) or its withdrawal on a question, counted on the question the
 * id resolves to (a merged question's votes go to its target). One vote per participant:
 * voting twice, or withdrawing a vote one does not have, changes nothing and is ok (so a
 * retry after a reconnect is harmless). Only a visible question takes votes and withdrawals;
 * the author cannot vote for their own question. QA9.
 */
export function voteQuestion(board: QaBoard, questionId: string, participantId: string, up: boolean): QaResult<{ questionId: string; votes: number }> {
  if (!getQuestion(board, questionId)) return questionNotFound(questionId);
  const target = resolveQuestion(board, questionId);
  if (!target) return conflict(`The question ${questionId} was merged into one that no longer exists.`, 'mergedTargetGone');
  if (target.status !== 'visible') return conflict(`Votes are closed on a question that is ${target.status}.`, 'votesClosed');
  if (up && target.authorId === participantId) return conflict('You cannot vote for your own question.', 'ownQuestion');
  const voted = hasVoted(board, target.id, participantId);
  const same = { ok: true as const, questionId: target.id, votes: target.votes, changes: [] };
  if (voted === up) return same;
  const votes = target.votes + (up ? 1 : -1);
  return { ok: true, questionId: target.id, votes, changes: [{ type: 'vote', questionId: target.id, participantId, up, votes }] };
}

/**
 * Merges a duplicate (`sourceId`) into `targetId` (or the question that one was merged into):
 * the target's voters become the union of both sets, minus the target's author, so nobody is
 * counted twice; the source is hidden as merged, unpinned, with no votes of its own. A merged
 * source cannot be merged again, a hidden target cannot take a merge, and a merge that would
 * close a cycle is refused. Work is proportional to the source's voters. QA8.
 */
export function mergeQuestions(board: QaBoard, sourceId: string, targetId: string): QaResult<{ target: Question }> {
  const source = getQuestion(board, sourceId);
  if (!source) return questionNotFound(sourceId);
  if (!getQuestion(board, targetId)) return questionNotFound(targetId);
  if (source.mergedInto !== null) return conflict('That question was already merged.', 'alreadyMerged');
  const target = resolveQuestion(board, targetId);
  if (!target) return conflict(`The question ${targetId} was merged into one that no longer exists.`, 'mergedTargetGone');
  if (target.id === source.id) return conflict('A question cannot be merged into itself.', 'mergeIntoSelf');
  if (target.status === 'hidden') return conflict('Cannot merge into a hidden question.', 'mergeIntoHidden');

  const sourceVoters = Object.keys(getOwn(board.voters, source.id) ?? {});
  const targetVoters = getOwn(board.voters, target.id);
  const added = sourceVoters.filter((voter) => voter !== target.authorId && !(targetVoters !== undefined && Object.hasOwn(targetVoters, voter)));
  const votes = target.votes + added.length;
  const merged: Question = { ...source, status: 'hidden', hiddenReason: null, pinned: false, mergedInto: target.id, votes: 0 };
  const changes: QaChange[] = [
    { type: 'merge-voters', fromId: source.id, toId: target.id, added, votes },
    { type: 'question', question: merged },
  ];
  return { ok: true, target: { ...target, votes }, changes };
}
