// How often each pair of people has sat together. Dense (a byte per ordered pair; rounds are
// capped at MAX_ROUNDS < 256) while that stays small, a map beyond, so 2,000 people cost 4 MB
// and 20,000 do not cost 400 MB.

/** Largest participant count that gets the dense n² table (16 MB). */
const DENSE_LIMIT = 4096;

export interface PairCounts {
  get(a: number, b: number): number;
  add(a: number, b: number, delta: number): void;
  /** Calls back once per unordered pair that met at least once. */
  forEach(visit: (a: number, b: number, times: number) => void): void;
}

export function createPairCounts(n: number): PairCounts {
  return n <= DENSE_LIMIT ? denseCounts(n) : sparseCounts(n);
}

function denseCounts(n: number): PairCounts {
  const table = new Uint8Array(n * n);
  return {
    get: (a, b) => table[a * n + b]!,
    add(a, b, delta) {
      table[a * n + b]! += delta;
      table[b * n + a]! += delta;
    },
    forEach(visit) {
      for (let a = 0; a < n; a++) {
        for (let b = a + 1; b < n; b++) {
          const times = table[a * n + b]!;
          if (times > 0) visit(a, b, times);
        }
      }
    },
  };
}

function sparseCounts(n: number): PairCounts {
  const table = new Map<number, number>();
  const key = (a: number, b: number) => (a < b ? a * n + b : b * n + a);
  return {
    get: (a, b) => table.get(key(a, b)) ?? 0,
    add(a, b, delta) {
      const k = key(a, b);
      const times = (table.get(k) ?? 0) + delta;
      if (times === 0) table.delete(k);
      else table.set(k, times);
    },
    forEach(visit) {
      for (const [k, times] of table) visit(Math.floor(k / n), k % n, times);
    },
  };
}
