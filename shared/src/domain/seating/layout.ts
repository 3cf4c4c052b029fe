// How many people of each mode sit at each table in a planned round (SEAT2, SEAT3, SEAT4, SEAT7).
// Sizes are levelled ("water-filled") within each table kind; the in-room share at hybrid
// tables is levelled too. The search then only swaps people of the same mode, so the layout holds.
import { IN_ROOM, KIND_HYBRID, KIND_IN_ROOM, KIND_REMOTE, type Problem } from './problem.js';

export interface Layout {
  /** Seats for in-room people per table (hosts included). */
  inRoomSeats: Int32Array;
  /** Seats for remote people per table (hosts included). */
  remoteSeats: Int32Array;
}

/**
 * Spreads `count` people over tables so that sizes differ by at most one, except where a
 * table's lower bound (its hosts) or capacity stops it. Returns null if it cannot be done.
 */
export function waterFill(lower: readonly number[], upper: readonly number[], count: number): number[] | null {
  let lowSum = 0;
  let highSum = 0;
  for (let k = 0; k < lower.length; k++) {
    lowSum += lower[k]!;
    highSum += upper[k]!;
  }
  if (count < lowSum || count > highSum) return null;
  const filled = (level: number) => {
    let sum = 0;
    for (let k = 0; k < lower.length; k++) sum += Math.min(upper[k]!, Math.max(lower[k]!, level));
    return sum;
  };
  // Largest level whose fill does not exceed count.
  let low = 0;
  let high = Math.max(0, ...upper);
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (filled(mid) <= count) low = mid;
    else high = mid - 1;
  }
  const level = low;
  let left = count - filled(level);
  return lower.map((lo, k) => {
    const size = Math.min(upper[k]!, Math.max(lo, level));
    if (left > 0 && lo <= level && level < upper[k]!) {
      left--;
      return size + 1;
    }
    return size;
  });
}

export function planLayout(problem: Problem): Layout | null {
  const T = problem.tableIds.length;
  const hostsIn = new Array<number>(T).fill(0);
  const hostsRemote = new Array<number>(T).fill(0);
  let inRoomPeople = 0;
  for (let i = 0; i < problem.n; i++) if (problem.mode[i] === IN_ROOM) inRoomPeople++;
  const remotePeople = problem.n - inRoomPeople;
  for (let k = 0; k < T; k++) {
    for (const h of problem.hostsAt[k]!) {
      if (problem.mode[h] === IN_ROOM) hostsIn[k]!++;
      else hostsRemote[k]!++;
    }
  }
  const tablesOf = (kind: number) => [...Array(T).keys()].filter((k) => problem.kind[k] === kind);
  const byKind = [tablesOf(KIND_IN_ROOM), tablesOf(KIND_REMOTE), tablesOf(KIND_HYBRID)];
  const sumOver = (tables: number[], values: readonly number[]) => tables.reduce((s, k) => s + values[k]!, 0);
  const lower = [...Array(T).keys()].map((k) => hostsIn[k]! + hostsRemote[k]!);
  const upper = [...problem.capacity];
  // Mode-only tables cannot take more of their mode than are left once hybrid hosts sit.
  const most = [inRoomPeople - sumOver(byKind[KIND_HYBRID]!, hostsIn), remotePeople - sumOver(byKind[KIND_HYBRID]!, hostsRemote)];

  const size = new Array<number>(T).fill(0);
  let active = [KIND_IN_ROOM, KIND_REMOTE, KIND_HYBRID];
  let remaining = problem.n;
  for (;;) {
    const tables = active.flatMap((kind) => byKind[kind]!);
    const fill = waterFill(
      tables.map((k) => lower[k]!),
      tables.map((k) => upper[k]!),
      remaining,
    );
    if (!fill) return null;
    tables.forEach((k, j) => (size[k] = fill[j]!));
    const over = active.find((kind) => kind !== KIND_HYBRID && sumOver(byKind[kind]!, size) > most[kind]!);
    if (over === undefined) break;
    // Too few people of this mode for a level fill: seat them all at their own tables, level the rest.
    const own = byKind[over]!;
    const ownFill = waterFill(
      own.map((k) => lower[k]!),
      own.map((k) => upper[k]!),
      most[over]!,
    );
    if (!ownFill) return null;
    own.forEach((k, j) => (size[k] = ownFill[j]!));
    remaining -= most[over]!;
    active = active.filter((kind) => kind !== over);
  }

  const inRoomSeats = new Int32Array(T);
  const remoteSeats = new Int32Array(T);
  for (const k of byKind[KIND_IN_ROOM]!) inRoomSeats[k] = size[k]!;
  for (const k of byKind[KIND_REMOTE]!) remoteSeats[k] = size[k]!;
  const hybrid = byKind[KIND_HYBRID]!;
  const hybridInRoom = inRoomPeople - sumOver(byKind[KIND_IN_ROOM]!, size);
  const share = waterFill(
    hybrid.map((k) => hostsIn[k]!),
    hybrid.map((k) => size[k]! - hostsRemote[k]!),
    hybridInRoom,
  );
  if (!share) return null;
  hybrid.forEach((k, j) => {
    inRoomSeats[k] = share[j]!;
    remoteSeats[k] = size[k]! - share[j]!;
  });
  return { inRoomSeats, remoteSeats };
}
