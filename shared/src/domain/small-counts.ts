// Counts by stakeholder group under the Chatham House Rule (`anonymous`): which ones may be shown,
// so that no group's count of 1 or 2 can be read off the page, directly or by subtraction from the
// total (ATTR5 in docs/spec.md, REC1 and REC6 in docs/record.md, POLL13 in docs/townhall.md).
// One pure rule for live attendance, record attendance and poll breakdowns, live and in the record.

/** A group with fewer than this (and more than 0) is hidden (primary suppression). */
export const MIN_SHOWN_GROUP_COUNT = 3;

/**
 * Which counts may be shown, with `null` for a hidden one. Hidden cells read the same whether they
 * were hidden for being small (primary) or to protect another (secondary): "not shown".
 *
 * 1. Primary: every count of 1 or 2 is hidden.
 * 2. Secondary: the total is published next to the breakdown, so total − shown = the hidden cells'
 *    combined count. Until no hidden count can be pinned down from that (`safe`), the smallest
 *    shown non-zero count is hidden too (every one of them on a tie).
 * 3. If no shown non-zero count is left and it is still not safe, every count is hidden (zeros
 *    too): the total then stands alone.
 *
 * Why, and why zeros may stay shown:
 * - One hidden cell alone equals total − shown: its count would be exact. Hence at least two.
 * - A combined count of 1 or 2 says that one or two people are in the hidden groups: too few
 *   to hide among, as for one group. Hence at least 3.
 * - Zeros stay shown, because 0 names nobody. But shown zeros tell a reader that every hidden
 *   cell is at least 1: k hidden cells adding up to k would each be exactly 1 (three groups of
 *   one, the rest 0). Hiding also tells that a hidden count is at most 2, or below the smallest
 *   count still shown: two hidden cells adding up to 4 next to a shown 3 are both exactly 2.
 *   `safe` takes both bounds into account.
 * - What the hidden cells tell together (the combined count, and in a poll how the hidden groups
 *   answered together) is about at least 3 people from at least 2 groups: no more than a shown
 *   group of 3 tells.
 * - Not covered: a reader who replays this rule over every possible breakdown can, in rare
 *   layouts, rule out more (three hidden 2s next to a shown 4: with 1, 1 and 4 the shown 4
 *   would have been hidden too, so each is 2). `small-counts.test.ts` checks every breakdown of
 *   up to 10 people against the reader above.
 */
export function hideSmallCounts<K extends string>(counts: Readonly<Record<K, number>>, order: readonly K[]): Record<K, number | null> {
  const hidden = new Set<K>(order.filter((k) => counts[k] > 0 && counts[k] < MIN_SHOWN_GROUP_COUNT));
  if (hidden.size === 0) return { ...counts };
  while (!safe(hidden, counts, order)) {
    const next = smallestShown(hidden, counts, order);
    if (next.length === 0) return Object.fromEntries(order.map((k) => [k, null])) as Record<K, null>;
    for (const k of next) hidden.add(k);
  }
  return Object.fromEntries(order.map((k) => [k, hidden.has(k) ? null : counts[k]])) as Record<K, number | null>;
}

/**
 * Whether a reader who sees the total, the shown counts and this rule can pin down no hidden
 * count. Each hidden count lies in [1, most]: at least 1 (a 0 would be shown), at most 2 if it
 * was small, or below the smallest count still shown if it was hidden to protect another (the
 * smallest are hidden first, ties together). With k hidden counts adding up to `combined`, one of
 * them is at least combined − (k − 1)·most and at most combined − (k − 1): it is exact when those
 * bounds meet (e.g. two hidden 2s next to a shown 3: a 1 and a 3 would have hidden that 3 too).
 */
function safe<K extends string>(hidden: ReadonlySet<K>, counts: Readonly<Record<K, number>>, order: readonly K[]): boolean {
  let combined = 0;
  for (const k of hidden) combined += counts[k];
  const k = hidden.size;
  if (k < 2 || combined < MIN_SHOWN_GROUP_COUNT) return false;
  const smallest = order.reduce((min, g) => (hidden.has(g) || counts[g] === 0 ? min : Math.min(min, counts[g])), Infinity);
  const most = Math.max(MIN_SHOWN_GROUP_COUNT - 1, smallest - 1);
  const low = Math.max(1, combined - (k - 1) * most);
  const high = Math.min(most, combined - (k - 1));
  return low < high;
}

/** The shown counts above 0 that are smallest (all of them on a tie: a tie broken by order would tell). */
function smallestShown<K extends string>(hidden: ReadonlySet<K>, counts: Readonly<Record<K, number>>, order: readonly K[]): K[] {
  const candidates = order.filter((k) => !hidden.has(k) && counts[k] > 0);
  const min = Math.min(...candidates.map((k) => counts[k]));
  return candidates.filter((k) => counts[k] === min);
}
