import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hideSmallCounts, MIN_SHOWN_GROUP_COUNT } from './small-counts.js';
import { STAKEHOLDER_GROUPS, type StakeholderGroup } from './words.js';

type Counts = Record<StakeholderGroup, number>;

function counts(values: Partial<Counts>): Counts {
  return { ...(Object.fromEntries(STAKEHOLDER_GROUPS.map((g) => [g, 0])) as Counts), ...values };
}

const hide = (c: Counts) => hideSmallCounts(c, STAKEHOLDER_GROUPS);
const total = (c: Counts) => STAKEHOLDER_GROUPS.reduce((sum, g) => sum + c[g], 0);
/** What a reader sees: the total and the breakdown. */
const published = (c: Counts) => JSON.stringify([total(c), hide(c)]);

/** Every way to split `n` people among the groups from index `from` on. */
function* splits(n: number, from = 0, prefix: number[] = []): Generator<Counts> {
  if (from === STAKEHOLDER_GROUPS.length - 1) {
    yield Object.fromEntries(STAKEHOLDER_GROUPS.map((g, i) => [g, i < from ? prefix[i]! : n])) as Counts;
    return;
  }
  for (let k = 0; k <= n; k++) yield* splits(n - k, from + 1, [...prefix, k]);
}

/** The structural safety of one breakdown: what the rule promises, checked without trusting it. */
function checkShape(c: Counts): void {
  const shown = hide(c);
  const hidden = STAKEHOLDER_GROUPS.filter((g) => shown[g] === null && c[g] > 0);
  const combined = hidden.reduce((sum, g) => sum + c[g], 0);
  for (const g of STAKEHOLDER_GROUPS) {
    if (shown[g] !== null) expect(shown[g]).toBe(c[g]); // shown counts are exact
    if (c[g] > 0 && c[g] < MIN_SHOWN_GROUP_COUNT) expect(shown[g]).toBeNull(); // primary
  }
  const entirely = STAKEHOLDER_GROUPS.every((g) => shown[g] === null);
  if (hidden.length > 0 && !entirely) {
    expect(hidden.length).toBeGreaterThanOrEqual(2);
    expect(combined).toBeGreaterThanOrEqual(MIN_SHOWN_GROUP_COUNT);
    // With zeros shown, k hidden cells adding up to k would each be exactly 1.
    const zerosShown = STAKEHOLDER_GROUPS.some((g) => shown[g] === 0);
    if (zerosShown) expect(combined).toBeGreaterThan(hidden.length);
  }
}

