import { refusals, type DomainError, type DomainErrorCode, type Failure, type Result } from '../result.js';

// Café decisions refuse with `reasons.cafe.*` keys (seating rules with `seat.*`, through `refuse`).

export { refuse } from '../result.js';
export type CafeErrorCode = DomainErrorCode;
export type CafeError = DomainError;
export type CafeResult<T extends object> = Result<T>;
export type CafeFailure = Failure;

export const { conflict, badRequest, notFound } = refusals('cafe');
