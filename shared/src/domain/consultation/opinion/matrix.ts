// The vote matrix as the engine reads it (CONS31): participants × statements, sparse, with
// agree 1, disagree −1, pass 0 and "not answered" missing. Typed arrays, so a worker receives
// 5,000 × 200 answers as three buffers instead of a million objects.
import { MIN_ANSWERS_TO_PLACE } from './constants.js';

export interface SparseVotes {
  /** Participant (row) index of each answer. */
  rows: Int32Array;
  /** Statement (column) index of each answer. */
  cols: Int32Array;
  /** 1 agree, −1 disagree, 0 pass. */
  votes: Int8Array;
}

export interface PreparedMatrix {
  /** Columns (statements). */
  m: number;
  /** Row indices (into the input) of the participants placed on the map, ascending. */
  placed: Int32Array;
  /** placed.length × m, row-major: vote − column mean where answered, 0 where not (the column mean imputed, then centred). */
  centered: Float64Array;
  /** Per placed participant, how many statements they answered. */
  answered: Int32Array;
}

/** How many answers place a participant: the minimum, or every statement when fewer are published. */
export function answersToPlace(statementCount: number): number {
  return Math.max(1, Math.min(MIN_ANSWERS_TO_PLACE, statementCount));
}

/**
 * Keeps the participants with enough answers, imputes each missing answer by its statement's mean
 * among them (as pol.is does: an unanswered statement says nothing, so it sits at the average) and
 * centres every column, ready for PCA. A repeated (row, column) pair keeps the last answer.
 */
export function prepareMatrix(participantCount: number, statementCount: number, votes: SparseVotes): PreparedMatrix {
  const m = statementCount;
  const dense = new Float64Array(participantCount * m).fill(Number.NaN);
  for (let a = 0; a < votes.rows.length; a++) {
    const row = votes.rows[a]!;
    const col = votes.cols[a]!;
    if (row < 0 || row >= participantCount || col < 0 || col >= m) continue;
    dense[row * m + col] = votes.votes[a]!;
  }
  const counts = new Int32Array(participantCount);
  for (let i = 0; i < participantCount; i++) {
    let count = 0;
    for (let j = 0; j < m; j++) if (!Number.isNaN(dense[i * m + j]!)) count++;
    counts[i] = count;
  }
  const need = answersToPlace(m);
  const placedList: number[] = [];
  for (let i = 0; i < participantCount; i++) if (counts[i]! >= need && m > 0) placedList.push(i);
  const placed = Int32Array.from(placedList);
  const n = placed.length;

  const sums = new Float64Array(m);
  const seen = new Int32Array(m);
  for (const i of placed) {
    for (let j = 0; j < m; j++) {
      const v = dense[i * m + j]!;
      if (!Number.isNaN(v)) {
        sums[j]! += v;
        seen[j]!++;
      }
    }
  }
  const means = new Float64Array(m);
  for (let j = 0; j < m; j++) means[j] = seen[j]! > 0 ? sums[j]! / seen[j]! : 0;

  const centered = new Float64Array(n * m);
  const answered = new Int32Array(n);
  for (let r = 0; r < n; r++) {
    const i = placed[r]!;
    answered[r] = counts[i]!;
    for (let j = 0; j < m; j++) {
      const v = dense[i * m + j]!;
      centered[r * m + j] = Number.isNaN(v) ? 0 : v - means[j]!;
    }
  }
  return { m, placed, centered, answered };
}
