import { refusals, type DomainError, type DomainErrorCode, type Failure as DomainFailure, type Result as DomainResult } from '../result.js';

// Town Hall decisions refuse with `reasons.townhall.*` keys.

export type TownhallErrorCode = DomainErrorCode;
export type TownhallError = DomainError;
export type Result<T extends object> = DomainResult<T>;
export type Failure = DomainFailure;

export const { conflict, badRequest, notFound } = refusals('townhall');

/** Trims and collapses runs of whitespace (newlines included) into one space: a one-line text. */
export function oneLine(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** Moves the element at `from` to index `to` in a copy of `list`. */
export function moveInList<T>(list: readonly T[], from: number, to: number): T[] {
  const copy = list.slice();
  const [moved] = copy.splice(from, 1);
  if (moved !== undefined) copy.splice(to, 0, moved);
  return copy;
}

/** `record[key]` if it is the record's own (never an inherited `constructor` or `__proto__`). */
export function getOwn<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** `record[key] = value` as an own property, even for '__proto__': some keys are people's text. */
export function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__') Object.defineProperty(record, key, { value, writable: true, enumerable: true, configurable: true });
  else record[key] = value;
}