describe('ATTR5 POLL13 hideSmallCounts (primary and secondary suppression)', () => {
  it('ATTR5 shows every count when no group has 1 or 2', () => {
    const c = counts({ academia: 3, government: 5 });
    expect(hide(c)).toEqual(c);
    expect(hide(counts({}))).toEqual(counts({}));
  });

  it("ATTR5 total 4, Academia 3, Government 1: Academia is hidden too, so Government's 1 cannot be worked out", () => {
    const shown = hide(counts({ academia: 3, government: 1 }));
    expect(shown).toMatchObject({ academia: null, government: null, other: 0 });
  });

  it('ATTR5 two small groups that together make 3 or more hide each other, nothing else', () => {
    expect(hide(counts({ government: 1, academia: 2, other: 4 }))).toMatchObject({ government: null, academia: null, other: 4 });
    expect(hide(counts({ government: 2, academia: 2, other: 4 }))).toMatchObject({ government: null, academia: null, other: 4 });
  });

  it('ATTR5 two groups of one (combined 2) also hide the smallest shown group, all of them on a tie', () => {
    expect(hide(counts({ government: 1, academia: 1, 'civil-society': 5, other: 4, intergovernmental: 4 }))).toMatchObject({
      government: null,
      academia: null,
      intergovernmental: null,
      other: null,
      'civil-society': 5,
    });
    expect(hide(counts({ government: 1, academia: 1, 'civil-society': 5, other: 4 }))).toMatchObject({ government: null, academia: null, other: null, 'civil-society': 5 });
  });

  it('ATTR5 two hidden 2s next to a shown 3 would each be exactly 2 (a 1 and a 3 would have hidden the 3): the 3 is hidden too', () => {
    expect(hide(counts({ government: 2, academia: 2, other: 3, 'civil-society': 9 }))).toMatchObject({ government: null, academia: null, other: null, 'civil-society': 9 });
  });

  it('ATTR5 three groups of one with the rest 0 would each be exactly 1: the breakdown is hidden entirely', () => {
    const shown = hide(counts({ government: 1, academia: 1, other: 1 }));
    for (const g of STAKEHOLDER_GROUPS) expect(shown[g]).toBeNull();
  });

  it('ATTR5 three groups of one next to a larger group hide that one too', () => {
    expect(hide(counts({ government: 1, academia: 1, other: 1, 'private-sector': 6 }))).toMatchObject({
      government: null,
      academia: null,
      other: null,
      'private-sector': null,
      'civil-society': 0,
    });
  });

  it('ATTR5 a single group of 1 or 2 and nobody else: the breakdown is hidden entirely', () => {
    for (const n of [1, 2]) for (const g of STAKEHOLDER_GROUPS) expect(hide(counts({ government: n }))[g]).toBeNull();
  });

  it('ATTR5 every breakdown up to 10 people: no hidden non-zero count can be worked out by a reader who knows the total, the shown counts and what hiding implies', () => {
    // The reader knows: the hidden counts add up to total − shown; a hidden count is at least 1
    // when zeros are shown; it is at most 2, or below the smallest count still shown (the smallest
    // are hidden first, ties together). Every hidden count must still take two values or more.
    const checked = new Set<string>();
    for (let n = 0; n <= 10; n++) {
      for (const c of splits(n)) {
        checkShape(c);
        const key = published(c);
        if (checked.has(key)) continue;
        checked.add(key);
        const shown = hide(c);
        const hidden = STAKEHOLDER_GROUPS.filter((g) => shown[g] === null);
        if (hidden.length === 0) continue;
        const rest = n - STAKEHOLDER_GROUPS.reduce((sum, g) => sum + (shown[g] ?? 0), 0);
        const low = STAKEHOLDER_GROUPS.some((g) => shown[g] === 0) ? 1 : 0;
        const smallest = Math.min(...STAKEHOLDER_GROUPS.map((g) => shown[g] ?? 0).filter((v) => v > 0));
        const high = Math.min(rest, Math.max(MIN_SHOWN_GROUP_COUNT - 1, smallest - 1));
        const values = hidden.map(() => new Set<number>());
        const fill = (i: number, left: number, picked: number[]): void => {
          if (i === hidden.length) {
            if (left === 0) picked.forEach((v, j) => values[j]!.add(v));
            return;
          }
          for (let v = low; v <= Math.min(high, left); v++) fill(i + 1, left - v, [...picked, v]);
        };
        fill(0, rest, []);
        hidden.forEach((g, j) => {
          if (c[g] > 0 && values[j]!.size < 2) expect.fail(`${key}: ${g} can only be ${[...values[j]!].join()}`);
        });
      }
    }
    // Exhaustive (every split of up to 10 people over 7 groups): seconds on a busy 2-core machine, not a speed check.
  }, 60_000);

  it('ATTR5 property: for random counts, hidden non-zero cells are none or at least two adding up to 3 or more (or the whole breakdown is hidden); shown counts are exact', () => {
    const arbitrary = fc.record(
      Object.fromEntries(STAKEHOLDER_GROUPS.map((g) => [g, fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 40 }))])) as Record<
        StakeholderGroup,
        fc.Arbitrary<number>
      >,
    );
    fc.assert(fc.property(arbitrary, checkShape), { numRuns: 5000 });
  });
});
