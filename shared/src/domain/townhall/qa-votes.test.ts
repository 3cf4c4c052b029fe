import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyQaChanges,
  approveQuestion,
  askQuestion,
  createQaBoard,
  getQuestion,
  hasVoted,
  hideQuestion,
  markAnswered,
  pinQuestion,
  type QaBoard,
  type QaChange,
  type QaSettings,
  type QuestionStatus,
} from './qa.js';
import { mergeQuestions, resolveQuestion, voteQuestion } from './qa-votes.js';
import { T0, expectError, must } from '../../../../test/fixtures/townhall.js';

const POST: QaSettings = { moderation: 'post', anonymousAllowed: true };

function run(board: QaBoard, result: { ok: true; changes: QaChange[] } | { ok: false }): void {
  if (!result.ok) throw new Error('refused');
  applyQaChanges(board, result.changes);
}

/** Questions q1… asked by author-q1… in that order. */
function boardWith(...ids: string[]): QaBoard {
  const board = createQaBoard();
  ids.forEach((id, i) => run(board, askQuestion(board, { id, authorId: `author-${id}`, text: `${id}?` }, POST, T0 + i)));
  return board;
}

const votes = (board: QaBoard, id: string) => getQuestion(board, id)?.votes;
const voters = (board: QaBoard, id: string) => Object.keys(board.voters[id] ?? {}).sort();

describe('Q&A votes', () => {
  it('QA9 one vote per participant: voting again changes nothing, taking it back lowers the count', () => {
    const board = boardWith('q1');
    const first = must(voteQuestion(board, 'q1', 'v1', true));
    expect(first).toMatchObject({ questionId: 'q1', votes: 1 });
    expect(first.changes).toEqual([{ type: 'vote', questionId: 'q1', participantId: 'v1', up: true, votes: 1 }]);
    applyQaChanges(board, first.changes);
    const again = must(voteQuestion(board, 'q1', 'v1', true));
    expect(again).toMatchObject({ votes: 1, changes: [] });
    run(board, voteQuestion(board, 'q1', 'v2', true));
    expect(votes(board, 'q1')).toBe(2);
    run(board, voteQuestion(board, 'q1', 'v1', false));
    expect(votes(board, 'q1')).toBe(1);
    expect(must(voteQuestion(board, 'q1', 'v1', false))).toMatchObject({ votes: 1, changes: [] });
    expect(hasVoted(board, 'q1', 'v2')).toBe(true);
    expect(hasVoted(board, 'q1', 'v1')).toBe(false);
  });

  it('QA9 the author cannot vote for their own question', () => {
    const board = boardWith('q1');
    expectError(voteQuestion(board, 'q1', 'author-q1', true), 'conflict');
    expect(must(voteQuestion(board, 'q1', 'author-q1', false)).changes).toEqual([]);
  });

  it('QA9 only a visible question takes votes', () => {
    const board = createQaBoard();
    run(board, askQuestion(board, { id: 'q1', authorId: 'a', text: 'Pending?' }, { moderation: 'pre', anonymousAllowed: false }, T0));
    expectError(voteQuestion(board, 'q1', 'v1', true), 'conflict');
    expectError(voteQuestion(board, 'nope', 'v1', true), 'not_found');
    run(board, approveQuestion(board, 'q1'));
    expect(must(voteQuestion(board, 'q1', 'v1', true)).votes).toBe(1);
  });

  it('QA9 a vote on a merged question counts for its target, once', () => {
    const board = boardWith('q1', 'q2');
    run(board, voteQuestion(board, 'q1', 'v1', true));
    run(board, mergeQuestions(board, 'q2', 'q1'));
    expect(must(voteQuestion(board, 'q2', 'v1', true))).toMatchObject({ questionId: 'q1', votes: 1, changes: [] });
    run(board, voteQuestion(board, 'q2', 'v2', true));
    expect(votes(board, 'q1')).toBe(2);
    run(board, voteQuestion(board, 'q2', 'v1', false));
    expect(voters(board, 'q1')).toEqual(['v2']);
  });
});

