import { LANGUAGES, STAKEHOLDER_GROUPS, type Attribution, type Language, type StakeholderGroup } from '@open-talks/shared';
import { CONTRIBUTION_SORTS, RESPONSE_STATUSES, type ContributionSort, type ResponseStatus } from '@open-talks/shared/consultation';
import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useArrivals, useContributionList, type ListQuery } from '../../../consultation';
import { ContributionCard, type CardAllowances } from './ContributionCard';

const SEARCH_DELAY = 400; // ms after the last keystroke

interface Filters {
  q: string;
  theme: string;
  group: StakeholderGroup | '';
  language: Language | '';
  responseStatus: ResponseStatus | 'none' | '';
  sort: ContributionSort;
}

const NO_FILTERS: Filters = { q: '', theme: '', group: '', language: '', responseStatus: '', sort: 'supported' };

/**
 * A question's published contributions, paged on the server (CONS42): a search box, filters
 * (theme; stakeholder group, except under the Chatham House Rule; language; response status) and
 * a sort (most supported, newest, most discussed, random with its seed kept across pages).
 * Contributions arriving live are counted, not pushed under the reader: "Show N new".
 */
export function ContributionBoard({
  questionId,
  attribution,
  supported,
  limit,
  mine,
  may,
}: {
  questionId: string;
  attribution: Attribution;
  supported: readonly string[];
  limit: number;
  mine: ReadonlySet<string>;
  may: CardAllowances;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setFilters((f) => (f.q === q ? f : { ...f, q })), SEARCH_DELAY);
    return () => clearTimeout(timer);
  }, [q]);
  const query = useMemo<ListQuery>(
    () => ({
      questionId,
      sort: filters.sort,
      ...(filters.q.trim() && { q: filters.q.trim() }),
      ...(filters.theme.trim() && { theme: filters.theme.trim() }),
      ...(filters.group && { group: filters.group }),
      ...(filters.language && { language: filters.language }),
      ...(filters.responseStatus && { responseStatus: filters.responseStatus }),
    }),
    [questionId, filters],
  );
  const list = useContributionList(query);
  const arrivals = useArrivals(questionId);
  const set = <K extends keyof Filters>(key: K, value: Filters[K]) => setFilters((f) => ({ ...f, [key]: value }));
  const themes = useMemo(() => [...new Set(list.items.flatMap((c) => c.themes))].sort(), [list.items]);

  return (
    <section className="consult-board" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('consult.board.heading')}</h3>
      <div role="search" className="consult-filters" aria-label={t('consult.board.searchLabel')}>
        <div className="consult-field consult-search">
          <label htmlFor={`${id}-q`}>{t('consult.board.search')}</label>
          <input id={`${id}-q`} type="search" value={q} onChange={(e) => setQ(e.target.value)} dir="auto" />
        </div>
        <div className="consult-field">
          <label htmlFor={`${id}-sort`}>{t('consult.board.sort')}</label>
          <select id={`${id}-sort`} value={filters.sort} onChange={(e) => set('sort', e.target.value as ContributionSort)}>
            {CONTRIBUTION_SORTS.map((s) => (
              <option key={s} value={s}>
                {t(`consult.board.sortBy.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <details className="consult-more-filters">
          <summary>{t('consult.board.filters')}</summary>
          <div className="consult-field">
            <label htmlFor={`${id}-theme`}>{t('consult.board.theme')}</label>
            <input id={`${id}-theme`} list={`${id}-themes`} value={filters.theme} onChange={(e) => set('theme', e.target.value)} dir="auto" />
            <datalist id={`${id}-themes`}>
              {themes.map((theme) => (
                <option key={theme} value={theme} />
              ))}
            </datalist>
          </div>
          {attribution !== 'anonymous' && (
            <div className="consult-field">
              <label htmlFor={`${id}-group`}>{t('consult.board.group')}</label>
              <select id={`${id}-group`} value={filters.group} onChange={(e) => set('group', e.target.value as StakeholderGroup | '')}>
                <option value="">{t('consult.board.any')}</option>
                {STAKEHOLDER_GROUPS.map((g) => (
                  <option key={g} value={g}>
                    {t(`words.group.${g}`)}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div className="consult-field">
            <label htmlFor={`${id}-language`}>{t('consult.board.language')}</label>
            <select id={`${id}-language`} value={filters.language} onChange={(e) => set('language', e.target.value as Language | '')}>
              <option value="">{t('consult.board.any')}</option>
              {LANGUAGES.map((l) => (
                <option key={l} value={l}>
                  {t(`words.languageName.${l}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="consult-field">
            <label htmlFor={`${id}-response`}>{t('consult.board.responseStatus')}</label>
            <select id={`${id}-response`} value={filters.responseStatus} onChange={(e) => set('responseStatus', e.target.value as ResponseStatus | 'none' | '')}>
              <option value="">{t('consult.board.any')}</option>
              <option value="none">{t('consult.response.none')}</option>
              {RESPONSE_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`consult.response.status.${s}`)}
                </option>
              ))}
            </select>
          </div>
        </details>
      </div>
      <p role="status" className="consult-total">
        {list.loading && list.items.length === 0 ? t('app.loading') : t('consult.board.total', { n: list.total })}
      </p>
      {arrivals.length > 0 && (
        <p className="notice consult-arrivals">
          {t('consult.board.arrivals', { n: arrivals.length })}{' '}
          <button type="button" className="secondary" onClick={list.refresh}>
            {t('consult.board.showArrivals')}
          </button>
        </p>
      )}
      {list.error && <p className="form-error">{list.error}</p>}
      <ul className="consult-list">
        {list.items.map((c) => (
          <ContributionCard key={c.id} id={c.id} attribution={attribution} supported={supported} limit={limit} mine={mine.has(c.id)} may={may} />
        ))}
      </ul>
      {list.more && (
        <button type="button" className="secondary" onClick={list.loadMore} aria-disabled={list.loading}>
          {t('consult.board.more')}
        </button>
      )}
    </section>
  );
}
