// The World Café's pure domain: set-up, the seating plan's rules, a running café, seats.
// The result helpers stay internal; only the error and result types are public.
export type { CafeError, CafeErrorCode, CafeResult } from './result.js';
export * from './setup.js';
export * from './setup-decisions.js';
export * from './plan-decisions.js';
export * from './run.js';
export * from './run-decisions.js';
export * from './live.js';
export * from './reseat.js';
export * from './console.js';
