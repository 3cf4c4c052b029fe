// The theme engine (docs/notepads.md, THEME1–THEME12). Server only: imported as
// `@open-talks/shared/domain/themes`, never from the shared entry the client bundles, because the
// stemmers weigh about 0.9 MB.
export { suggestThemes, DEFAULT_THEME_THRESHOLD, type SuggestThemesOptions, type SuggestedTheme, type ThemeIdeaInput, type ThemeSuggestions } from './suggest.js';
export { detectLanguage, THEME_LANGUAGES, type ThemeLanguage } from './language.js';
export { tokenize, type Token } from './tokenize.js';
export { adjustedRandIndex, purity, labelsFromThemes } from './quality.js';
export { clusterVectors, dendrogram, cut, type Linkage } from './cluster.js';
export { tfidf, dot } from './tfidf.js';
