// The opinion-group engine (docs/consultation.md, CONS30–CONS36): pure, no I/O, no clock, no
// unseeded randomness. Its own subpath (@open-talks/shared/consultation/opinion), so only the
// server (and its worker) loads it, never the participant's bundle.
export * from './constants.js';
export { computeOpinionReport, placeParticipants, type OpinionInput, type Placement } from './report.js';
export { answersToPlace, type SparseVotes } from './matrix.js';
export { consensusScore, divisivenessScore, statementKind, type Tally } from './scores.js';
export { seededRandom } from './random.js';
