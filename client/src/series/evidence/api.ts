// The evidence part's calls (docs/api.md, "Series — evidence"), with the member's series token.
import type { EvidenceFacets, EvidenceFilter, EvidenceItem, SeriesReference, SeriesStatistics } from '@open-talks/shared/series';
import { seriesRequest } from '../request';

export interface EvidencePageResponse {
  items: EvidenceItem[];
  next: number | null;
  matched: number;
  facets: EvidenceFacets;
}

export function fetchEvidence(seriesId: string, token: string, filter: EvidenceFilter, cursor = 0): Promise<EvidencePageResponse> {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (typeof value === 'string' && value.trim() !== '') query.set(key, value.trim());
  if (cursor > 0) query.set('cursor', String(cursor));
  return seriesRequest('GET', seriesId, `/evidence?${query.toString()}`, token);
}

export async function fetchReferences(seriesId: string, token: string): Promise<SeriesReference[]> {
  return (await seriesRequest<{ references: SeriesReference[] }>('GET', seriesId, '/references', token)).references;
}

export async function addReference(seriesId: string, token: string, sources: string[], quote: boolean): Promise<SeriesReference> {
  return (await seriesRequest<{ reference: SeriesReference }>('POST', seriesId, '/references', token, { sources, quote })).reference;
}

export async function resolveReference(seriesId: string, token: string, refId: string): Promise<SeriesReference> {
  return (await seriesRequest<{ reference: SeriesReference }>('POST', seriesId, `/references/${encodeURIComponent(refId)}/resolve`, token, {})).reference;
}

export async function fetchStatistics(seriesId: string, token: string): Promise<SeriesStatistics> {
  return (await seriesRequest<{ statistics: SeriesStatistics }>('GET', seriesId, '/statistics', token)).statistics;
}