describe('Q&A merges', () => {
  it('QA8 votes become the union of both voter sets: overlapping voters count once', () => {
    const board = boardWith('q1', 'q2');
    for (const v of ['a', 'b', 'c']) run(board, voteQuestion(board, 'q1', v, true));
    for (const v of ['b', 'c', 'd', 'e']) run(board, voteQuestion(board, 'q2', v, true));
    const merge = must(mergeQuestions(board, 'q2', 'q1'));
    expect(merge.target.votes).toBe(5);
    expect(merge.changes[0]).toEqual({ type: 'merge-voters', fromId: 'q2', toId: 'q1', added: ['d', 'e'], votes: 5 });
    applyQaChanges(board, merge.changes);
    expect(voters(board, 'q1')).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(votes(board, 'q1')).toBe(5);
    expect(getQuestion(board, 'q2')).toMatchObject({ status: 'hidden', mergedInto: 'q1', votes: 0, pinned: false });
    expect(board.voters['q2']).toBeUndefined();
  });

  it("QA8 the target's author's vote on the duplicate is dropped: nobody votes for their own question", () => {
    const board = boardWith('q1', 'q2');
    run(board, voteQuestion(board, 'q2', 'author-q1', true));
    run(board, voteQuestion(board, 'q2', 'v1', true));
    run(board, mergeQuestions(board, 'q2', 'q1'));
    expect(voters(board, 'q1')).toEqual(['v1']);
    // The duplicate's author may now vote for the target, which is not theirs.
    run(board, voteQuestion(board, 'q2', 'author-q2', true));
    expect(votes(board, 'q1')).toBe(2);
  });

  it('QA8 merging into a merged question follows to the root; cycles and merging twice are refused', () => {
    const board = boardWith('q1', 'q2', 'q3');
    run(board, mergeQuestions(board, 'q2', 'q1'));
    run(board, mergeQuestions(board, 'q3', 'q2'));
    expect(getQuestion(board, 'q3')?.mergedInto).toBe('q1');
    expect(resolveQuestion(board, 'q3')?.id).toBe('q1');
    expectError(mergeQuestions(board, 'q2', 'q3'), 'conflict'); // already merged
    expectError(mergeQuestions(board, 'q1', 'q3'), 'conflict'); // q3 → q1: would be a cycle
    expectError(mergeQuestions(board, 'q1', 'q1'), 'conflict');
    expectError(mergeQuestions(board, 'q1', 'q9'), 'not_found');
    expectError(mergeQuestions(board, 'q9', 'q1'), 'not_found');
  });

  it('QA8 a pinned duplicate is unpinned; a hidden target is refused', () => {
    const board = boardWith('q1', 'q2', 'q3');
    run(board, pinQuestion(board, 'q2'));
    run(board, mergeQuestions(board, 'q2', 'q1'));
    expect(board.pinnedId).toBeNull();
    run(board, hideQuestion(board, 'q1'));
    expectError(mergeQuestions(board, 'q3', 'q1'), 'conflict');
  });
});

// A model the board must agree with, built differently: it keeps every (participant, question
// voted on) pair as cast, never moves votes, and counts a root's votes as the people with a pair
// anywhere in its merge tree, minus its author.
type Op =
  | { kind: 'vote'; p: number; q: number; up: boolean }
  | { kind: 'merge'; from: number; to: number }
  | { kind: 'hide'; q: number }
  | { kind: 'approve'; q: number }
  | { kind: 'answer'; q: number };

const QUESTIONS = 6;
const PEOPLE = 6; // p0…p2 also ask questions
const qid = (q: number) => `q${q}`;
const pid = (p: number) => `p${p}`;
const authorOf = (q: number) => pid(q % 3);

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('vote' as const), p: fc.nat(PEOPLE - 1), q: fc.nat(QUESTIONS - 1), up: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('merge' as const), from: fc.nat(QUESTIONS - 1), to: fc.nat(QUESTIONS - 1) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('hide' as const), q: fc.nat(QUESTIONS - 1) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('approve' as const), q: fc.nat(QUESTIONS - 1) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('answer' as const), q: fc.nat(QUESTIONS - 1) }) },
);

class Model {
  parent = new Map<string, string>();
  status = new Map<string, QuestionStatus>();
  pairs = new Set<string>(); // `${participant}|${question}`

