// A lower bound on repeated meetings that counting proves, given each table's in-room/remote mix.
// Pairs fall in three disjoint classes (in-room–in-room, remote–remote, mixed). If the plan seats
// P pairs of a class that has only N distinct pairs, at least P − N meetings repeat, and as a
// pair meets at most once a round, at least (P − N) / (rounds − 1) distinct pairs repeat.

export interface TableMix {
  inRoom: number;
  remote: number;
}

export interface RepeatBound {
  /** Lower bound on Σ over pairs of (times together − 1). */
  meetings: number;
  /** Lower bound on the number of pairs together more than once. */
  pairs: number;
}

const choose2 = (k: number) => (k * (k - 1)) / 2;

export function countingBound(mixes: Iterable<TableMix>, inRoomPeople: number, remotePeople: number, rounds: number): RepeatBound {
  let inRoomPairs = 0;
  let remotePairs = 0;
  let mixedPairs = 0;
  for (const { inRoom, remote } of mixes) {
    inRoomPairs += choose2(inRoom);
    remotePairs += choose2(remote);
    mixedPairs += inRoom * remote;
  }
  const excess = [inRoomPairs - choose2(inRoomPeople), remotePairs - choose2(remotePeople), mixedPairs - inRoomPeople * remotePeople].map((e) => Math.max(0, e));
  const meetings = excess.reduce((a, b) => a + b, 0);
  const pairs = rounds < 2 ? 0 : excess.reduce((sum, e) => sum + Math.ceil(e / (rounds - 1)), 0);
  return { meetings, pairs };
}

/** Hosts of one table meet in every round: with two rounds or more, each pair of them repeats. */
export function hostPairs(hostsPerTable: Iterable<number>, rounds: number): RepeatBound {
  let pairs = 0;
  for (const hosts of hostsPerTable) pairs += choose2(hosts);
  return rounds < 2 ? { meetings: 0, pairs: 0 } : { meetings: pairs * (rounds - 1), pairs };
}
