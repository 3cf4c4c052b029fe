// The figures a plan reports about itself: repeated pairs and their proven lower bound (SEAT5),
// stakeholder-group diversity per table and overall (SEAT6), the mix at hybrid tables (SEAT7), and
// non-hosts who stay at a table for a second round (SEAT10).
import { countingBound, hostPairs, type TableMix } from './bounds.js';
import { hubOf, hubTables } from './hubs.js';
import { waterFill } from './layout.js';
import { createPairCounts } from './pair-counts.js';
import { countStays } from './stays.js';
import type { HybridMix, SeatingFigures, SeatingParticipant, SeatingPlan, SeatingTable, TableDiversity } from './types.js';

function entropy(counts: Iterable<number>, total: number): number {
  let h = 0;
  for (const c of counts) if (c > 0) h -= (c / total) * Math.log(c / total);
  return h;
}

/** Diversity scorer: entropy of a table's groups over the most even mix the room's groups allow at that size. */
function diversityScorer(groupSizes: number[]): (counts: Map<string, number>, size: number) => number {
  const best = new Map<number, number>();
  const bestEntropy = (size: number) => {
    let h = best.get(size);
    if (h === undefined) {
      const even = waterFill(
        groupSizes.map(() => 0),
        groupSizes,
        Math.min(
          size,
          groupSizes.reduce((a, b) => a + b, 0),
        ),
      );
      h = even ? entropy(even, size) : 0;
      best.set(size, h);
    }
    return h;
  };
  return (counts, size) => {
    const top = bestEntropy(size);
    return top === 0 ? 1 : Math.min(1, entropy(counts.values(), size) / top);
  };
}

/**
 * Figures for any plan (a planned one, or one a facilitator edited by hand). People not in
 * `participants` are ignored, and so are hubs and their tables (SEAT11): a hub alone at its
 * table meets nobody, mixes nothing and is meant to stay.
 */
export function measurePlan(plan: SeatingPlan, everyone: readonly SeatingParticipant[], allTables: readonly SeatingTable[]): SeatingFigures {
  const hubs = new Set(hubTables(allTables).values());
  const participants = hubs.size === 0 ? everyone : everyone.filter((p) => !hubs.has(p.id));
  const tables = hubs.size === 0 ? allTables : allTables.filter((t) => hubOf(t) === null);
  const index = new Map(participants.map((p, i) => [p.id, i]));
  const groupSizes = new Map<string, number>();
  for (const p of participants) groupSizes.set(p.stakeholderGroup, (groupSizes.get(p.stakeholderGroup) ?? 0) + 1);
  const diversityOf = diversityScorer([...groupSizes.values()]);
  const pairs = createPairCounts(participants.length);
  const mixes: TableMix[] = [];
  const diversityByRound: TableDiversity[][] = [];
  const hybridMixByRound: HybridMix[][] = [];
  let weighted = 0;
  let seated = 0;

  for (const round of plan.rounds) {
    const diversities: TableDiversity[] = [];
    const hybridMixes: HybridMix[] = [];
    for (const table of tables) {
      const people = (round[table.id] ?? []).map((id) => index.get(id)).filter((i) => i !== undefined);
      const counts = new Map<string, number>();
      const mix = { inRoom: 0, remote: 0 };
      for (const [a, i] of people.entries()) {
        const person = participants[i]!;
        counts.set(person.stakeholderGroup, (counts.get(person.stakeholderGroup) ?? 0) + 1);
        if (person.mode === 'in-room') mix.inRoom++;
        else mix.remote++;
        for (let b = a + 1; b < people.length; b++) pairs.add(i, people[b]!, 1);
      }
      mixes.push(mix);
      if (table.kind === 'hybrid') hybridMixes.push({ tableId: table.id, ...mix });
      if (people.length === 0) continue;
      const diversity = diversityOf(counts, people.length);
      diversities.push({ tableId: table.id, size: people.length, diversity });
      weighted += diversity * people.length;
      seated += people.length;
    }
    diversityByRound.push(diversities);
    hybridMixByRound.push(hybridMixes);
  }

  let repeatedPairs = 0;
  let repeatedMeetings = 0;
  pairs.forEach((_a, _b, times) => {
    if (times > 1) {
      repeatedPairs++;
      repeatedMeetings += times - 1;
    }
  });
  const inRoomPeople = participants.filter((p) => p.mode === 'in-room').length;
  const rounds = plan.rounds.length;
  const hostsPerTable = new Map<string, number>();
  for (const p of participants) {
    if (p.hostTableId !== undefined) hostsPerTable.set(p.hostTableId, (hostsPerTable.get(p.hostTableId) ?? 0) + 1);
  }
  const counted = countingBound(mixes, inRoomPeople, participants.length - inRoomPeople, rounds);
  const hosts = hostPairs(hostsPerTable.values(), rounds);
  return {
    repeatedPairs,
    repeatedPairsLowerBound: Math.max(counted.pairs, hosts.pairs),
    repeatedMeetings,
    repeatedMeetingsLowerBound: Math.max(counted.meetings, hosts.meetings),
    ...countStays(plan, participants),
    diversity: seated === 0 ? 1 : weighted / seated,
    diversityByRound,
    hybridMixByRound,
  };
}
