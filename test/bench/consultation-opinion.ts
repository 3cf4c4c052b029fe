// Opinion-group benchmark (issue 15, CONS36): the whole report (matrix, PCA, k-means for k = 2…5
// with restarts, silhouette, tallies, stakeholder breakdown) for 1,000 × 50 and 5,000 × 200
// answers, as the worker computes it. Wall-clock median of several runs, the heap it takes, and
// the 2 s budget the issue sets. `npm run bench:consultation` runs it after the search figures;
// alone: node --expose-gc --import tsx test/bench/consultation-opinion.ts
import { availableParallelism, loadavg } from 'node:os';
import { computeOpinionReport, type OpinionInput } from '../../shared/src/domain/consultation/opinion/index.js';
import { STAKEHOLDER_GROUPS } from '../../shared/src/domain/words.js';
import { plantedVoters } from '../fixtures/opinion-voters.js';

const RUNS = 5;
const BUDGET = 2_000; // ms, for 5,000 × 200 (issue 15)

function input(answerers: number, statements: number): OpinionInput {
  const groups = 3;
  const planted = plantedVoters({ groups, perGroup: Math.ceil(answerers / groups), statements, skip: 0, consensus: 5, seed: answerers });
  return {
    questionId: 'q',
    computedAt: 0,
    attribution: 'group',
    statements: Array.from({ length: statements }, (_, i) => ({ id: `s${i}`, text: `Statement ${i}` })),
    participantGroups: Array.from({ length: planted.participants }, (_, i) => STAKEHOLDER_GROUPS[i % STAKEHOLDER_GROUPS.length]!),
    answers: planted.votes,
  };
}

// On a shared machine wall-clock time includes waiting for a core; the CPU time is what the
// computation itself costs, and the load average says how busy the machine was.
console.log(
  `load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(', ')} on ${availableParallelism()} cores`,
);

const gc = (globalThis as { gc?: () => void }).gc;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

for (const [answerers, statements] of [
  [1_000, 50],
  [5_000, 200],
] as const) {
  const data = input(answerers, statements);
  const times: number[] = [];
  const cpu: number[] = [];
  let peak = 0;
  let groups = 0;
  for (let run = 0; run < RUNS; run++) {
    gc?.();
    const before = process.memoryUsage().heapUsed;
    const start = performance.now();
    const startCpu = process.cpuUsage();
    const report = computeOpinionReport(data);
    times.push(performance.now() - start);
    const used = process.cpuUsage(startCpu);
    cpu.push((used.user + used.system) / 1000);
    peak = Math.max(peak, process.memoryUsage().heapUsed - before);
    groups = report.groups.length;
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  const verdict = answerers === 5_000 ? (median < BUDGET ? ` (under the ${BUDGET} ms budget)` : ` (OVER the ${BUDGET} ms budget)`) : '';
  console.log(
    `opinion groups ${answerers} × ${statements} (${data.answers.rows.length} answers): median ${median.toFixed(0)} ms of ${RUNS} runs${verdict}, ` +
      `CPU median ${cpu[Math.floor(cpu.length / 2)]!.toFixed(0)} ms, min ${times[0]!.toFixed(0)} ms, max ${times[times.length - 1]!.toFixed(0)} ms; ${groups} groups; heap +${mb(peak)}${gc ? '' : ' (run with --expose-gc for a cleaner figure)'}`,
  );
}
