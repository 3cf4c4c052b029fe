// Seating planner from the command line, for organisers and for checking (docs/seating.md):
//   npm run plan -- --participants 15 --table-size 3 --rounds 7 [--seed N] [--json]
//   npm run plan -- --input participants.json --table-size 5 --rounds 3
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { MODES, planSeating, STAKEHOLDER_GROUPS, TABLE_KINDS, type SeatingParticipant, type SeatingResult, type SeatingTable } from '@open-talks/shared';
import { z } from 'zod';

const participantSchema = z.object({
  id: z.string().min(1),
  mode: z.enum(MODES).default('in-room'),
  stakeholderGroup: z.enum(STAKEHOLDER_GROUPS).default('other'),
  hostTableId: z.string().min(1).optional(),
});
const tableSchema = z.object({
  id: z.string().min(1),
  kind: z.enum(TABLE_KINDS).default('in-room'),
  capacity: z.number().int().min(1),
});
const participantsSchema = z.array(participantSchema);
const inputSchema = z.object({
  participants: participantsSchema,
  tables: z.array(tableSchema).optional(),
  rounds: z.number().int().min(1).optional(),
});

const USAGE = `usage: npm run plan -- (--participants N | --input file.json) [--table-size S] [--rounds R]
       [--remote M] [--seed N] [--effort E] [--json]`;

function fail(message: string, code = 2): never {
  console.error(message);
  process.exit(code);
}

function positive(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) fail(`--${name} must be a whole number ≥ 0\n${USAGE}`);
  return n;
}

/** Tables of `size` per mode, enough for everyone: in-room tables for in-room people, remote ones for remote people. */
function tablesFor(participants: readonly SeatingParticipant[], size: number): SeatingTable[] {
  const count = (mode: SeatingParticipant['mode']) => participants.filter((p) => p.mode === mode).length;
  const make = (n: number, kind: SeatingTable['kind'], prefix: string) =>
    Array.from({ length: Math.ceil(n / size) }, (_, i) => ({ id: `${prefix}${i + 1}`, kind, capacity: size }));
  return [...make(count('in-room'), 'in-room', 't'), ...make(count('remote'), 'remote', 'v')];
}

function syntheticPeople(inRoom: number, remote: number): SeatingParticipant[] {
  const make = (n: number, mode: SeatingParticipant['mode'], prefix: string, offset: number) =>
    Array.from({ length: n }, (_, i) => ({
      id: `${prefix}${i + 1}`,
      mode,
      stakeholderGroup: STAKEHOLDER_GROUPS[(i + offset) % STAKEHOLDER_GROUPS.length]!,
    }));
  return [...make(inRoom, 'in-room', 'p', 0), ...make(remote, 'remote', 'r', inRoom)];
}

function readInput(path: string): { participants: SeatingParticipant[]; tables?: SeatingTable[]; rounds?: number } {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    fail(`cannot read ${path}: ${(error as Error).message}`);
  }
  // A bare array is a participants list; an object may also bring tables and rounds.
  const parsed = Array.isArray(raw) ? participantsSchema.transform((participants) => ({ participants })).safeParse(raw) : inputSchema.safeParse(raw);
  if (!parsed.success) fail(`${path} is not a seating input:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

function printFigures(result: Extract<SeatingResult, { ok: true }>, elapsed: number): void {
  const { figures } = result;
  console.log(`repeated pairs        ${figures.repeatedPairs} (lower bound ${figures.repeatedPairsLowerBound})`);
  console.log(`repeated meetings     ${figures.repeatedMeetings} (lower bound ${figures.repeatedMeetingsLowerBound})`);
  console.log(`stays                 ${figures.stays} (lower bound ${figures.staysLowerBound})`);
  console.log(`diversity (overall)   ${figures.diversity.toFixed(3)}`);
  for (const [r, tables] of figures.diversityByRound.entries()) {
    const values = tables.map((t) => t.diversity);
    const low = values.length ? Math.min(...values) : 1;
    const mean = values.length ? values.reduce((a, b) => a + b, 0) / values.length : 1;
    const mixes = figures.hybridMixByRound[r]!.map((m) => `${m.inRoom}+${m.remote}`).join(' ');
    console.log(`round ${r + 1}: diversity mean ${mean.toFixed(3)}, lowest ${low.toFixed(3)}${mixes ? `; hybrid in-room+remote ${mixes}` : ''}`);
  }
  console.log(`planned in ${elapsed.toFixed(1)} ms`);
}

function main(): void {
  const { values } = parseArgs({
    options: {
      participants: { type: 'string' },
      remote: { type: 'string' },
      'table-size': { type: 'string' },
      rounds: { type: 'string' },
      seed: { type: 'string' },
      effort: { type: 'string' },
      input: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const tableSize = positive(values['table-size'], 'table-size', 5);
  if (tableSize < 1) fail('--table-size must be at least 1');
  const fromFile = values.input === undefined ? undefined : readInput(values.input);
  if (!fromFile && values.participants === undefined) fail(USAGE);
  const participants = fromFile?.participants ?? syntheticPeople(positive(values.participants, 'participants', 0), positive(values.remote, 'remote', 0));
  const tables = fromFile?.tables ?? tablesFor(participants, tableSize);
  const rounds = positive(values.rounds, 'rounds', fromFile?.rounds ?? 3);
  const seed = positive(values.seed, 'seed', 1);
  const effort = values.effort === undefined ? undefined : Number(values.effort);

  const start = performance.now();
  const result = planSeating({ participants, tables, rounds, seed, effort });
  const elapsed = performance.now() - start;
  if (!result.ok) fail(`cannot plan: ${result.error.message} (${result.error.code})`, 1);
  if (values.json) {
    console.log(JSON.stringify({ figures: result.figures, plan: result.plan }, null, 2));
    return;
  }
  const capacities = [...new Set(tables.map((t) => t.capacity))].join('/');
  console.log(`${participants.length} participants, ${tables.length} tables of ${capacities}, ${rounds} rounds, seed ${seed}`);
  printFigures(result, elapsed);
}

main();
