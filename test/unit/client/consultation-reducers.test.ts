import { describe, expect, it } from 'vitest';
import type { ConsultationLive, ContributionView } from '../../../shared/src/protocol/index.js';
import {
  EMPTY,
  withArrivalsSeen,
  withComment,
  withCommentPage,
  withContributionChanged,
  withContributionGone,
  withCounts,
  withLive,
  withMine,
  withNextStatement,
  withSupport,
  type ConsultationData,
} from '../../../client/src/consultation/reducers.js';

function contribution(id: string, over: Partial<ContributionView> = {}): ContributionView {
  return {
    id,
    questionId: 'q1',
    title: `title ${id}`,
    text: 'text',
    language: 'en',
    author: { displayName: null, stakeholderGroup: null, mode: null },
    status: 'published',
    hiddenReason: null,
    mergedInto: null,
    createdAt: 0,
    editedAt: null,
    versions: 0,
    supports: 0,
    comments: 0,
    stances: { agree: 0, disagree: 0, neutral: 0 },
    themes: [],
    carry: false,
    flags: 0,
    origin: null,
    response: null,
    ...over,
  };
}

function live(mine: ContributionView[] = [], supported: Record<string, string[]> = {}): ConsultationLive {
  return {
    consultation: {
      phase: 'contributions',
      schedule: { contributions: null, comments: null, closed: null, answered: null },
      next: null,
      settings: { background: '', access: 'link', moderation: 'post', supportsPerQuestion: 2, flagThreshold: 3 },
      questions: [{ id: 'q1', text: 'Q?', description: '', statements: true, counts: { contributions: 0, comments: 0, supports: 0 } }],
    },
    you: { supported, mine, email: null, statements: {} },
    moderation: null,
    invitations: null,
  };
}

const apply = (state: ConsultationData, change: Partial<ConsultationData>): ConsultationData => ({ ...state, ...change });

describe('the consultation store’s reducers (CONS46)', () => {
  it('CONS46: a full state bumps the generation (lists fetch again), caches own contributions; leaving empties it', () => {
    const before = apply(EMPTY, { contributions: { old: contribution('old') }, arrivals: { q1: ['old'] } });
    const after = apply(before, withLive(before, live([contribution('m', { status: 'pending' })])));
    expect(after.generation).toBe(1);
    expect(Object.keys(after.contributions).sort()).toEqual(['m', 'old']);
    expect(after.arrivals).toEqual({});
    const left = apply(after, withLive(after, undefined));
    expect(left).toMatchObject({ live: undefined, contributions: {}, generation: 2 });
  });

  it('CONS46: a new published contribution from another person is an arrival; a known one is replaced in place', () => {
    let state = apply(EMPTY, withLive(EMPTY, live()));
    state = apply(state, withContributionChanged(state, contribution('a')));
    expect(state.arrivals.q1).toEqual(['a']);
    state = apply(state, withArrivalsSeen(state, 'q1'));
    state = apply(state, withContributionChanged(state, contribution('a', { title: 'new title' })));
    expect(state.arrivals.q1).toEqual([]);
    expect(state.contributions.a!.title).toBe('new title');
  });

  it('CONS47: the author’s contribution changing updates “your contributions”; gone ones leave lists and arrivals', () => {
    let state = apply(EMPTY, withLive(EMPTY, live([contribution('m', { status: 'pending' })])));
    state = apply(state, withMine(state, contribution('m', { status: 'hidden', hiddenReason: 'off topic' })));
    expect(state.live!.you!.mine[0]).toMatchObject({ status: 'hidden', hiddenReason: 'off topic' });
    state = apply(state, withContributionChanged(state, contribution('b')));
    state = apply(state, withContributionGone(state, { contributionId: 'b', mergedInto: 'm' }));
    expect(state.gone.b).toBe('m');
    expect(state.arrivals.q1).toEqual([]);
  });

  it('CONS44: counts are absolute; a support ack sets the person’s supports and moves one', () => {
    let state = apply(EMPTY, withLive(EMPTY, live([], { q1: ['a'] })));
    state = apply(state, withContributionChanged(state, contribution('a', { supports: 3 })));
    state = apply(state, withContributionChanged(state, contribution('b', { supports: 1 })));
    state = apply(state, withCounts(state, { counts: { b: { supports: 4, comments: 2 } } }));
    expect(state.contributions.b).toMatchObject({ supports: 4, comments: 2 });
    state = apply(state, withSupport(state, { contributionId: 'b', supports: 5, supported: ['b'] }));
    expect(state.live!.you!.supported.q1).toEqual(['b']);
    expect(state.contributions.a!.supports).toBe(2);
    expect(state.contributions.b!.supports).toBe(5);
  });

  it('CONS44: comment pages append; a live comment joins a loaded thread once', () => {
    const comment = (id: string) => ({
      id,
      contributionId: 'a',
      stance: 'agree' as const,
      text: id,
      language: 'en',
      author: contribution('x').author,
      mine: false,
      status: 'published' as const,
      hiddenReason: null,
      createdAt: 0,
    });
    let state = apply(EMPTY, withCommentPage(EMPTY, 'a', { items: [comment('c1')], total: 3, page: 1, pageSize: 1 }));
    state = apply(state, withCommentPage(state, 'a', { items: [comment('c2')], total: 3, page: 2, pageSize: 1 }));
    expect(state.comments.a!.items.map((c) => c.id)).toEqual(['c1', 'c2']);
    state = apply(state, withComment(state, comment('c9')));
    state = apply(state, withComment(state, comment('c9')));
    expect(state.comments.a!.items.map((c) => c.id)).toEqual(['c1', 'c2', 'c9']);
    expect(state.comments.a!.total).toBe(4);
    expect(withComment(EMPTY, comment('z'))).toEqual({});
  });

  it('CONS45: the next statement records the person’s progress on that question', () => {
    let state = apply(EMPTY, withLive(EMPTY, live()));
    const next = { id: 's1', questionId: 'q1', text: 'S', status: 'published' as const, seeded: true, createdAt: 0, answers: 0 };
    state = apply(state, withNextStatement(state, 'q1', { next, answered: 6, total: 20 }));
    expect(state.nextStatement.q1!.next!.id).toBe('s1');
    expect(state.live!.you!.statements.q1).toEqual({ answered: 6, total: 20 });
  });
});
