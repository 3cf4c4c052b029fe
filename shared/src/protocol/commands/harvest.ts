import { ack, type CommandSpec } from '../command-spec.js';
import { suggestThemesPayload, type ThemeSuggestionsResponse } from '../harvest.js';

/** The harvest's server-side help (docs/notepads.md, THEME9–THEME11): suggestions only, nothing written. */
export const HARVEST_COMMANDS = {
  'harvest:suggest-themes': {
    schema: suggestThemesPayload,
    action: 'harvest:suggest-themes',
    ack: ack<ThemeSuggestionsResponse>(),
    http: { method: 'post', path: '/sessions/:id/harvest/theme-suggestions' },
  },
} as const satisfies Record<string, CommandSpec>;
