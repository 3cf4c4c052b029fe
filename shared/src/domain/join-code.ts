import { LIMITS } from './words.js';

/**
 * Join codes are read aloud and typed on phones: upper-case letters and digits with
 * the easily confused ones left out (no 0/O, 1/I/L). 31^6 ≈ 8.9e8 codes.
 */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** Makes a code from random bytes (one byte per character); the caller supplies the randomness. */
export function joinCodeFromBytes(bytes: Uint8Array): string {
  if (bytes.length < LIMITS.joinCodeLength) throw new Error(`need ${LIMITS.joinCodeLength} random bytes`);
  let code = '';
  for (let i = 0; i < LIMITS.joinCodeLength; i++) {
    // 256 % 31 leaves a bias of under 1/8 per character: harmless for a code that is not a secret.
    code += JOIN_CODE_ALPHABET[bytes[i]! % JOIN_CODE_ALPHABET.length];
  }
  return code;
}

/** Accepts what people type ("abc-def", " ABC DEF ") and returns the canonical code, or null. */
export function normalizeJoinCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, '');
  if (code.length !== LIMITS.joinCodeLength) return null;
  for (const ch of code) if (!JOIN_CODE_ALPHABET.includes(ch)) return null;
  return code;
}

/** "ABCDEF" → "ABC DEF": easier to read from the back of a room. */
export function formatJoinCode(code: string): string {
  return `${code.slice(0, 3)} ${code.slice(3)}`;
}
