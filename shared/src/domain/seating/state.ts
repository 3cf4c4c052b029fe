// The mutable state the search works on: who sits where in each planned round, how often each
// pair has met (locked rounds included), and the two costs it minimises incrementally:
// excess meetings Σ max(0, times − 1) (SEAT5) and Σ (people of one group at one table)² (SEAT6).
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
    return (
      this.repeatsAt(r, a, tableB, b) + this.repeatsAt(r, b, tableA, a) - this.conflictsOf(r, a) - this.conflictsOf(r, b)
    );
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
