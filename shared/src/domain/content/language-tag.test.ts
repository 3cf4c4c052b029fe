import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalTag, directionOf, primaryLanguage, sameLanguage } from './language-tag.js';
import { contentKey, keyIdeaContentId, parseContentKey, parseKeyIdeaContentId, CONTENT_KIND_NAMES } from './keys.js';

// LANG10–LANG14 (docs/languages.md "Versions"): BCP 47 tags, their direction, and content keys.
describe('language tags', () => {
  it('LANG10 canonicalises BCP 47 tags and refuses what is not one', () => {
    expect(canonicalTag('EN-gb')).toBe('en-GB');
    expect(canonicalTag('zh-hant-tw')).toBe('zh-Hant-TW');
    expect(canonicalTag('ar')).toBe('ar');
    for (const bad of ['', 'english!', 'a', 'x'.repeat(40), 'en_GB']) expect(canonicalTag(bad)).toBeNull();
  });

  it('LANG11 canonical tags are fixed points', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('ar', 'zh', 'en', 'fr', 'ru', 'es', 'fa', 'he', 'ur', 'sr'),
        fc.constantFrom('', '-Latn', '-Arab', '-Cyrl', '-Hant'),
        fc.constantFrom('', '-EG', '-CN', '-GB', '-419'),
        (l, s, r) => {
          const canonical = canonicalTag(`${l}${s}${r}`);
          expect(canonical).not.toBeNull();
          expect(canonicalTag(canonical!)).toBe(canonical);
        },
      ),
    );
  });

  it('LANG12 marks right-to-left languages and scripts', () => {
    for (const tag of ['ar', 'ar-EG', 'he', 'fa', 'ur', 'yi', 'az-Arab', 'pa-Arab']) expect(directionOf(tag), tag).toBe('rtl');
    for (const tag of ['en', 'zh-Hant', 'ru', 'fr-CA', 'ku-Latn', 'ar-Latn']) expect(directionOf(tag), tag).toBe('ltr');
  });

  it('LANG13 two tags are the same language when their primary subtags are', () => {
    expect(primaryLanguage('fr-CA')).toBe('fr');
    expect(sameLanguage('fr-CA', 'fr')).toBe(true);
    expect(sameLanguage('zh-Hant', 'zh')).toBe(true);
    expect(sameLanguage('ar', 'fr')).toBe(false);
  });
});

describe('content keys', () => {
  it('LANG14 a key round-trips, and unknown kinds or odd parts are refused', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CONTENT_KIND_NAMES.filter((kind) => kind !== 'key-idea')),
        fc.stringMatching(/^[A-Za-z0-9_.:-]{1,80}$/u),
        fc.stringMatching(/^[A-Za-z0-9_.:-]{1,80}$/u),
        (kind, id, field) => {
          expect(parseContentKey(contentKey({ kind, id, field }))).toEqual({ kind, id, field });
        },
      ),
    );
    for (const bad of ['cafe-round/1', 'nothing/1/question', 'cafe-round/1/question/x', 'cafe-round/ /question', 'cafe-round/1/']) expect(parseContentKey(bad), bad).toBeNull();
  });

  it("MT51 a key idea's key names its table, round and idea, and round-trips", () => {
    const idPart = fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/u);
    fc.assert(
      fc.property(idPart, fc.integer({ min: 1, max: 1000 }), idPart, (tableId, round, ideaId) => {
        const key = contentKey({ kind: 'key-idea', id: keyIdeaContentId({ tableId, round, ideaId }), field: 'text' });
        expect(key.length).toBeLessThanOrEqual(200); // what the protocol and the tables hold
        const ref = parseContentKey(key);
        expect(ref && parseKeyIdeaContentId(ref.id)).toEqual({ tableId, round, ideaId });
      }),
    );
    for (const bad of ['key-idea/i1/text', 'key-idea/t1.0.i1/text', 'key-idea/t1.1/text', 'key-idea/t.1.i.x/text']) expect(parseContentKey(bad), bad).toBeNull();
  });
});
