import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attribute, isNobody, NOBODY, type PersonFacts } from './attribution.js';
import { ATTRIBUTIONS, MODES, STAKEHOLDER_GROUPS } from './words.js';

const person: fc.Arbitrary<PersonFacts> = fc.record({
  displayName: fc.option(fc.string({ minLength: 1, maxLength: 60 }), { nil: null }),
  stakeholderGroup: fc.option(fc.constantFrom(...STAKEHOLDER_GROUPS), { nil: null }),
  mode: fc.option(fc.constantFrom(...MODES), { nil: null }),
});

/** Every string anywhere in a value, however deep. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

describe('attribute (ATTR1–ATTR4)', () => {
  it('ATTR1 under anonymous no credit carries any name, group or mode of anyone, whoever looks but themselves', () => {
    fc.assert(
      fc.property(fc.array(person, { minLength: 1, maxLength: 8 }), (people) => {
        const said = people.map((p) => attribute('anonymous', p));
        const secrets = new Set(people.flatMap((p) => [p.displayName, p.stakeholderGroup, p.mode]).filter((v): v is string => v !== null));
        for (const text of strings(said)) expect(secrets.has(text)).toBe(false);
        for (const credit of said) expect(credit).toEqual(NOBODY);
      }),
    );
  });

  it('ATTR2 under group: the group and mode, never a name', () => {
    fc.assert(
      fc.property(person, (p) => {
        const credit = attribute('group', p);
        expect(credit.displayName).toBeNull();
        expect(credit.stakeholderGroup).toBe(p.stakeholderGroup);
        expect(credit.mode).toBe(p.mode);
      }),
    );
  });

  it('ATTR2 under named: name, group and mode', () => {
    fc.assert(
      fc.property(person, (p) => {
        expect(attribute('named', p)).toEqual(p);
      }),
    );
  });

  it('ATTR3 a person sees their own facts in every attribution', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ATTRIBUTIONS), person, (attribution, p) => {
        expect(attribute(attribution, p, { self: true })).toEqual(p);
      }),
    );
  });

  it('ATTR1 an unknown group or mode string never passes through', () => {
    const credit = attribute('named', { displayName: 'Ana', stakeholderGroup: 'secret-club', mode: 'walking' });
    expect(credit).toEqual({ displayName: 'Ana', stakeholderGroup: null, mode: null });
  });

  it('a missing person is nobody', () => {
    for (const attribution of ATTRIBUTIONS) expect(isNobody(attribute(attribution, null))).toBe(true);
  });
});
