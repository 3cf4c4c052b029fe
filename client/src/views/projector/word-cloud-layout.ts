// PROJ10: a word cloud laid out without overlap. Pure and deterministic: the same words in the
// same box always land in the same places. Words are placed biggest first, each on an
// Archimedean spiral from the centre until its box (estimated from font size × characters)
// touches no box already placed and stays inside the area; a word that fits nowhere is left out
// (it is still in the list under the cloud, with its count).

export interface CloudWord {
  key: string;
  word: string;
  count: number;
}

export interface PlacedWord extends CloudWord {
  /** Centre of the word, px from the area's top-left. */
  x: number;
  y: number;
  /** Font size, px. */
  size: number;
  /** The box the word may take, px. */
  width: number;
  height: number;
}

export interface CloudOptions {
  width: number; // px
  height: number; // px
  minSize?: number; // px
  maxSize?: number; // px
  /** Space kept around each word, px. */
  padding?: number;
  /** Width of one character as a share of the font size; wide enough for CJK (1.0) when any character is. */
  measure?: (word: string, size: number) => number;
}

const SPIRAL_ARC = 6; // px along the spiral between two tries
const SPIRAL_GROWTH = 2.5; // px of radius per radian
const FILL = 0.45; // share of the area the words' boxes may cover

/** A conservative width: wide characters (CJK, full-width) count as a whole em, others as 0.62 em. */
export function estimateWidth(word: string, size: number): number {
  let ems = 0;
  for (const ch of word) ems += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 1 : 0.62;
  return Math.ceil(ems * size);
}

function overlaps(a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }): boolean {
  return Math.abs(a.x - b.x) * 2 < a.width + b.width && Math.abs(a.y - b.y) * 2 < a.height + b.height;
}

/** The words sized by count and placed so that no two boxes overlap and every box is inside the area. */
export function layoutWordCloud(words: readonly CloudWord[], options: CloudOptions): PlacedWord[] {
  const { width, height } = options;
  const minSize = options.minSize ?? 28;
  const maxSize = options.maxSize ?? 112;
  const padding = options.padding ?? 8;
  const measure = options.measure ?? estimateWidth;
  const sorted = [...words].sort((a, b) => b.count - a.count || a.word.localeCompare(b.word) || a.key.localeCompare(b.key));
  const max = Math.max(1, ...sorted.map((w) => w.count));
  const min = Math.min(max, ...sorted.map((w) => w.count));
  const share = (count: number) => (max === min ? 1 : (count - min) / (max - min));
  const boxOf = (word: string, size: number) => ({ width: measure(word, size) + padding * 2, height: Math.ceil(size * 1.25) + padding * 2 });
  // Sizes follow the count; if the boxes would cover more than FILL of the area, all shrink alike.
  const wanted = sorted.map((w) => minSize + (maxSize - minSize) * share(w.count));
  const covered = sorted.reduce((sum, w, i) => {
    const box = boxOf(w.word, wanted[i]!);
    return sum + box.width * box.height;
  }, 0);
  const scale = Math.min(1, Math.sqrt((FILL * width * height) / Math.max(1, covered)));
  const placed: PlacedWord[] = [];
  for (const [i, word] of sorted.entries()) {
    let size = Math.max(minSize, Math.round(wanted[i]! * scale));
    let spot: PlacedWord | undefined;
    // A word too wide for the area shrinks until it fits, but never below the minimum.
    while (!spot && size >= minSize) {
      const box = boxOf(word.word, size);
      if (box.width <= width && box.height <= height) spot = findSpot(box, placed, width, height, { ...word, size });
      if (!spot) size = size > minSize ? Math.max(minSize, Math.floor(size * 0.85)) : minSize - 1;
    }
    if (spot) placed.push(spot);
  }
  return placed;
}

function findSpot(
  box: { width: number; height: number },
  placed: readonly PlacedWord[],
  width: number,
  height: number,
  word: CloudWord & { size: number },
): PlacedWord | undefined {
  const cx = width / 2;
  const cy = height / 2;
  // Wider than tall: stretch the spiral to the area's shape.
  const aspect = width / Math.max(1, height);
  // Past this radius the spiral is outside the area in every direction.
  const farthest = Math.hypot(cx / aspect, cy) + SPIRAL_GROWTH * 2 * Math.PI;
  for (let angle = 0, radius = 0; radius <= farthest; angle += Math.min(0.5, SPIRAL_ARC / Math.max(1, radius * aspect)), radius = SPIRAL_GROWTH * angle) {
    const x = Math.round(cx + radius * Math.cos(angle) * aspect);
    const y = Math.round(cy + radius * Math.sin(angle));
    const candidate = { x, y, width: box.width, height: box.height };
    if (x - box.width / 2 < 0 || x + box.width / 2 > width || y - box.height / 2 < 0 || y + box.height / 2 > height) continue;
    if (placed.every((other) => !overlaps(candidate, other))) return { ...word, ...candidate };
  }
  return undefined;
}
