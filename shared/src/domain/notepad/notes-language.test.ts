import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultNotesLanguage, notesLanguage } from './notes-language.js';

// NOTE17–NOTE18 (docs/notepads.md): a table's notes language.
describe('notes language', () => {
  it('NOTE17 defaults to the language most people seated at the table speak', () => {
    expect(defaultNotesLanguage(['fr', 'ar', 'ar', null], ['en', 'fr'])).toBe('ar');
    expect(defaultNotesLanguage(['fr', 'en', 'fr'], ['en'])).toBe('fr');
  });

  it('NOTE17 breaks a tie by the session languages’ order, then alphabetically', () => {
    expect(defaultNotesLanguage(['ar', 'fr'], ['en', 'fr', 'ar'])).toBe('fr');
    expect(defaultNotesLanguage(['ru', 'es'], ['en'])).toBe('es');
  });

  it('NOTE17 falls back to the session’s first language when nobody with a language is seated', () => {
    expect(defaultNotesLanguage([], ['es', 'en'])).toBe('es');
    expect(defaultNotesLanguage([null], ['zh'])).toBe('zh');
  });

  it('NOTE18 a chosen language wins over the default', () => {
    expect(notesLanguage('ar', ['en', 'en'], ['en'])).toBe('ar');
    expect(notesLanguage(null, ['en', 'en'], ['fr'])).toBe('en');
  });

  it('NOTE17 the default is always a session language or a seated person’s, and does not depend on seat order', () => {
    const tag = fc.constantFrom<string>('en', 'fr', 'es', 'ru', 'zh', 'ar', 'de', 'pt-BR');
    fc.assert(
      fc.property(fc.array(fc.option(tag), { maxLength: 12 }), fc.array(tag, { minLength: 1, maxLength: 6 }), (seated, session) => {
        const chosen = defaultNotesLanguage(seated, session);
        expect(chosen !== null && (session.includes(chosen) || seated.includes(chosen))).toBe(true);
        expect(defaultNotesLanguage([...seated].reverse(), session)).toBe(chosen);
      }),
    );
  });
});
