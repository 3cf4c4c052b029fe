export * from './types.js';
export * from './facts.js';
export { buildRecord } from './build.js';
export { creditFor, NO_CREDIT } from './credit.js';
export { MIN_ANONYMOUS_GROUP_BALLOTS } from './build-townhall.js';
export * from './formats.js';
export * from './labels.js';
export type { Block } from './blocks.js';
export { outline } from './outline.js';