  root(id: string): string {
    let at = id;
    while (this.parent.has(at)) at = this.parent.get(at) as string;
    return at;
  }
  tree(root: string): string[] {
    return [...this.status.keys()].filter((id) => this.root(id) === root);
  }
  count(root: string, author: string): string[] {
    const tree = new Set(this.tree(root));
    const people = new Set<string>();
    for (const pair of this.pairs) {
      const [p, q] = pair.split('|') as [string, string];
      if (tree.has(q) && p !== author) people.add(p);
    }
    return [...people].sort();
  }
}

describe('Q&A vote counting properties', () => {
  it('QA13 QA8 QA9 after any votes, take-backs and merges, each root counts exactly the union of its voters, nobody twice', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: QUESTIONS, maxLength: QUESTIONS }), fc.array(opArb, { maxLength: 60 }), (pending, ops) => {
        const board = createQaBoard();
        const model = new Model();
        for (let q = 0; q < QUESTIONS; q++) {
          const settings: QaSettings = { moderation: pending[q] ? 'pre' : 'post', anonymousAllowed: false };
          run(board, askQuestion(board, { id: qid(q), authorId: authorOf(q), text: `Question ${q}?` }, settings, T0 + q));
          model.status.set(qid(q), pending[q] ? 'pending' : 'visible');
        }
        for (const op of ops) {
          let accepted: boolean;
          let result;
          switch (op.kind) {
            case 'vote': {
              const root = model.root(qid(op.q));
              accepted = model.status.get(root) === 'visible' && !(op.up && authorOf(Number(root.slice(1))) === pid(op.p));
              result = voteQuestion(board, qid(op.q), pid(op.p), op.up);
              if (accepted && op.up) model.pairs.add(`${pid(op.p)}|${qid(op.q)}`);
              if (accepted && !op.up) for (const q of model.tree(root)) model.pairs.delete(`${pid(op.p)}|${q}`);
              break;
            }
            case 'merge': {
              const from = qid(op.from);
              const to = model.root(qid(op.to));
              accepted = !model.parent.has(from) && to !== from && model.status.get(to) !== 'hidden';
              result = mergeQuestions(board, from, qid(op.to));
              if (accepted) {
                // The target's author's votes in the duplicate's tree are dropped for good.
                const author = authorOf(Number(to.slice(1)));
                for (const q of model.tree(from)) model.pairs.delete(`${author}|${q}`);
                model.parent.set(from, to);
                model.status.set(from, 'hidden');
              }
              break;
            }
            case 'hide':
              accepted = model.status.get(qid(op.q)) !== 'hidden';
              result = hideQuestion(board, qid(op.q));
              if (accepted) model.status.set(qid(op.q), 'hidden');
              break;
            case 'approve': {
              const s = model.status.get(qid(op.q));
              accepted = !model.parent.has(qid(op.q)) && (s === 'pending' || s === 'hidden');
              result = approveQuestion(board, qid(op.q));
              if (accepted) model.status.set(qid(op.q), 'visible');
              break;
            }
            case 'answer':
              accepted = model.status.get(qid(op.q)) === 'visible';
              result = markAnswered(board, qid(op.q), T0);
              if (accepted) model.status.set(qid(op.q), 'answered');
              break;
          }
          expect(result.ok).toBe(accepted);
          if (result.ok) applyQaChanges(board, result.changes);
        }
        let counted = 0;
        for (let q = 0; q < QUESTIONS; q++) {
          const question = getQuestion(board, qid(q));
          if (!question) throw new Error('lost a question');
          expect(question.status).toBe(model.status.get(qid(q)));
          if (model.parent.has(qid(q))) {
            expect(question.votes).toBe(0);
            expect(board.voters[qid(q)]).toBeUndefined();
            continue;
          }
          const expected = model.count(qid(q), question.authorId);
          expect(voters(board, qid(q))).toEqual(expected);
          expect(question.votes).toBe(expected.length);
          expect(expected).not.toContain(question.authorId);
          counted += question.votes;
        }
        // Nobody is counted twice: every (participant, root) pair is one vote.
        const rootPairs = new Set(
          [...model.pairs].map((pair) => {
            const [p, q] = pair.split('|') as [string, string];
            return `${p}|${model.root(q)}`;
          }),
        );
        expect(counted).toBe(rootPairs.size);
      }),
      { numRuns: 300 },
    );
  });
});
