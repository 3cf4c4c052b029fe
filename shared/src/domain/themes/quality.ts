// How close a partition is to the known one (THEME7): adjusted Rand index and purity, for the
// labelled set's benchmark and its quality floor test. Labels are any strings; each item is one
// index into both label lists.

function choose2(n: number): number {
  return (n * (n - 1)) / 2;
}

function contingency(truth: readonly string[], predicted: readonly string[]) {
  if (truth.length !== predicted.length) throw new Error('label lists differ in length');
  const cells = new Map<string, number>();
  const rows = new Map<string, number>();
  const cols = new Map<string, number>();
  truth.forEach((t, i) => {
    const p = predicted[i]!;
    const cell = `${t}\u0000${p}`;
    cells.set(cell, (cells.get(cell) ?? 0) + 1);
    rows.set(t, (rows.get(t) ?? 0) + 1);
    cols.set(p, (cols.get(p) ?? 0) + 1);
  });
  return { cells, rows, cols };
}

/** Adjusted Rand index (Hubert & Arabie): 1 for the same partition, about 0 for chance, may go below 0. */
export function adjustedRandIndex(truth: readonly string[], predicted: readonly string[]): number {
  const { cells, rows, cols } = contingency(truth, predicted);
  const n = truth.length;
  const index = [...cells.values()].reduce((sum, c) => sum + choose2(c), 0);
  const a = [...rows.values()].reduce((sum, c) => sum + choose2(c), 0);
  const b = [...cols.values()].reduce((sum, c) => sum + choose2(c), 0);
  const expected = n > 1 ? (a * b) / choose2(n) : 0;
  const max = (a + b) / 2;
  if (max === expected) return 1;
  return (index - expected) / (max - expected);
}

/** Purity: the share of items in the predicted group's most common true label. */
export function purity(truth: readonly string[], predicted: readonly string[]): number {
  if (truth.length === 0) return 1;
  const { cells } = contingency(truth, predicted);
  const best = new Map<string, number>();
  for (const [cell, count] of cells) {
    const p = cell.slice(cell.indexOf('\u0000') + 1);
    best.set(p, Math.max(best.get(p) ?? 0, count));
  }
  return [...best.values()].reduce((sum, c) => sum + c, 0) / truth.length;
}

/**
 * The predicted label of each item from suggested themes: its theme's index, or a label of its
 * own when it is in no theme (an unassigned idea is a group of one, neither right nor wrong).
 */
export function labelsFromThemes(keys: readonly string[], themes: readonly { ideaKeys: readonly string[] }[]): string[] {
  const theme = new Map<string, string>();
  themes.forEach((t, i) => t.ideaKeys.forEach((key) => theme.set(key, `theme-${i}`)));
  return keys.map((key) => theme.get(key) ?? `alone-${key}`);
}
