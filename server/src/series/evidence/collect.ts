// One read of a series' evidence: every session's facts gathered once, its items under the
// stricter attribution (SER2) and the fates of stored items that are no longer evidence. Built per
// request and never kept: sessions keep changing while the document is drafted.
import { parseEvidenceKey, seriesEvidenceOf, type EvidenceFates } from '@open-talks/shared/series';
import type { EvidenceItem } from '@open-talks/shared/series';
import type { RecordFacts } from '@open-talks/shared';
import type { RecordService } from '../../record/record-service.js';
import type { SeriesRecord, Store } from '../../store/index.js';

export interface CollectedEvidence {
  facts: RecordFacts[];
  items: EvidenceItem[];
  byKey: Map<string, EvidenceItem>;
  fates: EvidenceFates;
}

export async function collectEvidence(store: Store, records: Pick<RecordService, 'facts'>, series: SeriesRecord): Promise<CollectedEvidence> {
  const ids = await store.series.sessionIds(series.id);
  const sessions = (await Promise.all(ids.map((id) => store.sessions.byId(id)))).filter((s) => s !== undefined);
  // Lean: comments counted, not read (evidence lists contributions; statistics need only the count).
  const facts = await Promise.all(sessions.map((s) => records.facts(s, { lean: true })));
  const { items, fates } = seriesEvidenceOf(facts, series.attribution);
  return { facts, items, byKey: new Map(items.map((i) => [i.key, i])), fates };
}

/**
 * Completes the fates for keys a reference holds that are neither evidence nor known gone: a
 * consultation contribution still stored (but no longer published) was hidden; anything else,
 * or anything from a session that left the series, was removed.
 */
export async function completeFates(store: Store, collected: CollectedEvidence, keys: Iterable<string>): Promise<void> {
  const sessions = new Set(collected.facts.map((f) => f.session.id));
  for (const key of keys) {
    if (collected.byKey.has(key) || collected.fates.has(key)) continue;
    const parsed = parseEvidenceKey(key);
    if (!parsed || !sessions.has(parsed.sessionId) || parsed.kind !== 'consultation-contribution') continue;
    if (await store.consultation.contribution(parsed.sessionId, parsed.storedId)) collected.fates.set(key, { change: 'hidden' });
  }
}
