// Latent semantic analysis (THEME4): the TF-IDF vectors projected on their top singular
// directions, so that ideas which use words that tend to occur together come close even when they
// share no word. A truncated SVD by randomized subspace iteration (Halko, Martinsson & Tropp 2011)
// in plain TypeScript: a start block drawn from a hash of each term (not of its index, so the
// ideas' order cannot matter), a few power iterations with re-orthonormalisation, then the exact
// SVD of the small projected matrix by Jacobi rotations. No randomness: the same vectors give the
// same projection.
import type { SparseVector } from './tfidf.js';

/** FNV-1a of a term and a column, mapped to a value in [-1, 1). */
function draw(term: string, column: number): number {
  let h = 0x811c9dc5 ^ column;
  for (let i = 0; i < term.length; i++) {
    h ^= term.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return (h >>> 0) / 2 ** 31 - 1;
}

/**
 * Orthonormalise the `l` columns of `m` (rows × l, row-major) in place, by modified Gram–Schmidt
 * twice; the columns are copied out first so that each pass reads memory in order. A dependent
 * column becomes zero and stays so: it adds nothing to the subspace.
 */
function orthonormalise(m: Float64Array, rows: number, l: number): void {
  const columns = Array.from({ length: l }, (_, j) => {
    const c = new Float64Array(rows);
    for (let r = 0; r < rows; r++) c[r] = m[r * l + j]!;
    return c;
  });
  for (let pass = 0; pass < 2; pass++) {
    for (let j = 0; j < l; j++) {
      const cj = columns[j]!;
      for (let i = 0; i < j; i++) {
        const ci = columns[i]!;
        let dot = 0;
        for (let r = 0; r < rows; r++) dot += ci[r]! * cj[r]!;
        for (let r = 0; r < rows; r++) cj[r]! -= dot * ci[r]!;
      }
      let norm = 0;
      for (let r = 0; r < rows; r++) norm += cj[r]! * cj[r]!;
      norm = Math.sqrt(norm);
      for (let r = 0; r < rows; r++) cj[r] = norm > 1e-10 ? cj[r]! / norm : 0;
    }
  }
  columns.forEach((c, j) => {
    for (let r = 0; r < rows; r++) m[r * l + j] = c[r]!;
  });
}

/** A · X: A is the n × m sparse matrix of `vectors`, X is m × l. */
function times(vectors: readonly SparseVector[], x: Float64Array, l: number): Float64Array {
  const y = new Float64Array(vectors.length * l);
  vectors.forEach(({ indices, values }, r) => {
    for (let k = 0; k < indices.length; k++) {
      const v = values[k]!;
      const base = indices[k]! * l;
      for (let j = 0; j < l; j++) y[r * l + j]! += v * x[base + j]!;
    }
  });
  return y;
}

/** Aᵀ · Y: Y is n × l; the result is m × l. */
function timesTransposed(vectors: readonly SparseVector[], terms: number, y: Float64Array, l: number): Float64Array {
  const z = new Float64Array(terms * l);
  vectors.forEach(({ indices, values }, r) => {
    for (let k = 0; k < indices.length; k++) {
      const v = values[k]!;
      const base = indices[k]! * l;
      for (let j = 0; j < l; j++) z[base + j]! += v * y[r * l + j]!;
    }
  });
  return z;
}

/** Eigenvectors (columns of the returned l × l matrix) and eigenvalues of a symmetric matrix, by cyclic Jacobi. */
function symmetricEigen(s: Float64Array, l: number): { vectors: Float64Array; values: Float64Array } {
  const a = Float64Array.from(s);
  const v = new Float64Array(l * l);
  for (let i = 0; i < l; i++) v[i * l + i] = 1;
  for (let sweep = 0; sweep < 50; sweep++) {
    let off = 0;
    for (let p = 0; p < l; p++) for (let q = p + 1; q < l; q++) off += a[p * l + q]! ** 2;
    if (off < 1e-22) break;
    for (let p = 0; p < l; p++) {
      for (let q = p + 1; q < l; q++) {
        const apq = a[p * l + q]!;
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (a[q * l + q]! - a[p * l + p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const sn = t * c;
        for (let k = 0; k < l; k++) {
          const akp = a[k * l + p]!;
          const akq = a[k * l + q]!;
          a[k * l + p] = c * akp - sn * akq;
          a[k * l + q] = sn * akp + c * akq;
        }
        for (let k = 0; k < l; k++) {
          const apk = a[p * l + k]!;
          const aqk = a[q * l + k]!;
          a[p * l + k] = c * apk - sn * aqk;
          a[q * l + k] = sn * apk + c * aqk;
        }
        for (let k = 0; k < l; k++) {
          const vkp = v[k * l + p]!;
          const vkq = v[k * l + q]!;
          v[k * l + p] = c * vkp - sn * vkq;
          v[k * l + q] = sn * vkp + c * vkq;
        }
      }
    }
  }
  return { vectors: v, values: Float64Array.from({ length: l }, (_, i) => a[i * l + i]!) };
}

/**
 * Each idea's coordinates on the top `dimensions` singular directions of the TF-IDF matrix
 * (rows of U·Σ), L2-normalised: dense vectors whose dot product is the cosine similarity in the
 * latent space. `terms` names each column, for the start block.
 */
export function latentVectors(vectors: readonly SparseVector[], terms: readonly string[], dimensions: number, iterations = 6): Float64Array[] {
  const n = vectors.length;
  const m = terms.length;
  const k = Math.max(1, Math.min(dimensions, n, m));
  const l = Math.min(k + 10, n, m);
  let omega: Float64Array = new Float64Array(m * l);
  terms.forEach((term, t) => {
    for (let j = 0; j < l; j++) omega[t * l + j] = draw(term, j);
  });
  let q: Float64Array = times(vectors, omega, l);
  orthonormalise(q, n, l);
  // Power iterations: Q ← orth(A Aᵀ Q). Orthonormalising the n × l block each time is enough to
  // keep the columns apart; the m × l block in between is not (it is the larger one).
  for (let it = 0; it < iterations; it++) {
    omega = timesTransposed(vectors, m, q, l);
    q = times(vectors, omega, l);
    orthonormalise(q, n, l);
  }
  // B = Qᵀ A (l × m); B Bᵀ = Ũ Σ² Ũᵀ; the ideas' coordinates are Q Ũ Σ = Q Qᵀ A Aᵀ Q Ũ Σ⁻¹ ≈ Q B Bᵀ Ũ Σ⁻¹ = Q Ũ Σ.
  const bt = timesTransposed(vectors, m, q, l); // Aᵀ Q = Bᵀ, m × l
  const gram = new Float64Array(l * l);
  for (let t = 0; t < m; t++) {
    for (let i = 0; i < l; i++) {
      const x = bt[t * l + i]!;
      if (x === 0) continue;
      for (let j = i; j < l; j++) gram[i * l + j]! += x * bt[t * l + j]!;
    }
  }
  for (let i = 0; i < l; i++) for (let j = 0; j < i; j++) gram[i * l + j] = gram[j * l + i]!;
  const { vectors: u, values } = symmetricEigen(gram, l);
  const order = Array.from({ length: l }, (_, i) => i)
    .sort((a, b) => values[b]! - values[a]! || a - b)
    .slice(0, k);
  return Array.from({ length: n }, (_, r) => {
    const out = new Float64Array(k);
    order.forEach((col, j) => {
      const sigma = Math.sqrt(Math.max(0, values[col]!));
      let sum = 0;
      for (let i = 0; i < l; i++) sum += q[r * l + i]! * u[i * l + col]!;
      out[j] = sum * sigma;
    });
    let norm = 0;
    for (let j = 0; j < k; j++) norm += out[j]! ** 2;
    norm = Math.sqrt(norm);
    if (norm > 0) for (let j = 0; j < k; j++) out[j]! /= norm;
    return out;
  });
}
