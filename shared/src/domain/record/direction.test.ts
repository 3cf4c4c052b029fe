import { describe, expect, it } from 'vitest';
import { textDirection } from './direction.js';

describe('REC13 a paragraph’s own direction', () => {
  it('follows the first letter, like dir="auto"', () => {
    expect(textDirection('Which comes first?', 'rtl')).toBe('ltr');
    expect(textDirection('  « ما الأولوية؟ » then English', 'ltr')).toBe('rtl');
    expect(textDirection('1. 谁来决定？', 'rtl')).toBe('ltr');
    expect(textDirection('שלום', 'ltr')).toBe('rtl');
  });
  it('keeps the document’s direction where there is no letter', () => {
    expect(textDirection('2026-11-23 09:00', 'rtl')).toBe('rtl');
    expect(textDirection('', 'ltr')).toBe('ltr');
  });
});
