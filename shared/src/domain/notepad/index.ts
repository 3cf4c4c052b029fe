export * from './room.js';
export * from './access.js';
export * from './ideas.js';
export * from './harvest.js';
export * from './harvest-order.js';
export * from './notes-language.js';
