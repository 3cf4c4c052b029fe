// The reference words of one language from a catalog lookup (namespace `seriesWords` and the
// stakeholder groups of `words.group`), for the server's exports and the client alike.
import { STAKEHOLDER_GROUPS } from '../../words.js';
import type { ReferenceWords } from '../reference-text.js';
import { EVIDENCE_KINDS } from '../words.js';

export type CatalogLookup = (key: string) => string;

export function referenceWordsFrom(t: CatalogLookup): ReferenceWords {
  return {
    kinds: Object.fromEntries(EVIDENCE_KINDS.map((k) => [k, { one: t(`seriesWords.kinds.${k}.one`), other: t(`seriesWords.kinds.${k}.other`) }])) as ReferenceWords['kinds'],
    groups: Object.fromEntries(STAKEHOLDER_GROUPS.map((g) => [g, t(`words.group.${g}`)])) as ReferenceWords['groups'],
    and: t('seriesWords.and'),
    separator: t('seriesWords.separator'),
  };
}
