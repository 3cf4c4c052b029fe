// The mutable state the search works on: who sits where in each planned round, how often each
// pair has met (locked rounds included), and the two costs it minimises incrementally:
// excess meetings Σ max(0, times − 1) (SEAT5) and Σ (people of one group at one table)² (SEAT6);
// and, for SEAT10, where each person sat the round before (stays are counted on demand).
import { createPairCounts, type PairCounts } from './pair-counts.js';
import type { Problem } from './problem.js';

export class SeatingState {
  readonly planned: number;
  readonly tables: number;
  /** tableOf[r][person] for planned round r, or -1 while unseated. */
  readonly tableOf: Int32Array[];
  /** members[r][table]: people seated there. */
  readonly members: number[][][];
  /** groupAt[r][table * groupCount + group]: head count. */
  readonly groupAt: Int32Array[];
  readonly pairs: PairCounts;
  /** Table of each person in the last locked round, or -1 (not seated then, or no locked round). */
  readonly lockedTable: Int32Array;
  excess = 0;
  groupCost = 0;

  constructor(readonly problem: Problem) {
    const { n, rounds, lockedRounds, tableIds, groupCount } = problem;
    this.planned = rounds - lockedRounds.length;
    this.tables = tableIds.length;
    this.tableOf = Array.from({ length: this.planned }, () => new Int32Array(n).fill(-1));
    this.members = Array.from({ length: this.planned }, () => Array.from({ length: this.tables }, () => []));
    this.groupAt = Array.from({ length: this.planned }, () => new Int32Array(this.tables * groupCount));
    this.pairs = createPairCounts(n);
    const index = new Map(problem.ids.map((id, i) => [id, i]));
    this.lockedTable = new Int32Array(n).fill(-1);
    const lastLocked = lockedRounds[lockedRounds.length - 1];
    if (lastLocked) {
      for (const [k, tableId] of tableIds.entries()) {
        for (const id of lastLocked[tableId] ?? []) {
          const i = index.get(id);
          if (i !== undefined) this.lockedTable[i] = k;
        }
      }
    }
    for (const round of lockedRounds) {
      for (const ids of Object.values(round)) {
        const people = ids.map((id) => index.get(id)).filter((i) => i !== undefined);
        for (let a = 0; a < people.length; a++) {
          for (let b = a + 1; b < people.length; b++) this.meet(people[a]!, people[b]!, 1);
        }
      }
    }
  }

  private meet(a: number, b: number, delta: 1 | -1): void {
    const before = this.pairs.get(a, b);
    if (delta === 1 ? before >= 1 : before >= 2) this.excess += delta;
    this.pairs.add(a, b, delta);
  }

  seat(r: number, person: number, table: number): void {
    for (const other of this.members[r]![table]!) this.meet(person, other, 1);
    this.members[r]![table]!.push(person);
    this.tableOf[r]![person] = table;
    const cell = table * this.problem.groupCount + this.problem.group[person]!;
    this.groupCost += 2 * this.groupAt[r]![cell]! + 1;
    this.groupAt[r]![cell]!++;
  }

  /** Meetings person would repeat at table in round r (the table's members, minus `except`). */
  repeatsAt(r: number, person: number, table: number, except = -1): number {
    let repeats = 0;
    for (const other of this.members[r]![table]!) {
      if (other !== except && this.pairs.get(person, other) >= 1) repeats++;
    }
    return repeats;
  }

  /** Meetings person has already repeated at their own table in round r. */
  conflictsOf(r: number, person: number): number {
    let conflicts = 0;
    for (const other of this.members[r]![this.tableOf[r]![person]!]!) {
      if (other !== person && this.pairs.get(person, other) >= 2) conflicts++;
    }
    return conflicts;
  }

  /** Change in excess meetings if a and b (at different tables in round r) swapped seats. */
  swapExcessDelta(r: number, a: number, b: number): number {
    const tableA = this.tableOf[r]![a]!;
    const tableB = this.tableOf[r]![b]!;
    return this.repeatsAt(r, a, tableB, b) + this.repeatsAt(r, b, tableA, a) - this.conflictsOf(r, a) - this.conflictsOf(r, b);
  }

