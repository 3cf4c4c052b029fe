// Opinion groups on the 2-D map (CONS32): k-means with k-means++ seeding from a seeded PRNG and
// several restarts, for k = 2…5, keeping the k with the best mean silhouette (as pol.is does).
import { KMEANS_MAX_ITERATIONS, KMEANS_RESTARTS, MAX_GROUPS, MIN_GROUPS, MIN_PLACED_FOR_GROUPS, SILHOUETTE_SAMPLE } from './constants.js';
import type { Projection } from './pca.js';
import type { Random } from './random.js';

export interface Clustering {
  k: number;
  /** Group of each placed participant, 0-based, numbered by size (largest first). */
  assignment: Int32Array;
  /** Mean silhouette of the chosen k (0 for one group). */
  silhouette: number;
}

interface Run {
  assignment: Int32Array;
  cx: Float64Array;
  cy: Float64Array;
  inertia: number;
}

function seedCentres({ x, y }: Projection, k: number, random: Random): { cx: Float64Array; cy: Float64Array } {
  const n = x.length;
  const cx = new Float64Array(k);
  const cy = new Float64Array(k);
  const first = Math.floor(random() * n);
  cx[0] = x[first]!;
  cy[0] = y[first]!;
  const nearest = new Float64Array(n).fill(Infinity);
  for (let c = 1; c < k; c++) {
    let total = 0;
    for (let i = 0; i < n; i++) {
      const d = (x[i]! - cx[c - 1]!) ** 2 + (y[i]! - cy[c - 1]!) ** 2;
      if (d < nearest[i]!) nearest[i] = d;
      total += nearest[i]!;
    }
    // k-means++: the next centre is drawn with probability ∝ squared distance to the nearest one.
    let pick = n - 1;
    if (total > 0) {
      let target = random() * total;
      for (let i = 0; i < n; i++) {
        target -= nearest[i]!;
        if (target < 0) {
          pick = i;
          break;
        }
      }
    } else {
      pick = Math.floor(random() * n);
    }
    cx[c] = x[pick]!;
    cy[c] = y[pick]!;
  }
  return { cx, cy };
}

function lloyd(points: Projection, k: number, random: Random): Run {
  const { x, y } = points;
  const n = x.length;
  const { cx, cy } = seedCentres(points, k, random);
  const assignment = new Int32Array(n).fill(-1);
  let inertia = 0;
  for (let iteration = 0; iteration < KMEANS_MAX_ITERATIONS; iteration++) {
    let changed = false;
    inertia = 0;
    for (let i = 0; i < n; i++) {
      let best = 0;
      let bestD = Infinity;
      for (let c = 0; c < k; c++) {
        const d = (x[i]! - cx[c]!) ** 2 + (y[i]! - cy[c]!) ** 2;
        if (d < bestD) {
          bestD = d;
          best = c;
        }
      }
      inertia += bestD;
      if (assignment[i] !== best) {
        assignment[i] = best;
        changed = true;
      }
    }
    if (!changed) break;
    const sx = new Float64Array(k);
    const sy = new Float64Array(k);
    const size = new Int32Array(k);
    for (let i = 0; i < n; i++) {
      const c = assignment[i]!;
      sx[c]! += x[i]!;
      sy[c]! += y[i]!;
      size[c]!++;
    }
    // An emptied centre stays where it was; a k with an empty group is rejected by `silhouette`.
    for (let c = 0; c < k; c++) {
      if (size[c]! > 0) {
        cx[c] = sx[c]! / size[c]!;
        cy[c] = sy[c]! / size[c]!;
      }
    }
  }
  return { assignment, cx, cy, inertia };
}

/**
 * Mean silhouette: for each person, (b − a) / max(a, b) with a their mean distance to their own
 * group and b to the nearest other group. O(n²), so beyond SILHOUETTE_SAMPLE people it is the mean
 * over a seeded sample (each still measured against everyone). −1 when a group is empty.
 */
export function silhouette({ x, y }: Projection, assignment: Int32Array, k: number, random: Random): number {
  const n = x.length;
  const size = new Int32Array(k);
  for (let i = 0; i < n; i++) size[assignment[i]!]!++;
  for (let c = 0; c < k; c++) if (size[c] === 0) return -1;
  const sample = n <= SILHOUETTE_SAMPLE ? null : Int32Array.from({ length: SILHOUETTE_SAMPLE }, () => Math.floor(random() * n));
  const count = sample ? sample.length : n;
  const sums = new Float64Array(k);
  let total = 0;
  for (let s = 0; s < count; s++) {
    const i = sample ? sample[s]! : s;
    sums.fill(0);
    for (let j = 0; j < n; j++) {
      const dx = x[i]! - x[j]!;
      const dy = y[i]! - y[j]!;
      sums[assignment[j]!]! += Math.sqrt(dx * dx + dy * dy); // not Math.hypot: several times slower
    }
    const own = assignment[i]!;
    if (size[own]! <= 1) continue; // a group of one scores 0 (Rousseeuw)
    const a = sums[own]! / (size[own]! - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) if (c !== own) b = Math.min(b, sums[c]! / size[c]!);
    const spread = Math.max(a, b);
    total += spread > 0 ? (b - a) / spread : 0;
  }
  return total / count;
}

/** Distinct positions, up to `cap`: k groups need at least k distinct points. */
function distinctPoints({ x, y }: Projection, cap: number): number {
  const seen = new Set<string>();
  for (let i = 0; i < x.length && seen.size < cap; i++) seen.add(`${x[i]!.toFixed(9)},${y[i]!.toFixed(9)}`);
  return seen.size;
}

/** Group numbers by size, largest first; ties by the group's centre (x, then y), so numbering is stable. */
function renumber(run: Run, k: number): Int32Array {
  const size = new Int32Array(k);
  for (const c of run.assignment) size[c]!++;
  const order = Array.from({ length: k }, (_, c) => c).sort((a, b) => size[b]! - size[a]! || run.cx[a]! - run.cx[b]! || run.cy[a]! - run.cy[b]! || a - b);
  const rank = new Int32Array(k);
  order.forEach((c, index) => (rank[c] = index));
  return run.assignment.map((c) => rank[c]!);
}

/** The best of KMEANS_RESTARTS runs for one k: the lowest within-group spread (inertia). */
function bestRun(points: Projection, k: number, random: Random): Run {
  let best: Run | null = null;
  for (let restart = 0; restart < KMEANS_RESTARTS; restart++) {
    const run = lloyd(points, k, random);
    if (!best || run.inertia < best.inertia - 1e-12) best = run;
  }
  return best!;
}

/**
 * The opinion groups: k in 2…5 by best silhouette (a tie keeps the smaller k). One group of
 * everyone when there are too few people (MIN_PLACED_FOR_GROUPS) or fewer than two distinct
 * positions (everyone answered alike): splitting those would invent a disagreement.
 */
export function findGroups(points: Projection, random: Random): Clustering {
  const n = points.x.length;
  const one: Clustering = { k: n > 0 ? 1 : 0, assignment: new Int32Array(n), silhouette: 0 };
  if (n < MIN_PLACED_FOR_GROUPS) return one;
  const distinct = distinctPoints(points, MAX_GROUPS);
  let chosen: Clustering | null = null;
  for (let k = MIN_GROUPS; k <= Math.min(MAX_GROUPS, distinct); k++) {
    const run = bestRun(points, k, random);
    const score = silhouette(points, run.assignment, k, random);
    if (score > -1 && (!chosen || score > chosen.silhouette + 1e-9)) chosen = { k, assignment: renumber(run, k), silhouette: score };
  }
  return chosen ?? one;
}
