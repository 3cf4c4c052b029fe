// The evidence of a series (SeriesEvidenceSource, SER4–SER6): read fresh on every call, since the
// sessions change while the document is drafted; the publish part reads it to freeze a version.
import { seriesStatistics } from '@open-talks/shared/series';
import type { SeriesRecord } from '../../store/index.js';
import type { SeriesDeps, SeriesEvidenceSource } from '../deps.js';
import { collectEvidence, type CollectedEvidence } from './collect.js';
import { liveReferences } from './references.js';

export function statisticsOf(series: SeriesRecord, collected: CollectedEvidence, now: number) {
  return seriesStatistics(
    collected.facts.map((facts) => ({ facts, items: collected.items.filter((i) => i.sessionId === facts.session.id) })),
    series.attribution,
    now,
  );
}

export function seriesEvidence(deps: Pick<SeriesDeps, 'store' | 'records' | 'now'>): SeriesEvidenceSource {
  const collect = (series: SeriesRecord) => collectEvidence(deps.store, deps.records, series);
  return {
    items: async (series) => (await collect(series)).items,
    statistics: async (series) => statisticsOf(series, await collect(series), deps.now()),
    references: async (series) => liveReferences(deps.store, series, await collect(series)),
  };
}
