import type { QuestionItem } from '@open-talks/shared/protocol';

export type Sort = 'top' | 'newest';

/** QA11: most votes first, then the older (it waited longer), then by id; or the newest first. */
export function sortQuestions(questions: readonly QuestionItem[], sort: Sort): QuestionItem[] {
  const byId = (a: QuestionItem, b: QuestionItem) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return [...questions].sort((a, b) => (sort === 'top' ? b.votes - a.votes || a.createdAt - b.createdAt || byId(a, b) : b.createdAt - a.createdAt || byId(a, b)));
}

/** What another question may be merged into: not hidden, not merged away itself (QA8). */
export function isMergeTarget(q: QuestionItem): boolean {
  return q.status !== 'hidden' && q.mergedInto === null;
}
