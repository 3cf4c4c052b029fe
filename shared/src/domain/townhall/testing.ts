// Test helpers for the Town Hall domain (not exported from index.ts).
import { expect } from 'vitest';
import type { Result } from './result.js';

export const T0 = 1_700_000_000_000; // an epoch ms
export const MIN = 60_000; // ms

/** Unwraps an ok result, failing the test otherwise. */
export function must<T extends object>(result: Result<T>): { ok: true } & T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result;
}

/** Asserts a refusal with this code and a message. */
export function expectError(result: Result<object>, code: 'conflict' | 'bad_request' | 'not_found'): void {
  expect(result.ok).toBe(false);
  if (!result.ok) {
    expect(result.error.code).toBe(code);
    expect(result.error.message).not.toBe('');
  }
}
