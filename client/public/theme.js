/* global document */
// Applies the colour theme chosen in the header's switch before the page is first painted
// (A11Y62), so a dark or high-contrast page never flashes white. A file of its own, not an inline
// script: the Content-Security-Policy allows scripts from this origin only. Same key and values
// as client/src/theme/theme.ts.
try {
  const theme = localStorage.getItem('openTalks.theme');
  if (theme === 'light' || theme === 'dark' || theme === 'contrast') document.documentElement.setAttribute('data-theme', theme);
} catch {
  // Storage refused: the device's own setting (prefers-color-scheme, prefers-contrast) applies.
}
