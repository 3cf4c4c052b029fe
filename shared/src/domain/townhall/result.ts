// The one result shape of every Town Hall transition, like the timers' (timer.ts): a subset of
// the protocol's ErrorCode, kept here so the domain stays free of zod.

export type TownhallErrorCode = 'conflict' | 'bad_request' | 'not_found';

export interface TownhallError {
  code: TownhallErrorCode;
  message: string;
  /** A key the client translates (`reasons.townhall.<reason>`), with its parameters. */
  reason?: string;
  params?: Record<string, string | number>;
}

/** `{ ok: true, ...value }` or `{ ok: false, error }`; a refused transition changes nothing. */
export type Result<T extends object> = ({ ok: true } & T) | { ok: false; error: TownhallError };

export type Failure = { ok: false; error: TownhallError };

export const conflict = (message: string, reason?: string, params?: Record<string, string | number>): Failure => ({
  ok: false,
  error: { code: 'conflict', message, ...(reason && { reason: `townhall.${reason}` }), ...(params && { params }) },
});
export const badRequest = (message: string): Failure => ({ ok: false, error: { code: 'bad_request', message } });
export const notFound = (message: string): Failure => ({ ok: false, error: { code: 'not_found', message } });

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
