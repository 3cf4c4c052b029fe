import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMITS } from './words.js';
import { JOIN_CODE_ALPHABET, formatJoinCode, joinCodeFromBytes, normalizeJoinCode } from './join-code.js';

const CODE_PATTERN = new RegExp(`^[${JOIN_CODE_ALPHABET}]{${LIMITS.joinCodeLength}}$`);

describe('join code alphabet', () => {
  it('leaves out the characters people confuse when reading aloud: 0/O and 1/I/L', () => {
    for (const ch of ['0', 'O', '1', 'I', 'L']) expect(JOIN_CODE_ALPHABET).not.toContain(ch);
  });

  it('holds only upper-case letters and digits, each once', () => {
    expect(JOIN_CODE_ALPHABET).toMatch(/^[A-Z2-9]+$/);
    expect(new Set(JOIN_CODE_ALPHABET).size).toBe(JOIN_CODE_ALPHABET.length);
    expect(JOIN_CODE_ALPHABET.length).toBe(31);
  });
});

describe('joinCodeFromBytes', () => {
  it('maps one byte to one character of the alphabet', () => {
    expect(joinCodeFromBytes(new Uint8Array([0, 1, 2, 3, 4, 5]))).toBe('ABCDEF');
    // 31 wraps round to the first character again.
    expect(joinCodeFromBytes(new Uint8Array([31, 32, 30, 255, 0, 0]))).toBe(`AB9${JOIN_CODE_ALPHABET[255 % 31]}AA`);
  });

  it('uses only as many bytes as the code is long', () => {
    expect(joinCodeFromBytes(new Uint8Array([0, 0, 0, 0, 0, 0, 7, 7]))).toBe('AAAAAA');
  });

  it('refuses too few bytes', () => {
    expect(() => joinCodeFromBytes(new Uint8Array(LIMITS.joinCodeLength - 1))).toThrow(/random bytes/);
  });

  it('every code made from random bytes has the right shape and normalizes to itself', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: LIMITS.joinCodeLength, maxLength: 16 }), (bytes) => {
        const code = joinCodeFromBytes(bytes);
        expect(code).toMatch(CODE_PATTERN);
        expect(normalizeJoinCode(code)).toBe(code);
        // And what a person reads off the projector, typed back in lower case, is the same code.
        expect(normalizeJoinCode(formatJoinCode(code).toLowerCase())).toBe(code);
      }),
      { seed: 20240611, numRuns: 500 },
    );
  });
});

describe('normalizeJoinCode', () => {
  it.each([
    ['ABCDEF', 'ABCDEF'],
    ['abcdef', 'ABCDEF'],
    ['abc-def', 'ABCDEF'],
    [' ABC DEF ', 'ABCDEF'],
    ['a b-c\td e f', 'ABCDEF'],
    ['234-789', '234789'],
  ])('accepts %j as %j', (input, expected) => {
    expect(normalizeJoinCode(input)).toBe(expected);
  });

  it.each([
    ['', 'empty'],
    ['ABCDE', 'too short'],
    ['ABCDEFG', 'too long'],
    ['ABC-DEFG', 'too long with a separator'],
    ['ABCDE0', 'a zero'],
    ['ABCDEO', 'an O'],
    ['ABCDE1', 'a one'],
    ['ABCDEI', 'an I'],
    ['ABCDEL', 'an L'],
    ['abcdel', 'a lower-case l'],
    ['ABC_DE', 'an underscore'],
    ['ABCDÉ2', 'an accented letter'],
    ['ABC.EF', 'a dot'],
  ])('refuses %j (%s)', (input) => {
    expect(normalizeJoinCode(input)).toBeNull();
  });

  it('never returns anything but a canonical code, whatever is typed', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), (input) => {
        const code = normalizeJoinCode(input);
        if (code !== null) expect(code).toMatch(CODE_PATTERN);
      }),
      { seed: 7, numRuns: 1000 },
    );
  });
});

describe('formatJoinCode', () => {
  it('splits the code in two halves for reading from the back of a room', () => {
    expect(formatJoinCode('ABCDEF')).toBe('ABC DEF');
  });
});
