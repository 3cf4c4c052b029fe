import { describe, expect, it } from 'vitest';
import {
  QA_LIMITS,
  applyQaChanges,
  approveQuestion,
  askQuestion,
  createQaBoard,
  editQuestion,
  getQuestion,
  hideQuestion,
  markAnswered,
  pinQuestion,
  reopenQuestion,
  unpinQuestion,
  type QaBoard,
  type QaChange,
  type QaSettings,
} from './qa.js';
import { canSeeQuestion, questionsFor, sortQuestions } from './qa-view.js';
import { mergeQuestions, voteQuestion } from './qa-votes.js';
import { MIN, T0, expectError, must } from '../../../../test/fixtures/townhall.js';

const POST: QaSettings = { moderation: 'post', anonymousAllowed: true };
const PRE: QaSettings = { moderation: 'pre', anonymousAllowed: true };

/** Decides and applies, like the server. */
function run(board: QaBoard, result: { ok: true; changes: QaChange[] } | { ok: false }): void {
  if (!result.ok) throw new Error('refused');
  applyQaChanges(board, result.changes);
}

function boardWith(settings: QaSettings, ...ids: string[]): QaBoard {
  const board = createQaBoard();
  ids.forEach((id, i) => run(board, askQuestion(board, { id, authorId: `author-${id}`, text: `Question ${id}?` }, settings, T0 + i * MIN)));
  return board;
}

const status = (board: QaBoard, id: string) => getQuestion(board, id)?.status;

