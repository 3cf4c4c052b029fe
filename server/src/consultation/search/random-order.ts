// The `random` sort (CONS22): an order that gives no early comer an advantage, yet stays the same
// for one seed, so reading page after page neither repeats nor skips a contribution. Each id gets
// a 32-bit key from the seed and the id (FNV-1a, then murmur3's finaliser to spread it); ties, as
// rare as they are, fall back on the id.

function keyOf(seed: number, id: string): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/** The ids in the seed's order (a new array). */
export function randomOrder(ids: readonly string[], seed: number): string[] {
  const keyed = ids.map((id) => ({ id, key: keyOf(seed, id) }));
  keyed.sort((a, b) => a.key - b.key || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return keyed.map((entry) => entry.id);
}

/** A seed for a first page that came without one. */
export function newSeed(): number {
  return Math.floor(Math.random() * 2_147_483_647);
}
