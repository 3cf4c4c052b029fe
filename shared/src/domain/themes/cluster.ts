// Agglomerative clustering on cosine distance, cut at a distance threshold (THEME4). The
// nearest-neighbour-chain algorithm with Lance–Williams updates: O(n²) time and one n×n matrix,
// exact for average, complete and Ward linkage (all reducible, so the chain finds the same merges
// as the textbook O(n³) loop). Ties go to the lower index, so the result depends only on the order
// of the input, which the caller makes canonical.
import type { SparseVector } from './tfidf.js';

export type Linkage = 'average' | 'complete' | 'ward';

export interface Merge {
  a: number;
  b: number;
  height: number;
}

/**
 * Cosine distances, all pairs, through an inverted index: most pairs of short ideas share no
 * term, so only pairs that do are multiplied. Rounded to 1e-9 so that sums made in another order
 * cannot flip a tie.
 */
export function sparseDistances(vectors: readonly SparseVector[]): Float64Array {
  const n = vectors.length;
  const postings = new Map<number, { doc: number; value: number }[]>();
  vectors.forEach(({ indices, values }, doc) =>
    indices.forEach((term, k) => {
      const list = postings.get(term);
      if (list) list.push({ doc, value: values[k]! });
      else postings.set(term, [{ doc, value: values[k]! }]);
    }),
  );
  const d = new Float64Array(n * n).fill(1);
  const row = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    row.fill(0);
    const { indices, values } = vectors[i]!;
    indices.forEach((term, k) => {
      for (const { doc, value } of postings.get(term)!) if (doc > i) row[doc]! += values[k]! * value;
    });
    for (let j = i + 1; j < n; j++) {
      if (row[j] === 0) continue;
      const distance = Math.round((1 - row[j]!) * 1e9) / 1e9;
      d[i * n + j] = distance;
      d[j * n + i] = distance;
    }
  }
  return d;
}

/** Cosine distances, all pairs, of dense L2-normalised vectors of one length (rounded as above). */
export function denseDistances(vectors: readonly Float64Array[]): Float64Array {
  const n = vectors.length;
  const k = n > 0 ? vectors[0]!.length : 0;
  const flat = new Float64Array(n * k);
  vectors.forEach((v, i) => flat.set(v, i * k));
  const d = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      let dot = 0;
      for (let t = 0; t < k; t++) dot += flat[i * k + t]! * flat[j * k + t]!;
      const distance = Math.round((1 - dot) * 1e9) / 1e9;
      d[i * n + j] = distance;
      d[j * n + i] = distance;
    }
  }
  return d;
}

/** Every merge of the full dendrogram (n − 1 of them), in the order the chain made them. */
export function dendrogram(vectors: readonly SparseVector[], linkage: Linkage = 'average'): Merge[] {
  return dendrogramOf(sparseDistances(vectors), vectors.length, linkage);
}

/**
 * The dendrogram of an n × n distance matrix (consumed). Ward's linkage reads the cosine distance
 * of normalised vectors as half their squared Euclidean distance, which it needs.
 */
export function dendrogramOf(d: Float64Array, n: number, linkage: Linkage = 'average'): Merge[] {
  const active = new Uint8Array(n).fill(1);
  const size = new Float64Array(n).fill(1);
  const merges: Merge[] = [];
  const chain: number[] = [];
  let remaining = n;
  let next = 0;
  while (remaining > 1) {
    if (chain.length === 0) {
      while (!active[next]) next++;
      chain.push(next);
    }
    const a = chain[chain.length - 1]!;
    const previous = chain.length > 1 ? chain[chain.length - 2]! : -1;
    let b = previous;
    let best = previous >= 0 ? d[a * n + previous]! : Infinity;
    for (let c = 0; c < n; c++) {
      if (c === a || !active[c]) continue;
      const distance = d[a * n + c]!;
      if (distance < best) [b, best] = [c, distance];
    }
    if (b !== previous) {
      chain.push(b);
      continue;
    }
    chain.length -= 2;
    const keep = Math.min(a, b);
    const drop = Math.max(a, b);
    for (let k = 0; k < n; k++) {
      if (!active[k] || k === keep || k === drop) continue;
      const x = d[keep * n + k]!;
      const y = d[drop * n + k]!;
      const [p, r, s] = [size[keep]!, size[drop]!, size[k]!];
      const updated = linkage === 'complete' ? Math.max(x, y) : linkage === 'ward' ? ((p + s) * x + (r + s) * y - s * best) / (p + r + s) : (p * x + r * y) / (p + r);
      d[keep * n + k] = updated;
      d[k * n + keep] = updated;
    }
    size[keep]! += size[drop]!;
    active[drop] = 0;
    merges.push({ a: keep, b: drop, height: best });
    remaining--;
  }
  return merges;
}

/** The clusters at a cut: the merges no higher than `threshold`, as lists of indices (each ascending, lists by first index). */
export function cut(n: number, merges: readonly Merge[], threshold: number): number[][] {
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  for (const { a, b, height } of merges) {
    if (height > threshold) continue;
    const [x, y] = [find(a), find(b)];
    if (x !== y) parent[Math.max(x, y)] = Math.min(x, y);
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const root = find(i);
    const group = groups.get(root);
    if (group) group.push(i);
    else groups.set(root, [i]);
  }
  return [...groups.values()].sort((x, y) => x[0]! - y[0]!);
}

/** Clusters of `vectors` at a cosine-distance threshold. */
export function clusterVectors(vectors: readonly SparseVector[], threshold: number, linkage: Linkage = 'average'): number[][] {
  return cut(vectors.length, dendrogram(vectors, linkage), threshold);
}
