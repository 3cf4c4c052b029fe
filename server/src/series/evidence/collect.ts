// One read of a series' evidence: every session's facts gathered once, its items under the
// stricter attribution (SER2) and the fates of stored items that are no longer evidence. Shared
// for a moment by concurrent readers (cache.ts), never kept longer: sessions keep changing while
// the document is drafted.
import { evidenceKey, parseEvidenceKey, seriesEvidenceOf, stricterAttribution, type EvidenceFates } from '@open-talks/shared/series';
import type { EvidenceItem } from '@open-talks/shared/series';
import type { Attribution, RecordFacts } from '@open-talks/shared';
import type { RecordService } from '../../record/record-service.js';
import type { SeriesRecord, Store } from '../../store/index.js';

export interface CollectedEvidence {
  /** The series' attribution it was gathered under. */
  attribution: Attribution;
  facts: RecordFacts[];
  items: EvidenceItem[];
  byKey: Map<string, EvidenceItem>;
  fates: EvidenceFates;
  /** Per session of the series now: the stricter of the series' and its attribution (what its items may show). */
  shown: Map<string, Attribution>;
}

export async function collectEvidence(store: Store, records: Pick<RecordService, 'facts'>, series: SeriesRecord): Promise<CollectedEvidence> {
  const ids = await store.series.sessionIds(series.id);
  const sessions = (await Promise.all(ids.map((id) => store.sessions.byId(id)))).filter((s) => s !== undefined);
  // Lean: comments counted, not read (evidence lists contributions; statistics need only the count).
  const facts = await Promise.all(sessions.map((s) => records.facts(s, { lean: true })));
  const { items, fates } = seriesEvidenceOf(facts, series.attribution);
  const shown = new Map(facts.map((f) => [f.session.id, stricterAttribution(series.attribution, f.session.attribution)]));
  return { attribution: series.attribution, facts, items, byKey: new Map(items.map((i) => [i.key, i])), fates, shown };
}

/**
 * Completes the fates for keys a reference holds that are neither evidence nor known gone: a
 * consultation contribution merged into another (CONS11: stored hidden with `merged_into`) is
 * followed to it, and so on along a chain; one still stored but no longer published was hidden;
 * anything else, or anything from a session that left the series, was removed.
 */
export async function completeFates(store: Store, collected: CollectedEvidence, keys: Iterable<string>): Promise<void> {
  const pending = [...keys];
  const seen = new Set<string>();
  for (let key = pending.pop(); key !== undefined; key = pending.pop()) {
    if (seen.has(key)) continue;
    seen.add(key);
    if (collected.byKey.has(key) || collected.fates.has(key)) continue;
    const parsed = parseEvidenceKey(key);
    if (!parsed || !collected.shown.has(parsed.sessionId) || parsed.kind !== 'consultation-contribution') continue;
    const row = await store.consultation.contribution(parsed.sessionId, parsed.storedId);
    if (!row) continue;
    if (row.merged_into !== null) {
      const into = evidenceKey(parsed.sessionId, 'consultation-contribution', row.merged_into);
      collected.fates.set(key, { change: 'merged', into });
      pending.push(into);
    } else collected.fates.set(key, { change: 'hidden' });
  }
}
