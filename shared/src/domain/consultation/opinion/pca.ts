// Principal components by power iteration on the covariance matrix (CONS31): no dependency, and
// for 200 statements the covariance is 200 × 200, so each iteration costs 40,000 multiplications
// whatever the number of participants. Building the covariance is the one pass over the answers.
import { POWER_MAX_ITERATIONS, POWER_TOLERANCE } from './constants.js';
import type { PreparedMatrix } from './matrix.js';
import type { Random } from './random.js';

/** Below this an eigenvalue is zero: everyone answered alike along it (or there is one person). */
const ZERO_VARIANCE = 1e-12;

/**
 * Xᵀ·X / n of the centred matrix: the columns are copied out contiguously first, so each of the
 * m(m+1)/2 entries is one straight dot product (several times quicker than scattering each row's
 * pairs: 5,000 × 200 is 100 million multiply-adds either way).
 */
export function covariance({ m, centered, placed }: PreparedMatrix): Float64Array {
  const n = placed.length;
  const columns = new Float64Array(n * m);
  for (let r = 0; r < n; r++) for (let j = 0; j < m; j++) columns[j * n + r] = centered[r * m + j]!;
  const cov = new Float64Array(m * m);
  const scale = n > 0 ? 1 / n : 0;
  for (let j = 0; j < m; j++) {
    const a = columns.subarray(j * n, (j + 1) * n);
    for (let k = j; k < m; k++) {
      const b = columns.subarray(k * n, (k + 1) * n);
      let sum = 0;
      for (let r = 0; r < n; r++) sum += a[r]! * b[r]!;
      cov[j * m + k] = sum * scale;
      cov[k * m + j] = sum * scale;
    }
  }
  return cov;
}

/** The leading eigenvector of a symmetric positive semi-definite matrix, orthogonal to `against`; zeros if its eigenvalue is 0. */
function leadingVector(cov: Float64Array, m: number, random: Random, against: Float64Array | null): { vector: Float64Array; value: number } {
  let v = new Float64Array(m);
  for (let j = 0; j < m; j++) v[j] = random() - 0.5;
  orthonormalise(v, against);
  let value = 0;
  for (let iteration = 0; iteration < POWER_MAX_ITERATIONS; iteration++) {
    const w = new Float64Array(m);
    for (let j = 0; j < m; j++) {
      let sum = 0;
      const row = j * m;
      for (let k = 0; k < m; k++) sum += cov[row + k]! * v[k]!;
      w[j] = sum;
    }
    value = orthonormalise(w, against);
    if (value < ZERO_VARIANCE) return { vector: new Float64Array(m), value: 0 };
    let moved = 0;
    for (let j = 0; j < m; j++) moved = Math.max(moved, Math.abs(w[j]! - v[j]!));
    v = w;
    if (moved < POWER_TOLERANCE) break;
  }
  return { vector: fixSign(v), value };
}

/** Removes the part along `against` (deflation, kept exact every step), scales to length 1; returns the length before. */
function orthonormalise(v: Float64Array, against: Float64Array | null): number {
  if (against) {
    let dot = 0;
    for (let j = 0; j < v.length; j++) dot += v[j]! * against[j]!;
    for (let j = 0; j < v.length; j++) v[j]! -= dot * against[j]!;
  }
  let norm = 0;
  for (let j = 0; j < v.length; j++) norm += v[j]! * v[j]!;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let j = 0; j < v.length; j++) v[j]! /= norm;
  return norm;
}

/** An eigenvector's sign is arbitrary: its largest loading is made positive, so the map does not flip between recomputes. */
function fixSign(v: Float64Array): Float64Array {
  let largest = 0;
  for (let j = 0; j < v.length; j++) if (Math.abs(v[j]!) > Math.abs(largest) + 1e-12) largest = v[j]!;
  if (largest < 0) for (let j = 0; j < v.length; j++) v[j] = -v[j]!;
  return v;
}

export interface Projection {
  x: Float64Array;
  y: Float64Array;
}

/**
 * Each placed participant on the first two components. As pol.is does, someone who answered few
 * statements is pushed out by √(statements / answered): their imputed answers sit at the mean and
 * would otherwise pull everyone with few answers into the middle.
 */
export function project(matrix: PreparedMatrix, random: Random): Projection {
  const { m, centered, answered } = matrix;
  const n = matrix.placed.length;
  const cov = covariance(matrix);
  const first = leadingVector(cov, m, random, null);
  const second = leadingVector(cov, m, random, first.value === 0 ? null : first.vector);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    let px = 0;
    let py = 0;
    const base = r * m;
    for (let j = 0; j < m; j++) {
      const v = centered[base + j]!;
      px += v * first.vector[j]!;
      py += v * second.vector[j]!;
    }
    const scale = Math.sqrt(m / Math.max(1, answered[r]!));
    x[r] = px * scale;
    y[r] = py * scale;
  }
  return { x, y };
}
