export * from './words.js';
export * from './types.js';
export * from './attribution.js';
export * from './document-text.js';
export * from './reference-text.js';
export * from './draft/index.js';
export * from './evidence/index.js';
export * from './freeze/index.js';
