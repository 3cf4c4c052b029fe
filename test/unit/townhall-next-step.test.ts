import { describe, expect, it } from 'vitest';
import { participantNextStep, type NextStepState } from '../../client/src/views/participant/townhall/next-step';

const calm: NextStepState = { you: { hasFloor: false, raised: false, position: null }, polls: [], questionsToUpvote: false };
const all = { vote: true, ask: true };

describe('participantNextStep', () => {
  it('THUI8: the floor comes before everything, an open poll before Q&A', () => {
    const busy: NextStepState = {
      you: { hasFloor: true, raised: false, position: null },
      polls: [{ id: 'p1', status: 'open', question: 'Which first?', answered: false }],
      questionsToUpvote: true,
    };
    expect(participantNextStep(busy, all)).toEqual({ kind: 'speak' });
    expect(participantNextStep({ ...busy, you: calm.you }, all)).toEqual({ kind: 'vote', pollId: 'p1', question: 'Which first?', more: 0 });
  });

  it('THUI8: the first open poll not yet answered, with how many more wait; answered, closed and draft polls are no step', () => {
    const polls: NextStepState['polls'] = [
      { id: 'closed', status: 'closed', question: 'Old', answered: false },
      { id: 'done', status: 'open', question: 'Answered', answered: true },
      { id: 'a', status: 'open', question: 'A?', answered: false },
      { id: 'b', status: 'open', question: 'B?', answered: false },
      { id: 'draft', status: 'draft', question: 'Draft', answered: false },
    ];
    expect(participantNextStep({ ...calm, polls }, all)).toEqual({ kind: 'vote', pollId: 'a', question: 'A?', more: 1 });
    expect(participantNextStep({ ...calm, polls: polls.filter((p) => p.id !== 'a' && p.id !== 'b') }, all)).toEqual({ kind: 'ask' });
  });

  it('THUI8: someone who may not vote (an observer) is not told to vote', () => {
    const state: NextStepState = { ...calm, polls: [{ id: 'a', status: 'open', question: 'A?', answered: false }], questionsToUpvote: true };
    expect(participantNextStep(state, { vote: false, ask: false })).toEqual({ kind: 'upvote' });
    expect(participantNextStep({ ...state, questionsToUpvote: false }, { vote: false, ask: false })).toEqual({ kind: 'follow' });
  });

  it('THUI8: next in the queue comes after an open poll, before Q&A', () => {
    const next: NextStepState = { ...calm, you: { hasFloor: false, raised: true, position: 0 } };
    expect(participantNextStep(next, all)).toEqual({ kind: 'next-speaker' });
    expect(participantNextStep({ ...next, you: { hasFloor: false, raised: true, position: 2 } }, all)).toEqual({ kind: 'ask' });
    expect(participantNextStep({ ...next, polls: [{ id: 'a', status: 'open', question: 'A?', answered: false }] }, all)).toMatchObject({ kind: 'vote' });
  });

  it('THUI8: without a hand (the Town Hall not loaded yet) it still answers', () => {
    expect(participantNextStep({ you: null, polls: [], questionsToUpvote: true }, { vote: true, ask: false })).toEqual({ kind: 'upvote' });
  });
});
