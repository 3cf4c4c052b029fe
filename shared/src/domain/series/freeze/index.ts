export * from './annex.js';
export * from './freeze.js';
export * from './words.js';
