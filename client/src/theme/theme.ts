// The colour theme a person chose (A11Y60–A11Y65): kept in this browser, applied to <html> as
// data-theme. `system` removes the attribute, so the style sheet's media queries
// (prefers-color-scheme, prefers-contrast) decide. /theme.js (client/public) does the same
// before the first paint; this module is the switch's side of it.

export const THEME_CHOICES = ['system', 'light', 'dark', 'contrast'] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];

/** The key /theme.js reads too: keep them the same. */
export const THEME_KEY = 'openTalks.theme';

export function isThemeChoice(value: unknown): value is ThemeChoice {
  return typeof value === 'string' && (THEME_CHOICES as readonly string[]).includes(value);
}

export function storedTheme(): ThemeChoice {
  try {
    const value = localStorage.getItem(THEME_KEY);
    return isThemeChoice(value) ? value : 'system';
  } catch {
    return 'system'; // storage refused (private mode, a policy): the device decides
  }
}

export function applyTheme(choice: ThemeChoice, root: HTMLElement = document.documentElement): void {
  if (choice === 'system') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', choice);
}

/** Remembers the choice in this browser and applies it at once. */
export function chooseTheme(choice: ThemeChoice): void {
  try {
    if (choice === 'system') localStorage.removeItem(THEME_KEY);
    else localStorage.setItem(THEME_KEY, choice);
  } catch {
    // Not remembered; still applied for this page.
  }
  applyTheme(choice);
}
