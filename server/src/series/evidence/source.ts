// The evidence of a series (SeriesEvidenceSource): owned by the evidence part, which fills it in.
import type { SeriesDeps, SeriesEvidenceSource } from '../deps.js';

export function seriesEvidence(_deps: Pick<SeriesDeps, 'store' | 'records' | 'now'>): SeriesEvidenceSource {
  return {
    items: async () => [],
    statistics: async () => {
      throw new Error('not built yet');
    },
    references: async () => [],
  };
}
