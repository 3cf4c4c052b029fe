import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { countWithHubsText } from '../../client/src/components/townhall/hub-count.js';
import { countWithHubs } from '../../shared/src/index.js';
import ar from '../../shared/src/i18n/ar.json' with { type: 'json' };
import en from '../../shared/src/i18n/en.json' with { type: 'json' };
import ru from '../../shared/src/i18n/ru.json' with { type: 'json' };

// HUB21: screens write a count with the hubs' answers beside it, in the reader's language.
const i18n = i18next.createInstance();
await i18n.init({ lng: 'en', resources: { en: { translation: en }, ar: { translation: ar }, ru: { translation: ru } }, interpolation: { escapeValue: false } });

describe('a count with hubs on screen', () => {
  it('HUB21 in English it reads as countWithHubs writes it', () => {
    const t = i18n.getFixedT('en');
    for (const option of [{ count: 3 }, { count: 4, hubs: { answers: 1, people: 25 } }, { count: 5, hubs: { answers: 2, people: 1 } }])
      expect(countWithHubsText(t, option)).toBe(countWithHubs(option));
    expect(countWithHubsText(t, { count: 4, hubs: { answers: 1, people: 25 } })).toBe('3 (+ 1 hub of 25 people)');
  });

  it('HUB21 other languages use their own plural forms', () => {
    expect(countWithHubsText(i18n.getFixedT('ru'), { count: 4, hubs: { answers: 1, people: 25 } })).toBe('3 (+ 1 хаб, 25 человек)');
    expect(countWithHubsText(i18n.getFixedT('ar'), { count: 4, hubs: { answers: 2, people: 5 } })).toBe('2 (+ 2 مركزان يضم 5 أشخاص)');
  });
});
