import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { missingLanguages, originalHash, pickVersion, type TextVersion } from './versions.js';

// LANG1–LANG9 (docs/languages.md "Versions"): which version a reader sees, and what the desk lists as missing.
const ORIGINAL = { text: 'Why does trust matter?', language: 'en' };
const HASH = originalHash(ORIGINAL.text);
const human = (language: string, text: string, at = 1, originalHashOf = HASH): TextVersion => ({ language, text, source: 'human', originalHash: originalHashOf, at });
const machine = (language: string, text: string, at = 1): TextVersion => ({ language, text, source: 'machine', engine: 'apertium', originalHash: HASH, at });

const LANGS = ['ar', 'zh', 'en', 'fr', 'ru', 'es', 'fr-CA', 'zh-Hant', 'en-GB'] as const;
const versionArb = fc.record({
  language: fc.constantFrom(...LANGS),
  text: fc.string({ minLength: 1, maxLength: 20 }),
  source: fc.constantFrom('human' as const, 'machine' as const),
  originalHash: fc.constantFrom(HASH, 'deadbeef'),
  at: fc.integer({ min: 0, max: 1_000 }),
});

describe('pickVersion', () => {
  it('LANG1 a reader of the original language sees the original, whatever versions exist', () => {
    fc.assert(
      fc.property(fc.array(versionArb), fc.constantFrom('en', 'en-GB', 'en-US'), fc.boolean(), (versions, language, allowMachine) => {
        expect(pickVersion(ORIGINAL, versions, language, { machine: allowMachine })).toEqual({ kind: 'original', text: ORIGINAL.text, language: 'en', dir: 'ltr' });
      }),
    );
  });

  it('LANG2 a human version in the reader language is shown, marked with its direction and the original language', () => {
    expect(pickVersion(ORIGINAL, [human('ar', 'لماذا؟')], 'ar')).toEqual({
      kind: 'translation',
      text: 'لماذا؟',
      language: 'ar',
      dir: 'rtl',
      source: 'human',
      outdated: false,
      originalLanguage: 'en',
    });
    // A regional variant of the reader's language counts (fr-CA for a French reader).
    expect(pickVersion(ORIGINAL, [human('fr-CA', 'Pourquoi?')], 'fr')).toMatchObject({ kind: 'translation', text: 'Pourquoi?' });
  });

  it('LANG3 without a version in the reader language the original is shown; machine ones only when allowed', () => {
    expect(pickVersion(ORIGINAL, [human('fr', 'Pourquoi ?')], 'ar')).toMatchObject({ kind: 'original' });
    expect(pickVersion(ORIGINAL, [machine('ar', 'آلي')], 'ar')).toMatchObject({ kind: 'original' });
    expect(pickVersion(ORIGINAL, [machine('ar', 'آلي')], 'ar', { machine: true })).toMatchObject({ kind: 'translation', source: 'machine', engine: 'apertium' });
  });

  it('LANG4 a human version always wins over a machine one, even outdated; a current one over an outdated one', () => {
    expect(pickVersion(ORIGINAL, [machine('ar', 'آلي', 9), human('ar', 'قديم', 1, 'deadbeef')], 'ar', { machine: true })).toMatchObject({
      text: 'قديم',
      source: 'human',
      outdated: true,
    });
    expect(pickVersion(ORIGINAL, [human('ar', 'جديد', 1), human('ar-EG', 'قديم', 9, 'deadbeef')], 'ar')).toMatchObject({ text: 'جديد', outdated: false });
  });

  it('LANG5 whatever the versions, the result is the original or a version in the reader language that the options allow', () => {
    fc.assert(
      fc.property(fc.array(versionArb, { maxLength: 8 }), fc.constantFrom('ar', 'fr', 'zh', 'ru', 'es'), fc.boolean(), (versions, language, allowMachine) => {
        const shown = pickVersion(ORIGINAL, versions, language, { machine: allowMachine });
        if (shown.kind === 'original') {
          expect(versions.some((v) => v.language.split('-')[0] === language && (v.source === 'human' || allowMachine))).toBe(false);
          return;
        }
        expect(shown.language.split('-')[0]).toBe(language);
        if (!allowMachine) expect(shown.source).toBe('human');
        if (shown.source === 'machine') expect(versions.some((v) => v.source === 'human' && v.language.split('-')[0] === language)).toBe(false);
        expect(shown.outdated).toBe(!versions.some((v) => v.text === shown.text && v.language === shown.language && v.originalHash === HASH && v.source === shown.source));
      }),
    );
  });
});

describe('missingLanguages', () => {
  it('LANG7 lists the wanted languages without a current human version, never the original one', () => {
    const versions = [human('ar', 'لماذا؟'), human('fr', 'Pourquoi ?', 1, 'deadbeef'), machine('es', 'Por qué')];
    expect(missingLanguages(ORIGINAL, versions, ['en', 'ar', 'zh', 'fr', 'ru', 'es'])).toEqual(['zh', 'fr', 'ru', 'es']);
  });

  it('LANG8 adding a current human version in each missing language leaves none missing', () => {
    fc.assert(
      fc.property(fc.array(versionArb, { maxLength: 6 }), fc.subarray(['ar', 'zh', 'en', 'fr', 'ru', 'es']), (versions, wanted) => {
        const missing = missingLanguages(ORIGINAL, versions, wanted);
        expect(missing.every((l) => wanted.includes(l) && l !== 'en')).toBe(true);
        const filled = [...versions, ...missing.map((l) => human(l, 'x'))];
        expect(missingLanguages(ORIGINAL, filled, wanted)).toEqual([]);
      }),
    );
  });
});

describe('originalHash', () => {
  it('LANG9 is stable, eight hex digits, and changes with the text', () => {
    expect(originalHash('Why?')).toBe(originalHash('Why?'));
    expect(originalHash('Why?')).toMatch(/^[0-9a-f]{8}$/u);
    expect(originalHash('Why?')).not.toBe(originalHash('Why?!'));
  });
});
