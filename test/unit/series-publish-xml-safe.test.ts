import { describe, expect, it } from 'vitest';
import { xmlSafe, xmlSafeDeep } from '../../server/src/series/publish/render/xml-safe.js';

describe('xmlSafe (review item 8)', () => {
  it('drops what XML 1.0 forbids and keeps everything else, pairs of surrogates included', () => {
    expect(xmlSafe('a\u0000b\u0008c\u000Bd\u001Fe\uFFFEf\uFFFFg')).toBe('abcdefg');
    expect(xmlSafe('tab\tline\nreturn\r')).toBe('tab\tline\nreturn\r');
    expect(xmlSafe('lone \uD800 high, lone \uDC00 low, pair 😀')).toBe('lone  high, lone  low, pair 😀');
    expect(xmlSafe('العربية 中文 <&>')).toBe('العربية 中文 <&>');
  });

  it('cleans every string of a document, not its numbers or nulls', () => {
    expect(xmlSafeDeep({ a: ['x\uFFFF', 1, null], b: { c: '\uDBFFy' } })).toEqual({ a: ['x', 1, null], b: { c: 'y' } });
  });
});