describe('Q&A moderation', () => {
  it('QA1 a question waits for approval when pre-moderated and shows at once when post-moderated', () => {
    const pre = createQaBoard();
    const asked = must(askQuestion(pre, { id: 'q1', authorId: 'p1', text: '  Why   now?\n' }, PRE, T0));
    expect(asked.question).toEqual({
      id: 'q1',
      authorId: 'p1',
      text: 'Why now?',
      anonymous: false,
      createdAt: T0,
      status: 'pending',
      hiddenReason: null,
      pinned: false,
      mergedInto: null,
      votes: 0,
      editedAt: null,
      answeredAt: null,
      // MT1: asked without a language, it is undetermined (BCP 47 `und`); the server passes the author's.
      language: 'und',
    });
    expect(must(askQuestion(createQaBoard(), { id: 'q1', authorId: 'p1', text: 'Why?' }, POST, T0)).question.status).toBe('visible');
  });

  it('QA1 refuses empty or too long text, anonymity the session does not allow, and a reused id', () => {
    const board = boardWith(POST, 'q1');
    expectError(askQuestion(board, { id: 'q2', authorId: 'p', text: ' \n ' }, POST, T0), 'bad_request');
    expectError(askQuestion(board, { id: 'q2', authorId: 'p', text: 'x'.repeat(QA_LIMITS.textLength + 1) }, POST, T0), 'bad_request');
    expect(askQuestion(board, { id: 'q2', authorId: 'p', text: 'x'.repeat(QA_LIMITS.textLength) }, POST, T0).ok).toBe(true);
    expectError(askQuestion(board, { id: 'q2', authorId: 'p', text: 'Hi?', anonymous: true }, { moderation: 'post', anonymousAllowed: false }, T0), 'bad_request');
    expectError(askQuestion(board, { id: 'q1', authorId: 'p', text: 'Again?' }, POST, T0), 'conflict');
  });

  it('QA3 approve makes a pending question visible and restores a hidden one', () => {
    const board = boardWith(PRE, 'q1');
    run(board, approveQuestion(board, 'q1'));
    expect(status(board, 'q1')).toBe('visible');
    expectError(approveQuestion(board, 'q1'), 'conflict');
    run(board, hideQuestion(board, 'q1', 'Off topic'));
    run(board, approveQuestion(board, 'q1'));
    expect(getQuestion(board, 'q1')).toMatchObject({ status: 'visible', hiddenReason: null });
    expectError(approveQuestion(board, 'nope'), 'not_found');
  });

  it('QA3 an answered or a merged question cannot be approved', () => {
    const board = boardWith(POST, 'q1', 'q2');
    run(board, markAnswered(board, 'q1', T0));
    expectError(approveQuestion(board, 'q1'), 'conflict');
    run(board, mergeQuestions(board, 'q2', 'q1'));
    expectError(approveQuestion(board, 'q2'), 'conflict');
  });

  it('QA4 hide keeps a one-line reason for the author, unpins, and refuses a reason that is too long', () => {
    const board = boardWith(POST, 'q1', 'q2');
    run(board, pinQuestion(board, 'q1'));
    run(board, hideQuestion(board, 'q1', '  Personal\n attack '));
    expect(getQuestion(board, 'q1')).toMatchObject({ status: 'hidden', hiddenReason: 'Personal attack', pinned: false });
    expect(board.pinnedId).toBeNull();
    expectError(hideQuestion(board, 'q1'), 'conflict');
    run(board, hideQuestion(board, 'q2'));
    expect(getQuestion(board, 'q2')?.hiddenReason).toBeNull();
    const other = boardWith(POST, 'q3');
    expectError(hideQuestion(other, 'q3', 'x'.repeat(QA_LIMITS.hiddenReasonLength + 1)), 'bad_request');
  });

  it('QA4 a hidden question keeps its votes, frozen, and gets them back when restored', () => {
    const board = boardWith(POST, 'q1');
    run(board, voteQuestion(board, 'q1', 'v1', true));
    run(board, hideQuestion(board, 'q1'));
    expectError(voteQuestion(board, 'q1', 'v2', true), 'conflict');
    run(board, approveQuestion(board, 'q1'));
    expect(getQuestion(board, 'q1')?.votes).toBe(1);
  });

  it('QA5 a moderator edits the text; votes, status and age stay', () => {
    const board = boardWith(POST, 'q1');
    run(board, voteQuestion(board, 'q1', 'v1', true));
    run(board, editQuestion(board, 'q1', 'Question q1, spelt right?', T0 + 5 * MIN));
    expect(getQuestion(board, 'q1')).toMatchObject({ text: 'Question q1, spelt right?', votes: 1, status: 'visible', createdAt: T0, editedAt: T0 + 5 * MIN });
    expect(must(editQuestion(board, 'q1', 'Question q1, spelt right?', T0)).changes).toEqual([]);
    expectError(editQuestion(board, 'q1', '', T0), 'bad_request');
    expectError(editQuestion(board, 'q9', 'x', T0), 'not_found');
  });

  it('QA6 only one question is pinned: pinning another unpins the first', () => {
    const board = boardWith(POST, 'q1', 'q2');
    run(board, pinQuestion(board, 'q1'));
    expect(board.pinnedId).toBe('q1');
    const second = must(pinQuestion(board, 'q2'));
    expect(second.changes.map((c) => c.type === 'question' && [c.question.id, c.question.pinned])).toEqual([
      ['q1', false],
      ['q2', true],
    ]);
    applyQaChanges(board, second.changes);
    expect(board.pinnedId).toBe('q2');
    expect(
      Object.values(board.questions)
        .filter((q) => q.pinned)
        .map((q) => q.id),
    ).toEqual(['q2']);
    expect(must(pinQuestion(board, 'q2')).changes).toEqual([]);
    run(board, unpinQuestion(board));
    expect(board.pinnedId).toBeNull();
    expect(must(unpinQuestion(board)).changes).toEqual([]);
  });

  it('QA6 only a visible question can be pinned', () => {
    const board = boardWith(PRE, 'q1', 'q2');
    expectError(pinQuestion(board, 'q1'), 'conflict');
    run(board, approveQuestion(board, 'q2'));
    run(board, markAnswered(board, 'q2', T0));
    expectError(pinQuestion(board, 'q2'), 'conflict');
  });

  it('QA7 marking answered unpins and freezes the votes', () => {
    const board = boardWith(POST, 'q1');
    run(board, voteQuestion(board, 'q1', 'v1', true));
    run(board, pinQuestion(board, 'q1'));
    run(board, markAnswered(board, 'q1', T0 + 10 * MIN));
    expect(getQuestion(board, 'q1')).toMatchObject({ status: 'answered', pinned: false, answeredAt: T0 + 10 * MIN, votes: 1 });
    expect(board.pinnedId).toBeNull();
    expectError(voteQuestion(board, 'q1', 'v2', true), 'conflict');
    expectError(voteQuestion(board, 'q1', 'v1', false), 'conflict');
    expectError(markAnswered(board, 'q1', T0), 'conflict');
  });

  it('QA17 marking not answered opens the question again, with its votes, and it takes votes again', () => {
    const board = boardWith(POST, 'q1', 'q2');
    run(board, voteQuestion(board, 'q1', 'v1', true));
    run(board, markAnswered(board, 'q1', T0 + 10 * MIN));
    run(board, reopenQuestion(board, 'q1'));
    expect(getQuestion(board, 'q1')).toMatchObject({ status: 'visible', pinned: false, answeredAt: null, votes: 1 });
    run(board, voteQuestion(board, 'q1', 'v2', true));
    expect(getQuestion(board, 'q1')?.votes).toBe(2);
    expectError(reopenQuestion(board, 'q2'), 'conflict');
    expectError(reopenQuestion(board, 'nope'), 'not_found');
    run(board, hideQuestion(board, 'q2'));
    expectError(reopenQuestion(board, 'q2'), 'conflict');
  });

  it('QA12 decisions do not change the board; a refused one decides nothing', () => {
    const board = boardWith(POST, 'q1', 'q2');
    run(board, voteQuestion(board, 'q1', 'v1', true));
    const copy = structuredClone(board);
    pinQuestion(board, 'q1');
    hideQuestion(board, 'q2', 'why');
    editQuestion(board, 'q1', 'New text?', T0);
    markAnswered(board, 'q1', T0);
    mergeQuestions(board, 'q2', 'q1');
    voteQuestion(board, 'q1', 'v2', true);
    voteQuestion(board, 'q1', 'v1', false);
    expect(board).toEqual(copy);
  });
});

