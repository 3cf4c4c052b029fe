export * from './keys.js';
export * from './language-tag.js';
export * from './versions.js';
