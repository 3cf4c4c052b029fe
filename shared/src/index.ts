// Domain words and pure logic only: safe for the client bundle (no zod).
export * from './domain/words.js';
export * from './domain/join-code.js';
export * from './domain/permissions.js';
export * from './domain/attendance.js';
export * from './domain/attribution.js';
export type { DomainError, DomainErrorCode, Result, Failure } from './domain/result.js';
export * from './domain/seating/index.js';
export * from './domain/timer/index.js';
export * from './domain/cafe/index.js';
export * from './domain/townhall/index.js';
export * from './domain/notepad/index.js';
export * from './domain/record/index.js';
export * from './version.js';
export * from './domain/content/index.js';
