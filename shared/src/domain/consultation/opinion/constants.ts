// The opinion engine's thresholds (docs/consultation.md, CONS32–CONS35). One place, so the
// documentation, the tests and the engine agree.

/** A participant is placed on the map once they answered this many statements (or all, if fewer are published): pol.is uses 7; 5 keeps short questions usable. */
export const MIN_ANSWERS_TO_PLACE = 5;
/** Opinion groups are looked for among k = 2…5 (as pol.is), keeping the k with the best silhouette. */
export const MIN_GROUPS = 2;
export const MAX_GROUPS = 5;
/** Fewer placed participants than this: one group of everyone (too few to split honestly). */
export const MIN_PLACED_FOR_GROUPS = 6;
/** k-means restarts per k (k-means++ seeding each time); the lowest within-group spread wins. */
export const KMEANS_RESTARTS = 6;
export const KMEANS_MAX_ITERATIONS = 100;
/** Silhouette is O(n²): above this many placed people it is measured on a seeded sample of them. */
export const SILHOUETTE_SAMPLE = 1_000;
/** Power iteration stops when the vector moves less than this, or after the iteration cap. */
export const POWER_TOLERANCE = 1e-9;
export const POWER_MAX_ITERATIONS = 300;
/** A statement is `consensus` when every opinion group's (smoothed) agree share, or every group's disagree share, is at least this. */
export const CONSENSUS_THRESHOLD = 0.6;
/** A statement is `divisive` when the groups' (smoothed) net agreement spans at least this (0…1, half the range of agree − disagree). */
export const DIVISIVE_THRESHOLD = 0.4;
/** No kind for a statement fewer people than this answered: too few to call it either way. */
export const MIN_ANSWERS_FOR_KIND = 5;
/** Representative statements shown per opinion group. */
export const REPRESENTATIVE_COUNT = 5;
/** People in the scatter-plot sample, at most. */
export const POINTS_SAMPLE = 500;
/** The PRNG seed when the caller gives none: the same answers always give the same groups. */
export const DEFAULT_SEED = 0x5eed;