describe('Q&A views', () => {
  function scene(): QaBoard {
    const board = createQaBoard();
    const ask = (id: string, authorId: string, anonymous: boolean, at: number) => run(board, askQuestion(board, { id, authorId, text: `${id}?`, anonymous }, PRE, at));
    ask('pending', 'alice', false, T0);
    ask('shown', 'bob', false, T0 + 1);
    ask('anon', 'alice', true, T0 + 2);
    ask('hidden', 'alice', false, T0 + 3);
    ask('done', 'bob', false, T0 + 4);
    for (const id of ['shown', 'anon', 'done']) run(board, approveQuestion(board, id));
    run(board, hideQuestion(board, 'hidden', 'Duplicate'));
    run(board, markAnswered(board, 'done', T0 + 5));
    return board;
  }

  it('QA2 participants see visible and answered questions and their own in any status, with the reason', () => {
    const board = scene();
    const carol = questionsFor(board, { participantId: 'carol', moderator: false }, 'newest');
    expect(carol.map((q) => q.id)).toEqual(['done', 'anon', 'shown']);
    const alice = questionsFor(board, { participantId: 'alice', moderator: false }, 'newest');
    expect(alice.map((q) => [q.id, q.status, q.mine])).toEqual([
      ['done', 'answered', false],
      ['hidden', 'hidden', true],
      ['anon', 'visible', true],
      ['shown', 'visible', false],
      ['pending', 'pending', true],
    ]);
    expect(alice.find((q) => q.id === 'hidden')?.hiddenReason).toBe('Duplicate');
    expect(canSeeQuestion(getQuestion(board, 'hidden')!, { participantId: 'bob', moderator: false })).toBe(false);
  });

  it('QA2 moderators see every question', () => {
    const board = scene();
    const seen = questionsFor(board, { participantId: 'mod', moderator: true }, 'newest');
    expect(seen.map((q) => q.id)).toEqual(['done', 'hidden', 'anon', 'shown', 'pending']);
    expect(seen.find((q) => q.id === 'hidden')?.hiddenReason).toBe('Duplicate');
  });

  it('QA2 the author of a merged question sees where it went; others do not', () => {
    const board = boardWith(POST, 'q1', 'q2');
    run(board, mergeQuestions(board, 'q2', 'q1'));
    const author = questionsFor(board, { participantId: 'author-q2', moderator: false }, 'top');
    expect(author.find((q) => q.id === 'q2')).toMatchObject({ status: 'hidden', mergedInto: 'q1', mine: true });
    const other = questionsFor(board, { participantId: 'x', moderator: false }, 'top');
    expect(other.map((q) => q.id)).toEqual(['q1']);
  });

  it('QA10 an anonymous question shows no author to anyone, moderators included, but is "mine" to its author', () => {
    const board = scene();
    for (const viewer of [
      { participantId: 'mod', moderator: true },
      { participantId: 'carol', moderator: false },
    ]) {
      const anon = questionsFor(board, viewer, 'top').find((q) => q.id === 'anon');
      expect(anon).toMatchObject({ anonymous: true, authorId: null, mine: false });
    }
    const own = questionsFor(board, { participantId: 'alice', moderator: false }, 'top').find((q) => q.id === 'anon');
    expect(own).toMatchObject({ authorId: null, mine: true });
    expect(questionsFor(board, { participantId: 'carol', moderator: false }, 'top').find((q) => q.id === 'shown')?.authorId).toBe('bob');
  });

  it('QA11 top sorts by votes, then the older first; newest by age', () => {
    const board = boardWith(POST, 'a', 'b', 'c', 'd');
    for (const voter of ['v1', 'v2']) run(board, voteQuestion(board, 'c', voter, true));
    run(board, voteQuestion(board, 'b', 'v1', true));
    run(board, voteQuestion(board, 'd', 'v1', true));
    const all = Object.values(board.questions);
    expect(sortQuestions(all, 'top').map((q) => q.id)).toEqual(['c', 'b', 'd', 'a']);
    expect(sortQuestions(all, 'newest').map((q) => q.id)).toEqual(['d', 'c', 'b', 'a']);
    const viewer = { participantId: 'v1', moderator: false };
    expect(questionsFor(board, viewer, 'top').map((q) => [q.id, q.votes, q.voted])).toEqual([
      ['c', 2, true],
      ['b', 1, true],
      ['d', 1, true],
      ['a', 0, false],
    ]);
  });
});
