// The order of ideas within a theme on the harvest board (BOARD1–BOARD3, docs/notepads.md).
// Positions are numbers in a Y.Map (idea key → position), read with the placement: a column lists
// its positioned ideas by position (ties by key, so every reader agrees), then the ones never
// placed by hand in the default order (round, table, when written). Moving an idea writes its own
// position between its new neighbours' ("fractional"), so two people moving different cards at
// once both keep their move; only when there is no room left between two numbers, or a neighbour
// has no position yet, is the whole column numbered again. Pure; no yjs here.
import { harvestPosition } from './harvest.js';

/**
 * The positions to write so that `moving` ends up in `column` (its keys in board order, `moving`
 * among them or not) just before `beforeKey`, or at the end when `beforeKey` is null or not in the
 * column. Usually one entry (the moving idea's); the whole column when it must be numbered again.
 * An empty map: the idea is already there.
 */
export function planHarvestMove(column: readonly string[], order: ReadonlyMap<string, number>, moving: string, beforeKey: string | null): Map<string, number> {
  const others = column.filter((key) => key !== moving);
  const found = beforeKey === null ? -1 : others.indexOf(beforeKey);
  const index = found < 0 ? others.length : found;
  const wanted = [...others.slice(0, index), moving, ...others.slice(index)];
  if (column.length === wanted.length && wanted.every((key, i) => key === column[i])) return new Map();
  const prev = index > 0 ? harvestPosition(order, others[index - 1]!) : undefined;
  const next = index < others.length ? harvestPosition(order, others[index]!) : undefined;
  const prevOk = index === 0 || prev !== undefined;
  const nextOk = index === others.length || next !== undefined;
  if (prevOk && nextOk) {
    const position = between(prev, next);
    if (position !== undefined) return new Map([[moving, position]]);
  }
  return new Map(wanted.map((key, i) => [key, i + 1]));
}

/** A number strictly between two positions (either side open), or undefined when there is none left. */
function between(prev: number | undefined, next: number | undefined): number | undefined {
  if (prev === undefined && next === undefined) return 1;
  if (prev === undefined) return next! - 1;
  if (next === undefined) return prev + 1;
  const mid = prev + (next - prev) / 2;
  return mid > prev && mid < next && Number.isFinite(mid) ? mid : undefined;
}