  /** Change in Σ group² if a and b swapped seats in round r. */
  swapGroupDelta(r: number, a: number, b: number): number {
    const { group, groupCount } = this.problem;
    const ga = group[a]!;
    const gb = group[b]!;
    if (ga === gb) return 0;
    const counts = this.groupAt[r]!;
    const baseA = this.tableOf[r]![a]! * groupCount;
    const baseB = this.tableOf[r]![b]! * groupCount;
    return 2 * (counts[baseA + gb]! - counts[baseA + ga]! + counts[baseB + ga]! - counts[baseB + gb]!) + 4;
  }

  /** Change in repeated *pairs* (pairs together more than once) if a and b swapped seats in round r. */
  swapPairDelta(r: number, a: number, b: number): number {
    const tableA = this.tableOf[r]![a]!;
    const tableB = this.tableOf[r]![b]!;
    let delta = 0;
    for (const [person, from, to, other] of [
      [a, tableA, tableB, b],
      [b, tableB, tableA, a],
    ] as const) {
      for (const m of this.members[r]![from]!) if (m !== person && this.pairs.get(person, m) === 2) delta--;
      for (const m of this.members[r]![to]!) if (m !== other && this.pairs.get(person, m) === 1) delta++;
    }
    return delta;
  }

  /** Table of person in the round before planned round r (a locked round for r = 0), or -1. */
  tableBefore(r: number, person: number): number {
    return r === 0 ? this.lockedTable[person]! : this.tableOf[r - 1]![person]!;
  }

  /** SEAT10: how many of person's moves into and out of planned round r are stays, were they at table. */
  staysAt(r: number, person: number, table: number): number {
    if (this.problem.hostTable[person] !== -1) return 0;
    const before = this.tableBefore(r, person) === table ? 1 : 0;
    const after = r + 1 < this.planned && this.tableOf[r + 1]![person] === table ? 1 : 0;
    return before + after;
  }

  /** Change in SEAT10 stays if a and b (at different tables in round r) swapped seats. */
  swapStayDelta(r: number, a: number, b: number): number {
    const tableA = this.tableOf[r]![a]!;
    const tableB = this.tableOf[r]![b]!;
    return this.staysAt(r, a, tableB) + this.staysAt(r, b, tableA) - this.staysAt(r, a, tableA) - this.staysAt(r, b, tableB);
  }

  /** SEAT10: non-hosts at the same table as the round before, over all planned rounds. */
  stays(): number {
    let stays = 0;
    for (let r = 0; r < this.planned; r++) {
      for (let person = 0; person < this.problem.n; person++) {
        if (this.problem.hostTable[person] === -1 && this.tableBefore(r, person) === this.tableOf[r]![person]) stays++;
      }
    }
    return stays;
  }

  /** Moves everyone at `from[j]` in round r to `to[j]` (a permutation of the same tables): no meeting changes. */
  relabel(r: number, from: readonly number[], to: readonly number[]): void {
    const groups = from.map((k) => this.members[r]![k]!.slice());
    for (const people of groups) for (const person of people) this.unseat(r, person);
    groups.forEach((people, j) => {
      for (const person of people) this.seat(r, person, to[j]!);
    });
  }

  swap(r: number, a: number, b: number): void {
    const tableA = this.tableOf[r]![a]!;
    const tableB = this.tableOf[r]![b]!;
    this.unseat(r, a);
    this.unseat(r, b);
    this.seat(r, a, tableB);
    this.seat(r, b, tableA);
  }

  unseat(r: number, person: number): void {
    const table = this.tableOf[r]![person]!;
    const members = this.members[r]![table]!;
    const at = members.indexOf(person);
    members[at] = members[members.length - 1]!;
    members.pop();
    for (const other of members) this.meet(person, other, -1);
    this.tableOf[r]![person] = -1;
    const cell = table * this.problem.groupCount + this.problem.group[person]!;
    this.groupAt[r]![cell]!--;
    this.groupCost -= 2 * this.groupAt[r]![cell]! + 1;
  }

  snapshot(): Int32Array[] {
    return this.tableOf.map((seats) => seats.slice());
  }

  restore(snapshot: readonly Int32Array[]): void {
    for (let r = 0; r < this.planned; r++) {
      const target = snapshot[r]!;
      const moved: number[] = [];
      for (let person = 0; person < target.length; person++) {
        if (this.tableOf[r]![person] !== target[person]) moved.push(person);
      }
      for (const person of moved) this.unseat(r, person);
      for (const person of moved) this.seat(r, person, target[person]!);
    }
  }
}
