// The opinion report of one question (CONS30–CONS36): from the answers to what every screen shows.
import type { OpinionGroupView, OpinionReport, StatementResult } from '../../../protocol/consultation-views.js';
import { hideSmallCounts } from '../../small-counts.js';
import { STAKEHOLDER_GROUPS, type Attribution, type StakeholderGroup } from '../../words.js';
import type { StatementVote } from '../words.js';
import { DEFAULT_SEED, POINTS_SAMPLE, REPRESENTATIVE_COUNT } from './constants.js';
import { findGroups, type Clustering } from './kmeans.js';
import { prepareMatrix, type SparseVotes } from './matrix.js';
import { project, type Projection } from './pca.js';
import { seededRandom } from './random.js';
import { consensusScore, divisivenessScore, emptyTally, representativeness, round3, statementKind, type Tally } from './scores.js';

export interface OpinionInput {
  questionId: string;
  /** Epoch ms, stamped on the report (the domain reads no clock). */
  computedAt: number;
  attribution: Attribution;
  /** Published statements: the matrix's columns, in this order. */
  statements: readonly { id: string; text: string }[];
  /** The matrix's rows: each answerer's stakeholder group (null: none declared). */
  participantGroups: readonly (StakeholderGroup | null)[];
  answers: SparseVotes;
  seed?: number;
}

const VOTE_NAMES: Record<number, StatementVote> = { 1: 'agree', [-1]: 'disagree', 0: 'pass' };

/** The placing and grouping alone (what the property tests check against planted groups). */
export interface Placement {
  /** Per input row: its opinion group, or −1 when not placed (too few answers). */
  groupOf: Int32Array;
  clustering: Clustering;
  projection: Projection;
  placed: Int32Array;
}

export function placeParticipants(participantCount: number, statementCount: number, answers: SparseVotes, seed = DEFAULT_SEED): Placement {
  const random = seededRandom(seed);
  const matrix = prepareMatrix(participantCount, statementCount, answers);
  const projection = project(matrix, random);
  const clustering = findGroups(projection, random);
  const groupOf = new Int32Array(participantCount).fill(-1);
  matrix.placed.forEach((row, r) => (groupOf[row] = clustering.assignment[r]!));
  return { groupOf, clustering, projection, placed: matrix.placed };
}

export function computeOpinionReport(input: OpinionInput): OpinionReport {
  const { statements, participantGroups, answers, attribution } = input;
  const m = statements.length;
  const n = participantGroups.length;
  const placement = placeParticipants(n, m, answers, input.seed);
  const k = placement.clustering.k;

  // The last answer per (row, column) counts, as in prepareMatrix; a dense byte per cell (2 = none) is far quicker than a map.
  const NONE = 2;
  const last = new Int8Array(n * m).fill(NONE);
  for (let a = 0; a < answers.rows.length; a++) {
    const row = answers.rows[a]!;
    const col = answers.cols[a]!;
    if (row >= 0 && row < n && col >= 0 && col < m) last[row * m + col] = answers.votes[a]!;
  }
  const overall = Array.from({ length: m }, emptyTally);
  const byGroup = Array.from({ length: m }, () => Array.from({ length: k }, emptyTally));
  const byStakeholder = Array.from({ length: m }, () => new Map<StakeholderGroup, Tally>());
  for (let row = 0; row < n; row++) {
    const group = placement.groupOf[row]!;
    const stakeholder = participantGroups[row];
    for (let col = 0; col < m; col++) {
      const vote = last[row * m + col]!;
      if (vote === NONE) continue;
      const name = VOTE_NAMES[vote] ?? 'pass';
      overall[col]![name]++;
      if (group >= 0) byGroup[col]![group]![name]++;
      if (stakeholder) {
        let tally = byStakeholder[col]!.get(stakeholder);
        if (!tally) byStakeholder[col]!.set(stakeholder, (tally = emptyTally()));
        tally[name]++;
      }
    }
  }

  const results: StatementResult[] = statements.map((statement, col) => {
    const consensus = consensusScore(byGroup[col]!);
    const divisiveness = divisivenessScore(byGroup[col]!);
    return {
      statementId: statement.id,
      text: statement.text,
      tally: overall[col]!,
      byOpinionGroup: byGroup[col]!,
      byStakeholderGroup: stakeholderBreakdown(byStakeholder[col]!, attribution),
      consensus: round3(consensus),
      divisiveness: round3(divisiveness),
      kind: statementKind(overall[col]!, consensus, divisiveness),
    };
  });

  const sizes = new Array<number>(k).fill(0);
  for (const g of placement.clustering.assignment) sizes[g]!++;
  const groups: OpinionGroupView[] = sizes.map((size, index) => ({ index, size, representative: k < 2 ? [] : representative(byGroup, index, statements) }));
  // One group has nobody to be compared with: no representative statements.

  return {
    questionId: input.questionId,
    computedAt: input.computedAt,
    answerers: placement.placed.length,
    groups,
    statements: results,
    points: samplePoints(placement),
  };
}

/**
 * CONS34: by stakeholder group, only where the attribution allows groups at all (never under
 * `anonymous`, ATTR5), and, by the same rule as attendance and polls (`hideSmallCounts`), a group
 * of 1 or 2 answerers (and any it takes to protect them from subtraction) is null: not shown.
 */
function stakeholderBreakdown(tallies: ReadonlyMap<StakeholderGroup, Tally>, attribution: Attribution): StatementResult['byStakeholderGroup'] {
  if (attribution === 'anonymous') return {};
  const counts = Object.fromEntries(STAKEHOLDER_GROUPS.map((g) => [g, tallies.get(g) ? tallies.get(g)!.agree + tallies.get(g)!.disagree + tallies.get(g)!.pass : 0])) as Record<
    StakeholderGroup,
    number
  >;
  const shown = hideSmallCounts(counts, STAKEHOLDER_GROUPS);
  const breakdown: StatementResult['byStakeholderGroup'] = {};
  for (const group of STAKEHOLDER_GROUPS) {
    if (counts[group] === 0) continue;
    breakdown[group] = shown[group] === null ? null : tallies.get(group)!;
  }
  return breakdown;
}

/** The statements a group agrees with most compared with everyone else placed (CONS35), best first. */
function representative(byGroup: readonly Tally[][], group: number, statements: OpinionInput['statements']): string[] {
  const scored: { id: string; score: number; col: number }[] = [];
  byGroup.forEach((groups, col) => {
    const others = emptyTally();
    groups.forEach((t, g) => {
      if (g === group) return;
      others.agree += t.agree;
      others.disagree += t.disagree;
      others.pass += t.pass;
    });
    const score = representativeness(groups[group]!, others);
    if (score !== null) scored.push({ id: statements[col]!.id, score, col });
  });
  scored.sort((a, b) => b.score - a.score || a.col - b.col);
  return scored.slice(0, REPRESENTATIVE_COUNT).map((s) => s.id);
}

/** At most POINTS_SAMPLE placed people, evenly spread over the placed list (no ids: only the position and the group). */
function samplePoints({ projection, clustering }: Placement): OpinionReport['points'] {
  const n = projection.x.length;
  const count = Math.min(n, POINTS_SAMPLE);
  const points: OpinionReport['points'] = [];
  for (let s = 0; s < count; s++) {
    const r = Math.floor((s * n) / count);
    points.push({ x: round3(projection.x[r]!), y: round3(projection.y[r]!), group: clustering.assignment[r]! });
  }
  return points;
}
