// The side panel's filters (SER64): session, kind, theme, stakeholder group, language and a search.
// Choices come from the facets, with their counts (a group under 3 shows none).
import { EVIDENCE_KINDS, type EvidenceFacets, type EvidenceFilter } from '@open-talks/shared/series';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

export function EvidenceFilters({ filter, facets, onChange }: { filter: EvidenceFilter; facets: EvidenceFacets | null; onChange: (next: EvidenceFilter) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const counted = (label: string, count: number | null) => (count === null ? `${label} (${t('seriesEvidence.statistics.hidden')})` : `${label} (${count})`);
  const select = (name: keyof EvidenceFilter, label: string, options: { value: string; label: string }[]) => (
    <div className="field">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      <select id={`${id}-${name}`} value={filter[name] ?? ''} onChange={(e) => onChange({ ...filter, [name]: e.target.value || undefined })}>
        <option value="">{t('seriesEvidence.filters.any')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
  const kindCount = (k: string) => facets?.kinds.find((f) => f.value === k)?.count ?? 0;
  return (
    <fieldset className="evidence-filters">
      <legend>{t('seriesEvidence.filters.legend')}</legend>
      <div className="field">
        <label htmlFor={`${id}-q`}>{t('seriesEvidence.filters.search')}</label>
        <input id={`${id}-q`} type="search" value={filter.q ?? ''} maxLength={200} onChange={(e) => onChange({ ...filter, q: e.target.value || undefined })} />
      </div>
      {select(
        'session',
        t('seriesEvidence.filters.session'),
        (facets?.sessions ?? []).map((s) => ({ value: s.value, label: counted(s.title, s.count) })),
      )}
      {select(
        'kind',
        t('seriesEvidence.filters.kind'),
        EVIDENCE_KINDS.map((k) => ({ value: k, label: counted(t(`seriesEvidence.kinds.${k}`), kindCount(k)) })),
      )}
      {select(
        'theme',
        t('seriesEvidence.filters.theme'),
        (facets?.themes ?? []).map((f) => ({ value: f.value, label: counted(f.value, f.count) })),
      )}
      {select(
        'group',
        t('seriesEvidence.filters.group'),
        (facets?.groups ?? []).map((f) => ({ value: f.value, label: counted(t(`words.group.${f.value}`), f.count) })),
      )}
      {select(
        'language',
        t('seriesEvidence.filters.language'),
        (facets?.languages ?? []).map((f) => ({ value: f.value, label: counted(t(`words.languageName.${f.value}`), f.count) })),
      )}
    </fieldset>
  );
}
