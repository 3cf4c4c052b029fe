import { SEATING_RULE_IDS } from '../../shared/src/domain/seating/rules.js';
import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';

// The UI catalogs must stay in step with en.json: same keys, same placeholders, really translated.

const CATALOG_DIR = new URL('../../shared/src/i18n/', import.meta.url);
const TRANSLATIONS = ['fr', 'es', 'ru', 'zh', 'ar'] as const;
const CLDR_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
const PLURAL_SUFFIX = new RegExp(`_(${CLDR_CATEGORIES.join('|')})$`);
const PLACEHOLDER = /\{\{\s*([\w.-]+)\s*\}\}/g;
/** Each language's own name: deliberately the same in every catalog. */
const LANGUAGE_NAMES_PREFIX = 'words.languageName.';
const MAX_IDENTICAL_SHARE = 0.1;
const MIN_COMPARED_LENGTH = 4;

type Catalog = { [key: string]: string | Catalog };

function read(language: string): string {
  return readFileSync(new URL(`${language}.json`, CATALOG_DIR), 'utf8');
}

function load(language: string): Catalog {
  return JSON.parse(read(language)) as Catalog;
}

/** Every string of a catalog under its dotted key path. */
function flatten(catalog: Catalog, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalog)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

/**
 * Plural forms grouped under their base key: `attendance.present_one` and `attendance.present_other`
 * become `attendance.present` with forms {one, other}. A key counts as plural only if the catalog has
 * its `_other` form, so an ordinary key that happens to end in `_one` is left alone.
 */
function group(strings: Map<string, string>): Map<string, Map<string, string>> {
  const pluralBases = new Set<string>();
  for (const key of strings.keys()) if (key.endsWith('_other')) pluralBases.add(key.slice(0, -'_other'.length));
  const out = new Map<string, Map<string, string>>();
  for (const [key, value] of strings) {
    const match = PLURAL_SUFFIX.exec(key);
    const base = match ? key.slice(0, match.index) : key;
    const isPlural = match !== null && pluralBases.has(base);
    const name = isPlural ? base : key;
    const forms = out.get(name) ?? new Map<string, string>();
    forms.set(isPlural ? match[1]! : '', value);
    out.set(name, forms);
  }
  return out;
}

function placeholders(text: string): Set<string> {
  return new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!));
}

const english = flatten(load('en'));
const englishGroups = group(english);

describe('English catalog', () => {
  it('has a _one and an _other form for each plural key', () => {
    for (const [key, forms] of englishGroups) {
      if (forms.has('')) continue;
      expect([...forms.keys()].sort(), key).toEqual(['one', 'other']);
    }
  });
});

