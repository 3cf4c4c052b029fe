import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adjustedRandIndex, purity } from './quality.js';
import { detectLanguage } from './language.js';
import { suggestThemes, type ThemeIdeaInput } from './suggest.js';
import { tokenize } from './tokenize.js';

const IDEAS: ThemeIdeaInput[] = [
  { key: 'a', text: 'Clean drinking water for every village' },
  { key: 'b', text: 'Repair the water pumps in the villages' },
  { key: 'c', text: 'Village wells give dirty water' },
  { key: 'd', text: 'More night buses for shift workers' },
  { key: 'e', text: 'Buses at night and cheaper bus fares' },
  { key: 'f', text: 'Free coding classes for girls' },
  { key: 'g', text: 'Des bus de nuit pour les travailleurs' },
  { key: 'h', text: 'Les bus de nuit sont trop rares' },
];

describe('theme suggestions (THEME1–THEME6)', () => {
  it('THEME2: terms are stemmed without stop words, Chinese segmented into words', () => {
    expect(tokenize('The villages need clean water', 'en').map((t) => t.term)).toEqual(['villag', 'clean', 'water']);
    expect(tokenize("L'accès à l'eau potable", 'fr').map((t) => t.surface)).toEqual(['accès', 'eau', 'potable']);
    const zh = tokenize('在农村地区增加清洁饮用水的供应。', 'zh').map((t) => t.term);
    expect(zh).toContain('农村');
    expect(zh).not.toContain('的');
    expect(zh).not.toContain('。');
  });

  it('THEME3: the language comes from the idea, else its script or stop words', () => {
    expect(detectLanguage('Les bus de nuit sont trop rares')).toBe('fr');
    expect(detectLanguage('Los autobuses de noche son pocos')).toBe('es');
    expect(detectLanguage('توفير مياه الشرب')).toBe('ar');
    expect(detectLanguage('Чистая вода')).toBe('ru');
    expect(detectLanguage('清洁饮用水')).toBe('zh');
    expect(detectLanguage('Night buses', 'fr-CA')).toBe('fr');
  });

  it('THEME1: groups ideas by what they say, names each theme by its top terms as written', () => {
    const { themes, unassigned } = suggestThemes(IDEAS);
    const partition = themes.map((t) => [...t.ideaKeys].sort());
    expect(partition).toContainEqual(['a', 'b', 'c']);
    expect(partition).toContainEqual(['d', 'e']);
    expect(partition).toContainEqual(['g', 'h']);
    expect(unassigned).toContain('f');
    const water = themes.find((t) => t.ideaKeys.includes('a'))!;
    expect(water.terms.slice(0, 2).sort()).toEqual(['village', 'water']);
    expect(water.name).toContain('water');
  });

  it('THEME3: ideas in different languages are never in one theme', () => {
    for (const theme of suggestThemes(IDEAS).themes) {
      const languages = new Set(theme.ideaKeys.map((key) => detectLanguage(IDEAS.find((i) => i.key === key)!.text)));
      expect(languages.size).toBe(1);
    }
  });

  it('THEME4: nothing to group gives nothing; an idea of stop words only is unassigned', () => {
    expect(suggestThemes([])).toEqual({ themes: [], unassigned: [] });
    expect(suggestThemes([{ key: 'x', text: 'we should do more of it' }])).toEqual({ themes: [], unassigned: ['x'] });
  });

  const arbitraryIdeas = fc.uniqueArray(
    fc.record({
      key: fc.stringMatching(/^[a-z0-9]{1,6}$/),
      text: fc
        .array(fc.constantFrom('water', 'village', 'bus', 'night', 'school', 'coding', 'girls', 'eau', 'nuit', 'agua', 'the', 'and', 'مياه', 'вода', '水', 'jobs', 'young'), {
          minLength: 1,
          maxLength: 8,
        })
        .map((words) => words.join(' ')),
    }),
    { selector: (idea) => idea.key, maxLength: 40 },
  );

  it('THEME5: every idea is in at most one theme, and each is in a theme or unassigned', () => {
    fc.assert(
      fc.property(arbitraryIdeas, (ideas) => {
        const { themes, unassigned } = suggestThemes(ideas);
        const placed = [...themes.flatMap((t) => t.ideaKeys), ...unassigned];
        expect(placed.length).toBe(new Set(placed).size);
        expect([...placed].sort()).toEqual(ideas.map((i) => i.key).sort());
        for (const theme of themes) expect(theme.ideaKeys.length).toBeGreaterThanOrEqual(2);
      }),
    );
  });

  it('THEME5: the same ideas in any order give the same themes (deterministic)', () => {
    fc.assert(
      fc.property(
        arbitraryIdeas.chain((ideas) => fc.tuple(fc.constant(ideas), fc.shuffledSubarray(ideas, { minLength: ideas.length, maxLength: ideas.length }))),
        ([ideas, shuffled]) => {
          expect(suggestThemes(shuffled)).toEqual(suggestThemes(ideas));
        },
      ),
    );
  });
});

describe('theme suggestions with latent dimensions (THEME4–THEME5)', () => {
  const arbitraryIdeas = fc.uniqueArray(
    fc.record({
      key: fc.stringMatching(/^[a-z0-9]{1,6}$/),
      text: fc
        .array(fc.constantFrom('water', 'waters', 'village', 'villages', 'bus', 'buses', 'night', 'school', 'coding', 'girls', 'jobs', 'young', 'clean', 'pumps'), {
          minLength: 1,
          maxLength: 6,
        })
        .map((words) => words.join(' ')),
    }),
    { selector: (idea) => idea.key, maxLength: 30 },
  );

  it('THEME5: with LSA, the same ideas in any order give the same themes, each idea at most once', () => {
    fc.assert(
      fc.property(
        arbitraryIdeas.chain((ideas) => fc.tuple(fc.constant(ideas), fc.shuffledSubarray(ideas, { minLength: ideas.length, maxLength: ideas.length }))),
        ([ideas, shuffled]) => {
          const options = { dimensions: 4, threshold: 0.7 };
          const result = suggestThemes(ideas, options);
          expect(suggestThemes(shuffled, options)).toEqual(result);
          const placed = [...result.themes.flatMap((t) => t.ideaKeys), ...result.unassigned];
          expect(placed.length).toBe(new Set(placed).size);
          expect(placed.length).toBe(ideas.length);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('THEME4: character 3-grams bring inflections together that the stemmer leaves apart', () => {
    const ideas = [
      { key: 'a', text: 'More buses at night' },
      { key: 'b', text: 'A bus for shift workers' },
      { key: 'c', text: 'Free coding classes' },
    ];
    expect(suggestThemes(ideas, { subword: 0 }).themes).toEqual([]);
    expect(suggestThemes(ideas).themes.map((t) => t.ideaKeys)).toEqual([['a', 'b']]);
  });
});

describe('quality measures (THEME7)', () => {
  it('THEME7: ARI is 1 for the same partition under other names, about 0 for one group', () => {
    expect(adjustedRandIndex(['a', 'a', 'b', 'b'], ['x', 'x', 'y', 'y'])).toBe(1);
    expect(adjustedRandIndex(['a', 'a', 'b', 'b'], ['x', 'x', 'x', 'x'])).toBe(0);
    expect(adjustedRandIndex(['a', 'a', 'b', 'b'], ['x', 'y', 'x', 'y'])).toBeLessThan(0);
    expect(purity(['a', 'a', 'b', 'b'], ['x', 'x', 'x', 'x'])).toBe(0.5);
    expect(purity(['a', 'a', 'b', 'b'], ['x', 'x', 'y', 'y'])).toBe(1);
  });
});
