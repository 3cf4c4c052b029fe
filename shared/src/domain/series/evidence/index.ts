export * from './keys.js';
export * from './fate.js';
export * from './from-facts.js';
export { contributionText } from './from-consultation.js';
export * from './filter.js';
export * from './reference.js';
export * from './statistics.js';
