import i18next from 'i18next';
import resourcesToBackend from 'i18next-resources-to-backend';
import { initReactI18next } from 'react-i18next';
import { isLanguage, LANGUAGES, RTL_LANGUAGES, type Language } from '@open-talks/shared';

const STORAGE_KEY = 'openTalks.language';

/** The language the person chose before, else the browser's, else English. */
export function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (isLanguage(stored)) return stored;
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag.slice(0, 2).toLowerCase();
    if (isLanguage(base)) return base;
  }
  return 'en';
}

function applyToDocument(language: Language): void {
  document.documentElement.lang = language;
  document.documentElement.dir = RTL_LANGUAGES.has(language) ? 'rtl' : 'ltr';
}

/** Catalogs are separate chunks: a participant downloads only their own language. */
export async function initI18n(): Promise<void> {
  const language = initialLanguage();
  applyToDocument(language);
  await i18next
    .use(resourcesToBackend((lng: string) => import(`../../../shared/src/i18n/${lng}.json`)))
    .use(initReactI18next)
    .init({
      lng: language,
      fallbackLng: 'en',
      supportedLngs: [...LANGUAGES],
      interpolation: { escapeValue: false }, // React escapes
      returnNull: false,
    });
}

/** Switches the UI language, remembers it and turns the page right-to-left for Arabic. */
export async function setLanguage(language: Language): Promise<void> {
  localStorage.setItem(STORAGE_KEY, language);
  await i18next.changeLanguage(language);
  applyToDocument(language);
}

export function currentLanguage(): Language {
  const language = i18next.resolvedLanguage ?? i18next.language;
  return isLanguage(language) ? language : 'en';
}
