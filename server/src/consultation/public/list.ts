// One page of the public page's contributions (CONS64–CONS65): the search part's full-text index
// and paged lists (consultation-search-repo.ts, CONS20–CONS22), published only, "no response yet"
// included: the same filter as the organiser's and the participants' lists.
import { queryWords } from '@open-talks/shared/consultation';
import type { Store } from '../../store/index.js';
import type { ContributionRow } from '../views.js';
import { QUERY_WORDS } from '../search/list.js';
import { randomOrder } from '../search/random-order.js';
import { PAGE_SIZE, type PageQuery } from './query.js';

export async function publicPage(store: Store, sessionId: string, q: PageQuery, questionIds: Set<string>): Promise<{ items: ContributionRow[]; total: number }> {
  const questionId = questionIds.has(q.question) ? q.question : undefined;
  const words = q.q ? queryWords(q.q, QUERY_WORDS) : [];
  const search = store.consultationSearch;
  const filter = {
    sessionId,
    statuses: ['published'],
    questionId,
    language: q.language || undefined,
    group: q.group || undefined,
    theme: q.theme || undefined,
    responseStatus: q.status || undefined,
    words,
  };
  const offset = (q.page - 1) * PAGE_SIZE;
  let ids: string[];
  let total: number;
  if (q.sort === 'random') {
    const all = randomOrder(await search.allIds(filter), q.seed);
    ids = all.slice(offset, offset + PAGE_SIZE);
    total = all.length;
  } else {
    [ids, total] = await Promise.all([search.pageIds(filter, q.sort, offset, PAGE_SIZE), search.count(filter)]);
  }
  return { items: await search.rows(ids), total };
}