describe.each(TRANSLATIONS)('%s catalog', (language) => {
  const strings = flatten(load(language));
  const groups = group(strings);

  it('is JSON with a 2-space indent, ending with a newline', () => {
    const text = read(language);
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
  });

  it('has exactly the keys of en.json, plural suffixes aside', () => {
    expect([...groups.keys()].sort()).toEqual([...englishGroups.keys()].sort());
    for (const [key, englishForms] of englishGroups) {
      const forms = groups.get(key);
      if (!forms) continue; // reported by the comparison above
      if (englishForms.has('')) {
        expect([...forms.keys()], `${key} is not a plural key`).toEqual(['']);
      } else {
        expect(forms.has('other'), `${key}_other`).toBe(true);
      }
    }
  });

  it("has exactly the plural forms of the language's CLDR rules", () => {
    const categories = [...new Intl.PluralRules(language).resolvedOptions().pluralCategories].sort();
    for (const [key, englishForms] of englishGroups) {
      if (englishForms.has('')) continue;
      const forms = groups.get(key);
      expect(forms, key).toBeDefined();
      expect([...(forms?.keys() ?? [])].sort(), key).toEqual(categories);
    }
  });

  it('keeps every {{placeholder}} of the English strings', () => {
    for (const [key, englishForms] of englishGroups) {
      for (const [category, translation] of groups.get(key) ?? []) {
        // A plural form is checked against the English form of the same category, else against _other.
        const source = englishForms.get(category) ?? englishForms.get('other') ?? '';
        const missing = [...placeholders(source)].filter((name) => !placeholders(translation).has(name));
        expect(missing, `${key}${category ? `_${category}` : ''}: ${translation}`).toEqual([]);
      }
    }
  });

  it('keeps the language names exactly as in en.json', () => {
    for (const [key, value] of english) {
      if (key.startsWith(LANGUAGE_NAMES_PREFIX)) expect(strings.get(key), key).toBe(value);
    }
  });

  it('is really translated: at most 10% of its strings are identical to English', () => {
    let compared = 0;
    const identical: string[] = [];
    for (const [key, englishForms] of englishGroups) {
      if (key.startsWith(LANGUAGE_NAMES_PREFIX)) continue;
      for (const [category, translation] of groups.get(key) ?? []) {
        const source = englishForms.get(category) ?? englishForms.get('other') ?? '';
        if (source.length < MIN_COMPARED_LENGTH) continue;
        compared += 1;
        if (translation === source) identical.push(`${key}${category ? `_${category}` : ''}`);
      }
    }
    expect(compared).toBeGreaterThan(0);
    expect(identical.length / compared, `identical to English: ${identical.join(', ')}`).toBeLessThanOrEqual(MAX_IDENTICAL_SHARE);
  });
});

// Every refusal reason the server can send (AppError's `reason`) has its words in the catalogs,
// so a conflict never falls back to the server's English.
describe('refusal reasons', () => {
  const english = flatten(load('en'));
  const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
  const servers = ['server/src/cafe/cafe-service.ts', 'server/src/cafe/run-service.ts', 'server/src/townhall/context.ts', 'server/src/townhall/polls/poll-service.ts'].map(read);
  // The café's pure rules name theirs in conflict(message, reason): under `cafe.`.
  const cafe = ['setup-decisions', 'plan-decisions', 'run-decisions'].map((name) => read(`shared/src/domain/cafe/${name}.ts`));
  const literal = [
    ...servers.flatMap((source) => [...source.matchAll(/reason: '([\w.-]+)'/g)].map((m) => m[1]!)),
    ...cafe.flatMap((source) => [...source.matchAll(/conflict\([^;]*?, '(\w+)'/g)].map((m) => `cafe.${m[1]}`)),
  ];
  // The Town Hall's pure rules name theirs in conflict(message, reason): under `townhall.`.
  const domain = ['agenda', 'poll-ballots', 'polls', 'qa-votes', 'qa', 'queue'].map((name) => read(`shared/src/domain/townhall/${name}.ts`));
  const townhall = domain.flatMap((source) => [...source.matchAll(/conflict\([^;]*?, '(\w+)'/g)].map((m) => `townhall.${m[1]}`));
  const seatingTypes = readFileSync(new URL('../../shared/src/domain/seating/types.ts', import.meta.url), 'utf8');
  const seatingCodes = [.../export type SeatingErrorCode =([^;]+);/.exec(seatingTypes)![1]!.matchAll(/'([\w-]+)'/g)].map((m) => `seating.${m[1]}`);
  // Every rule a move can break is refused as `seat.<id>` (plan-decisions.ts): each needs its text.
  const seatRules = Object.values(SEATING_RULE_IDS).map((rule) => `seat.${rule}`);

  it('finds the reasons it checks', () => {
    expect(literal.length).toBeGreaterThan(15);
    expect(townhall.length).toBeGreaterThan(20);
    expect(seatingCodes).toContain('seating.not-enough-seats');
  });
  for (const reason of [...new Set([...literal, ...townhall, ...seatingCodes, ...seatRules])]) {
    it(`reasons.${reason} is in the catalogs`, () => expect(english.has(`reasons.${reason}`)).toBe(true));
  }
});
