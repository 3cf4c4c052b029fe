// The public page's query string (CONS64–CONS65): a plain GET form, so every field is optional and
// anything unknown or malformed is dropped rather than refused (a shared link never breaks).
import { CONSULTATION_LIMITS, CONTRIBUTION_SORTS, RESPONSE_STATUSES, type ContributionSort } from '@open-talks/shared/consultation';
import { LANGUAGES, STAKEHOLDER_GROUPS, type Attribution, type Language } from '@open-talks/shared';

export interface PageQuery {
  lang: Language | null;
  q: string;
  question: string;
  theme: string;
  group: string;
  language: string;
  status: string;
  sort: ContributionSort;
  seed: number;
  page: number;
}

const PAGE_SIZE = CONSULTATION_LIMITS.pageSize;
export { PAGE_SIZE };

function one(value: unknown): string {
  return typeof value === 'string' ? value.slice(0, CONSULTATION_LIMITS.searchLength).trim() : '';
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[]): T | '' {
  const v = one(value);
  return (allowed as readonly string[]).includes(v) ? (v as T) : '';
}

function int(value: unknown, min: number, max: number, fallback: number): number {
  const n = Number.parseInt(one(value), 10);
  return Number.isFinite(n) && n >= min && n <= max ? n : fallback;
}

/** Under `anonymous` the stakeholder-group filter is not offered, and not applied (ATTR1). */
export function parsePageQuery(query: Record<string, unknown>, attribution: Attribution, randomSeed: () => number): PageQuery {
  const sort = oneOf(query.sort, CONTRIBUTION_SORTS) || 'supported';
  return {
    lang: oneOf(query.lang, LANGUAGES) || null,
    q: one(query.q),
    question: one(query.question).slice(0, 64),
    theme: one(query.theme).slice(0, CONSULTATION_LIMITS.themeLength),
    group: attribution === 'anonymous' ? '' : oneOf(query.group, STAKEHOLDER_GROUPS),
    language: oneOf(query.language, LANGUAGES),
    status: oneOf(query.status, [...RESPONSE_STATUSES, 'none'] as const),
    sort,
    seed: sort === 'random' ? int(query.seed, 1, 999_999, 0) || randomSeed() : 0,
    page: int(query.page, 1, 100_000, 1),
  };
}

/** The query string of a link to the same page with some fields changed (empty fields left out). */
export function linkQuery(query: PageQuery, changes: Partial<PageQuery>): string {
  const next = { ...query, ...changes };
  const params = new URLSearchParams();
  const fields: [string, string | number | null][] = [
    ['lang', next.lang],
    ['q', next.q],
    ['question', next.question],
    ['theme', next.theme],
    ['group', next.group],
    ['language', next.language],
    ['status', next.status],
    ['sort', next.sort === 'supported' ? '' : next.sort],
    ['seed', next.sort === 'random' ? next.seed : ''],
    ['page', next.page > 1 ? next.page : ''],
  ];
  for (const [key, value] of fields) if (value !== null && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}
