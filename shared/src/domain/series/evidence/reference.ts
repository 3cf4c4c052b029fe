// References (SER5): what a reference keeps of its sources when inserted (the snapshot), what it
// says (the summary), and its repair against the sources as they are now. A merged source is
// followed to the item it went into; one hidden, removed, edited or re-themed marks the reference
// `changed` with the reason until a rapporteur resolves it. Never a silent pointer to nothing.
import { STAKEHOLDER_GROUPS, type StakeholderGroup } from '../../words.js';
import type { EvidenceItem, ReferenceSummary, SeriesReference } from '../types.js';
import type { EvidenceKind, SourceChange } from '../words.js';
import type { EvidenceFates } from './fate.js';
import { parseEvidenceKey } from './keys.js';

/** A source as it was when inserted or last resolved; `gone` when the rapporteur accepted it gone. */
export interface SourceSnapshot {
  kind: EvidenceKind;
  text: string;
  theme: string | null;
  /** Its credit's group as shown then (already narrowed, SER2): what the summary names. */
  group: StakeholderGroup | null;
  gone?: 'hidden' | 'removed';
}

export type ReferenceSnapshot = Record<string, SourceSnapshot>;

export function snapshotOf(item: EvidenceItem): SourceSnapshot {
  return { kind: item.kind, text: item.text, theme: item.theme, group: item.credit.group };
}

/** "3 contributions, civil society and academia": the count, the commonest kind, the groups in their fixed order. */
export function referenceSummary(sources: readonly string[], snapshot: ReferenceSnapshot): ReferenceSummary {
  const kinds = new Map<EvidenceKind, number>();
  const groups = new Set<StakeholderGroup>();
  for (const key of sources) {
    const s = snapshot[key];
    if (!s) continue;
    kinds.set(s.kind, (kinds.get(s.kind) ?? 0) + 1);
    if (s.group !== null) groups.add(s.group);
  }
  let kind: EvidenceKind = snapshot[sources[0] ?? '']?.kind ?? 'consultation-contribution';
  for (const [k, n] of kinds) if (n > (kinds.get(kind) ?? 0)) kind = k;
  return { count: sources.length, kind, groups: STAKEHOLDER_GROUPS.filter((g) => groups.has(g)) };
}

export interface StoredReference {
  sources: string[];
  snapshot: ReferenceSnapshot;
}

export interface Repaired {
  /** The sources with merges followed to their survivors (each once). */
  sources: string[];
  status: SeriesReference['status'];
  /** Keyed by the source as stored. */
  changes: { key: string; change: SourceChange }[];
}

/** Follows merges from `key` (a chain, and never round a cycle) to an item that is evidence now, or to where it ends. */
export function followMerges(key: string, now: ReadonlyMap<string, EvidenceItem>, fates: EvidenceFates): string {
  const seen = new Set<string>([key]);
  let at = key;
  for (;;) {
    if (now.has(at)) return at;
    const fate = fates.get(at);
    if (fate?.change !== 'merged' || seen.has(fate.into)) return at;
    seen.add(fate.into);
    at = fate.into;
  }
}

export function repairReference(stored: StoredReference, now: ReadonlyMap<string, EvidenceItem>, fates: EvidenceFates): Repaired {
  const changes: Repaired['changes'] = [];
  const sources: string[] = [];
  for (const key of stored.sources) {
    const at = followMerges(key, now, fates);
    if (!sources.includes(at)) sources.push(at);
    const snap = stored.snapshot[key];
    const current = now.get(at);
    if (at !== key) changes.push({ key, change: 'merged' });
    if (current) {
      if (at !== key) continue;
      // Back after being accepted gone, or its words changed: either way, what it says is new.
      if (!snap || snap.gone || snap.text !== current.text) changes.push({ key, change: 'edited' });
      if (snap && !snap.gone && snap.theme !== current.theme) changes.push({ key, change: 're-themed' });
      continue;
    }
    const gone = fates.get(at)?.change === 'hidden' ? 'hidden' : 'removed';
    if (at !== key || snap?.gone !== gone) changes.push({ key, change: gone });
  }
  return { sources, status: changes.length === 0 ? 'ok' : 'changed', changes };
}

/** Resolve: the sources as they are now become what the reference stands for (a gone one stays, accepted gone). */
export function resolveReference(stored: StoredReference, now: ReadonlyMap<string, EvidenceItem>, fates: EvidenceFates): StoredReference {
  const snapshot: ReferenceSnapshot = {};
  const sources: string[] = [];
  for (const key of stored.sources) {
    const at = followMerges(key, now, fates);
    if (sources.includes(at)) continue;
    sources.push(at);
    const current = now.get(at);
    const before = stored.snapshot[at] ?? stored.snapshot[key];
    if (current) snapshot[at] = snapshotOf(current);
    else if (before) snapshot[at] = { ...before, gone: fates.get(at)?.change === 'hidden' ? 'hidden' : 'removed' };
    else snapshot[at] = { kind: parseEvidenceKey(at)?.kind ?? 'consultation-contribution', text: '', theme: null, group: null, gone: 'removed' };
  }
  return { sources, snapshot };
}
