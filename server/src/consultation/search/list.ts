// `consultation:list` (CONS21–CONS22, CONS26–CONS27): the board's filtered, sorted, paged list.
import { CONSULTATION_LIMITS, queryWords, type ContributionStatus } from '@open-talks/shared/consultation';
import type { CommandInput, ContributionPage } from '@open-talks/shared/protocol';
import { AppError } from '../../errors.js';
import type { Principal } from '../../sessions/principal.js';
import type { ContributionFilter } from '../../store/consultation-search-repo.js';
import type { Repos } from '../../store/index.js';
import { contributionView } from '../views.js';
import { audienceOf, requireConsultation } from './access.js';
import { newSeed, randomOrder } from './random-order.js';

/** Words of a search taken into account: enough for any real query, bounded for the engines. */
export const QUERY_WORDS = 16;
/** Words of a draft compared for similar contributions (its title first). */
export const SIMILAR_WORDS = 64;

type ListQuery = CommandInput<'consultation:list'>;

/** The filter a query asks for, or a refusal: staff-only statuses (CONS26), the group filter under `anonymous` (CONS27). */
export function filterFor(principal: Principal, query: ListQuery): ContributionFilter {
  const audience = audienceOf(principal);
  if (query.group && principal.session.attribution === 'anonymous') {
    throw new AppError('forbidden', 'Contributions are anonymous: they cannot be filtered by stakeholder group', { reason: 'consultationSearch.groupAnonymous' });
  }
  const status: ContributionStatus = query.status ?? 'published';
  if (status !== 'published' && !audience.staff) {
    throw new AppError('forbidden', 'Only moderators list pending or hidden contributions', { reason: 'consultationSearch.staffOnlyStatus' });
  }
  return {
    sessionId: principal.session.id,
    statuses: [status],
    questionId: query.questionId,
    language: query.language,
    group: query.group,
    theme: query.theme,
    responseStatus: query.responseStatus,
    words: query.q ? queryWords(query.q, QUERY_WORDS) : [],
  };
}

export async function listContributions(repos: Repos, principal: Principal, query: ListQuery): Promise<ContributionPage> {
  requireConsultation(principal);
  const filter = filterFor(principal, query);
  const search = repos.consultationSearch;
  const offset = (query.page - 1) * query.pageSize;
  let ids: string[];
  let total: number;
  let seed: number | null = null;
  if (query.sort === 'random') {
    seed = query.seed ?? newSeed();
    const all = randomOrder(await search.allIds(filter), seed);
    ids = all.slice(offset, offset + query.pageSize);
    total = all.length;
  } else {
    [ids, total] = await Promise.all([search.pageIds(filter, query.sort, offset, query.pageSize), search.count(filter)]);
  }
  const rows = await search.rows(ids);
  const audience = audienceOf(principal);
  return { items: rows.map((row) => contributionView(row, principal.session.attribution, audience)), total, page: query.page, pageSize: query.pageSize, seed };
}

/** `consultation:similar` (CONS23): the published contributions of the question most like a draft. */
export async function similarContributions(repos: Repos, principal: Principal, draft: CommandInput<'consultation:similar'>) {
  requireConsultation(principal);
  const words = queryWords(`${draft.title} ${draft.text}`, SIMILAR_WORDS);
  const ids = await repos.consultationSearch.similarIds(principal.session.id, draft.questionId, words, CONSULTATION_LIMITS.similarCount);
  const rows = await repos.consultationSearch.rows(ids);
  return rows.map((row) => contributionView(row, principal.session.attribution, audienceOf(principal)));
}
