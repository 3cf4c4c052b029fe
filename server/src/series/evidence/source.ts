// The evidence of a series (SeriesEvidenceSource, SER4–SER6): gathered from the sessions, shared
// for a moment between concurrent readers (cache.ts: the panel, the statistics and a finalise read
// one gathering instead of one each); the publish part reads it to freeze a version.
import { seriesStatistics } from '@open-talks/shared/series';
import type { SeriesRecord, Store } from '../../store/index.js';
import type { SeriesDeps, SeriesEvidenceSource } from '../deps.js';
import { GatheringCache } from './cache.js';
import { collectEvidence, type CollectedEvidence } from './collect.js';
import { liveReferences } from './references.js';

export function statisticsOf(series: SeriesRecord, collected: CollectedEvidence, now: number) {
  return seriesStatistics(
    collected.facts.map((facts) => ({ facts, items: collected.items.filter((i) => i.sessionId === facts.session.id) })),
    series.attribution,
    now,
  );
}

/** Gathers a series' evidence, sharing a gathering in flight or a moment old unless asked `fresh`. */
export type EvidenceCollector = (series: SeriesRecord, options?: { fresh?: boolean }) => Promise<CollectedEvidence>;

// One cache per store (one server): the routes and the SeriesEvidenceSource share it.
const collectors = new WeakMap<Store, EvidenceCollector>();

export function evidenceCollector(deps: Pick<SeriesDeps, 'store' | 'records'>): EvidenceCollector {
  let collector = collectors.get(deps.store);
  if (!collector) {
    const cache = new GatheringCache<CollectedEvidence>();
    collector = (series, options) => cache.get(series.id, series.attribution, () => collectEvidence(deps.store, deps.records, series), options?.fresh ?? false);
    collectors.set(deps.store, collector);
  }
  return collector;
}

export function seriesEvidence(deps: Pick<SeriesDeps, 'store' | 'records' | 'now'>): SeriesEvidenceSource {
  const collect = evidenceCollector(deps);
  return {
    items: async (series) => (await collect(series)).items,
    statistics: async (series) => statisticsOf(series, await collect(series), deps.now()),
    references: async (series) => liveReferences(deps.store, series, await collect(series)),
    collect: async (series, options) => {
      const collected = await collect(series, { fresh: options?.fresh ?? true });
      return { items: collected.items, statistics: statisticsOf(series, collected, deps.now()), references: await liveReferences(deps.store, series, collected) };
    },
  };
}
