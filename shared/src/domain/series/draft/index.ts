export * from './access.js';
export * from './title.js';
export * from './view.js';
