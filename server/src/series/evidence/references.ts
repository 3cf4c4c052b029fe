// References (SER5) over the store: inserted from evidence keys of this series, read with their
// status against the sources as they are now, resolved by taking the sources as they are.
import type { z } from 'zod';
import type { addReferenceBody } from '@open-talks/shared/protocol';
import {
  followMerges,
  narrowCredit,
  parseEvidenceKey,
  referenceSummary,
  repairReference,
  resolveReference,
  snapshotOf,
  type ReferenceSnapshot,
  type SeriesReference,
} from '@open-talks/shared/series';
import type { StakeholderGroup } from '@open-talks/shared';
import { newId } from '../../auth/tokens.js';
import { AppError } from '../../errors.js';
import type { SeriesRecord, Store } from '../../store/index.js';
import type { StoredSeriesReference } from '../../store/series-references-repo.js';
import { completeFates, type CollectedEvidence } from './collect.js';

/** The refusal's reason key (the client translates it). */
export const QUOTE_SOURCE_GONE = 'seriesEvidence.refusals.quoteSourceGone';

/**
 * The groups a stored summary may still name (SER2, review item 1): each source's group as it
 * was shown when stored, narrowed to the stricter of the series' and its session's attribution
 * now, so a series (or session) made stricter later takes them out, whether the source is still
 * evidence or gone. A source from a session that left the series names nobody. Never adds one.
 */
function groupsShownNow(stored: StoredSeriesReference, collected: CollectedEvidence): StakeholderGroup[] {
  const shown = new Set<StakeholderGroup>();
  for (const key of stored.sources) {
    const group = stored.snapshot[key]?.group ?? null;
    const session = parseEvidenceKey(key)?.sessionId;
    const attribution = session === undefined ? undefined : collected.shown.get(session);
    if (group === null || attribution === undefined) continue;
    const narrowed = narrowCredit({ name: null, group }, attribution).group;
    if (narrowed !== null) shown.add(narrowed);
  }
  return stored.summary.groups.filter((g) => shown.has(g));
}

/** A stored reference as the draft sees it now: merges followed, changes listed (SER67–SER70), groups narrowed (SER2). */
export function liveReference(stored: StoredSeriesReference, collected: CollectedEvidence): SeriesReference {
  const repaired = repairReference(stored, collected.byKey, collected.fates);
  const quoted = stored.quote === null ? undefined : collected.byKey.get(repaired.sources[0] ?? '');
  return {
    id: stored.id,
    sources: repaired.sources,
    quote: stored.quote,
    ...(stored.quote === null ? {} : { quoteLanguage: quoted?.language ?? null, quoteGone: quoted === undefined }),
    summary: { ...stored.summary, groups: groupsShownNow(stored, collected) },
    status: repaired.status,
    changes: repaired.changes,
    createdAt: stored.createdAt,
  };
}

export async function liveReferences(store: Store, series: SeriesRecord, collected: CollectedEvidence): Promise<SeriesReference[]> {
  const stored = await store.seriesReferences.list(series.id);
  await completeFates(
    store,
    collected,
    stored.flatMap((r) => r.sources),
  );
  return stored.map((r) => liveReference(r, collected));
}

export async function insertReference(
  store: Store,
  series: SeriesRecord,
  memberId: string,
  body: z.output<typeof addReferenceBody>,
  collected: CollectedEvidence,
  now: number,
): Promise<SeriesReference> {
  const sources = [...new Set(body.sources)];
  const unknown = sources.filter((key) => !collected.byKey.has(key));
  if (unknown.length > 0) throw new AppError('bad_request', `Not evidence of this series: ${unknown.slice(0, 3).join(', ')}`);
  if (body.quote && sources.length !== 1) throw new AppError('bad_request', 'A quotation takes exactly one source');
  const snapshot: ReferenceSnapshot = Object.fromEntries(sources.map((key) => [key, snapshotOf(collected.byKey.get(key)!)]));
  const stored: StoredSeriesReference = {
    id: newId(),
    seriesId: series.id,
    sources,
    // Word for word, as the source says it now (SER5).
    quote: body.quote ? collected.byKey.get(sources[0]!)!.text : null,
    snapshot,
    summary: referenceSummary(sources, snapshot),
    createdBy: memberId,
    createdAt: now,
    resolvedAt: null,
  };
  await store.seriesReferences.insert(stored);
  return liveReference(stored, collected);
}

export async function resolveStoredReference(store: Store, series: SeriesRecord, refId: string, collected: CollectedEvidence, now: number): Promise<SeriesReference> {
  const stored = await store.seriesReferences.byId(series.id, refId);
  if (!stored) throw new AppError('not_found', 'No such reference');
  await completeFates(store, collected, stored.sources);
  // A quotation is its source's words: once the source is hidden or removed there is nothing it may
  // still quote (review item 2), so it cannot be accepted gone; the rapporteur takes it out of the draft.
  if (stored.quote !== null && !collected.byKey.has(followMerges(stored.sources[0]!, collected.byKey, collected.fates))) {
    throw new AppError('conflict', 'The quoted source was hidden or removed: remove the quotation from the draft', { reason: QUOTE_SOURCE_GONE });
  }
  const next = resolveReference(stored, collected.byKey, collected.fates);
  // A quotation follows its source's words as they are now.
  const quoted = stored.quote !== null ? collected.byKey.get(next.sources[0]!) : undefined;
  const resolved = { ...next, summary: referenceSummary(next.sources, next.snapshot), quote: quoted?.text ?? null };
  await store.seriesReferences.resolve(series.id, refId, resolved, now);
  return liveReference({ ...stored, ...resolved, resolvedAt: now }, collected);
}
