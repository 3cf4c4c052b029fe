// The Town Hall's pure domain logic (docs/townhall.md): Q&A, speaker queue, polls, agenda.
// The result helpers stay internal; only the error and result types are public.
export type { Result as TownhallResult, TownhallError, TownhallErrorCode } from './result.js';
export * from './qa.js';
export * from './qa-votes.js';
export * from './qa-view.js';
export * from './queue-order.js';
export * from './queue.js';
export * from './polls.js';
export * from './poll-ballots.js';
export * from './poll-results.js';
export * from './word-cloud.js';
export * from './agenda.js';
export * from './caption-streams.js';
