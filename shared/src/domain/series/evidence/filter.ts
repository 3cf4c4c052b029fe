// The side panel's filters and facets (SER4): by session, kind, theme, stakeholder group,
// language and free text. Facets count the series' items per value; a group's count under 3 is
// not shown (SER2: an aggregate names nobody), though its items still list as their credit allows.
import { MIN_SHOWN_GROUP_COUNT } from '../../small-counts.js';
import { LANGUAGES, STAKEHOLDER_GROUPS, type Language, type StakeholderGroup } from '../../words.js';
import type { EvidenceItem } from '../types.js';
import { EVIDENCE_KINDS, type EvidenceKind } from '../words.js';

export interface EvidenceFilter {
  session?: string | undefined;
  kind?: EvidenceKind | undefined;
  theme?: string | undefined;
  group?: StakeholderGroup | undefined;
  language?: Language | undefined;
  /** Free text: every word must appear in the item's text or theme (any case). */
  q?: string | undefined;
}

export interface FacetCount<V extends string = string> {
  value: V;
  /** null: fewer than 3, not shown. */
  count: number | null;
}

export interface EvidenceFacets {
  sessions: (FacetCount & { title: string })[];
  kinds: FacetCount<EvidenceKind>[];
  themes: FacetCount[];
  groups: FacetCount<StakeholderGroup>[];
  languages: FacetCount<Language>[];
  total: number;
}

const fold = (s: string) => s.toLocaleLowerCase().normalize('NFKC');

export function evidenceMatcher(filter: EvidenceFilter): (item: EvidenceItem) => boolean {
  const words = filter.q ? fold(filter.q).split(/\s+/u).filter(Boolean) : [];
  return (item) => {
    if (filter.session && item.sessionId !== filter.session) return false;
    if (filter.kind && item.kind !== filter.kind) return false;
    if (filter.theme && item.theme !== filter.theme) return false;
    if (filter.group && item.credit.group !== filter.group) return false;
    if (filter.language && item.language !== filter.language) return false;
    if (words.length > 0) {
      const hay = fold(`${item.text}\n${item.theme ?? ''}`);
      if (!words.every((w) => hay.includes(w))) return false;
    }
    return true;
  };
}

export interface EvidencePage {
  items: EvidenceItem[];
  /** The cursor of the next page, or null at the end. */
  next: number | null;
  /** How many items match the filter. */
  matched: number;
}

/** The page of matching items from `cursor` (an offset into the matches, in the series' order). */
export function filterEvidence(items: readonly EvidenceItem[], filter: EvidenceFilter, cursor = 0, limit = 50): EvidencePage {
  const matches = items.filter(evidenceMatcher(filter));
  const page = matches.slice(cursor, cursor + limit);
  return { items: page, next: cursor + limit < matches.length ? cursor + limit : null, matched: matches.length };
}

function counted<V extends string>(counts: Map<V, number>, order: readonly V[] | null): FacetCount<V>[] {
  const values = order ? order.filter((v) => counts.has(v)) : [...counts.keys()].sort((a, b) => a.localeCompare(b));
  return values.map((value) => ({ value, count: counts.get(value)! }));
}

export function evidenceFacets(items: readonly EvidenceItem[]): EvidenceFacets {
  const sessions = new Map<string, number>();
  const titles = new Map<string, string>();
  const kinds = new Map<EvidenceKind, number>();
  const themes = new Map<string, number>();
  const groups = new Map<StakeholderGroup, number>();
  const languages = new Map<Language, number>();
  const bump = <K>(m: Map<K, number>, k: K) => m.set(k, (m.get(k) ?? 0) + 1);
  for (const i of items) {
    bump(sessions, i.sessionId);
    titles.set(i.sessionId, i.sessionTitle);
    bump(kinds, i.kind);
    if (i.theme !== null) bump(themes, i.theme);
    if (i.credit.group !== null) bump(groups, i.credit.group);
    if (i.language !== null) bump(languages, i.language);
  }
  return {
    sessions: [...sessions].map(([value, count]) => ({ value, count, title: titles.get(value) ?? '' })),
    kinds: counted(kinds, EVIDENCE_KINDS),
    themes: counted(themes, null),
    groups: counted(groups, STAKEHOLDER_GROUPS).map((f) => ({ value: f.value, count: f.count !== null && f.count < MIN_SHOWN_GROUP_COUNT ? null : f.count })),
    languages: counted(languages, LANGUAGES),
    total: items.length,
  };
}
