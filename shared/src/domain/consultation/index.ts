// The consultation's words and pure rules (docs/consultation.md). The opinion-group engine is a
// subpath of its own (@open-talks/shared/consultation/opinion): the client never loads it.
export * from './words.js';
export * from './types.js';
export * from './search-words.js';
export * from './phases.js';
export * from './contributions.js';
export * from './supports.js';
export * from './moderation.js';
export * from './responses.js';
export * from './config.js';
export * from './statements.js';
