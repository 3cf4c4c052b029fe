// Seating planner benchmark (issue 3): time, repeated pairs and mix on instances from a small
// café to 2,000 people, and on tight designs (Kirkman's schoolgirls, the affine plane of order 4);
// SEAT10 stays (non-hosts at the same table twice running) with and without the moves phase.
// Times are wall-clock medians of several runs with different seeds; never asserted in tests.
import { createRng, planSeating, STAKEHOLDER_GROUPS, type SeatingParticipant, type SeatingTable } from '../../shared/src/index.js';
import { planSeatingWith } from '../../shared/src/domain/seating/planner.js';

interface Instance {
  name: string;
  participants: SeatingParticipant[];
  tables: SeatingTable[];
  rounds: number;
}

const RUNS = 5;

/** People with groups drawn from a skewed room mix (more government and civil society). */
function people(count: number, mode: SeatingParticipant['mode'], prefix: string, seed: number): SeatingParticipant[] {
  const rng = createRng(seed);
  const weights = [4, 2, 4, 2, 2, 1, 1];
  const total = weights.reduce((a, b) => a + b, 0);
  return Array.from({ length: count }, (_, i) => {
    let pick = rng.int(total);
    let g = 0;
    while (pick >= weights[g]!) pick -= weights[g++]!;
    return { id: `${prefix}${i + 1}`, mode, stakeholderGroup: STAKEHOLDER_GROUPS[g]! };
  });
}

function tables(count: number, kind: SeatingTable['kind'], capacity: number, prefix = kind[0]!): SeatingTable[] {
  return Array.from({ length: count }, (_, i) => ({ id: `${prefix}${i + 1}`, kind, capacity }));
}

function uniform(n: number, tableCount: number, size: number, rounds: number, name?: string): Instance {
  return {
    name: name ?? `${n} in room`,
    participants: people(n, 'in-room', 'p', n),
    tables: tables(tableCount, 'in-room', size),
    rounds,
  };
}

function hybridCafe(): Instance {
  const inRoom = people(300, 'in-room', 'i', 1);
  const remote = people(100, 'remote', 'r', 2);
  const all = [...tables(60, 'in-room', 5), ...tables(18, 'remote', 5), ...tables(10, 'hybrid', 6)];
  // A host at every fifth table stays all rounds.
  for (let t = 0; t < all.length; t += 5) {
    const table = all[t]!;
    const pool = table.kind === 'remote' ? remote : inRoom;
    const host = pool.find((p) => p.hostTableId === undefined)!;
    host.hostTableId = table.id;
  }
  return { name: '400 hybrid, hosts', participants: [...inRoom, ...remote], tables: all, rounds: 4 };
}

const instances: Instance[] = [
  uniform(50, 10, 5, 3, 'small café'),
  uniform(15, 5, 3, 7, 'Kirkman'),
  uniform(16, 4, 4, 5, 'affine plane 4'),
  uniform(32, 8, 4, 8, 'social golfers'),
  uniform(20, 4, 5, 6, 'over-full (bound > 0)'),
  hybridCafe(),
  uniform(1000, 200, 5, 4),
  uniform(2000, 400, 5, 4),
];

const range = (values: number[]) => {
  const [low, high] = [Math.min(...values), Math.max(...values)];
  return low === high ? String(low) : `${low}–${high}`;
};
const median = (values: number[]) => values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
// Warm-up (JIT) of both planners, so the first instance's times compare fairly.
for (const moves of [true, false]) planSeatingWith({ ...instances[0]!, seed: 0 }, { moves });
const rows: string[][] = [
  [
    'instance',
    'n',
    'tables',
    'size',
    'rounds',
    'median ms',
    'max ms',
    'ms without SEAT10',
    'repeated pairs',
    'lower bound',
    'repeated meetings',
    'lower bound',
    'stays',
    'without SEAT10',
    'lower bound',
    'diversity',
  ],
];
for (const instance of instances) {
  const times: number[] = [];
  const timesBefore: number[] = [];
  const repeats: number[] = [];
  const meetings: number[] = [];
  let bound = 0;
  let meetingsBound = 0;
  let diversity = 0;
  const stays: number[] = [];
  const staysBefore: number[] = [];
  let staysBound = 0;
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    const result = planSeating({ ...instance, seed: run + 1 });
    times.push(performance.now() - start);
    if (!result.ok) throw new Error(`${instance.name}: ${result.error.message}`);
    repeats.push(result.figures.repeatedPairs);
    meetings.push(result.figures.repeatedMeetings);
    bound = result.figures.repeatedPairsLowerBound;
    meetingsBound = result.figures.repeatedMeetingsLowerBound;
    diversity += result.figures.diversity / RUNS;
    stays.push(result.figures.stays);
    staysBound = result.figures.staysLowerBound;
    // The same seed without SEAT10's moves: what the planner gave before.
    const startBefore = performance.now();
    const before = planSeatingWith({ ...instance, seed: run + 1 }, { moves: false });
    timesBefore.push(performance.now() - startBefore);
    if (before.ok) staysBefore.push(before.figures.stays);
  }
  const capacities = [...new Set(instance.tables.map((t) => t.capacity))].join('/');
  rows.push([
    instance.name,
    String(instance.participants.length),
    String(instance.tables.length),
    capacities,
    String(instance.rounds),
    median(times).toFixed(1),
    Math.max(...times).toFixed(1),
    median(timesBefore).toFixed(1),
    range(repeats),
    String(bound),
    range(meetings),
    String(meetingsBound),
    range(stays),
    range(staysBefore),
    String(staysBound),
    diversity.toFixed(3),
  ]);
}

const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
console.log(`seating planner, ${RUNS} runs per instance (seeds 1…${RUNS}), Node ${process.version}`);
for (const [i, row] of rows.entries()) {
  console.log(row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '));
  if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
}
