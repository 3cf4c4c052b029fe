// A reference put in words (SER5): "3 contributions, civil society and academia". The words
// come from the catalog of the language the text is for (namespace `seriesWords`), so the
// draft, the exports and the public page say the same thing in each language.
import type { EvidenceKind } from './words.js';
import type { ReferenceSummary } from './types.js';
import type { StakeholderGroup } from '../words.js';

export interface ReferenceWords {
  /** Per kind: the noun for one and for several ("contribution" / "contributions"). */
  kinds: Record<EvidenceKind, { one: string; other: string }>;
  groups: Record<StakeholderGroup, string>;
  /** Joins the last two groups: "and", "et", "y", "и", "و", "和". */
  and: string;
  /** Between the count and the groups: ", ". */
  separator: string;
}

/** `[3 contributions, civil society and academia]` without the brackets; no groups under anonymous. */
export function describeReference(summary: ReferenceSummary, words: ReferenceWords): string {
  const noun = summary.count === 1 ? words.kinds[summary.kind].one : words.kinds[summary.kind].other;
  const head = `${summary.count} ${noun}`;
  const groups = summary.groups.map((g) => words.groups[g]);
  if (groups.length === 0) return head;
  const list = groups.length === 1 ? groups[0]! : `${groups.slice(0, -1).join(', ')} ${words.and} ${groups[groups.length - 1]}`;
  return `${head}${words.separator}${list}`;
}
