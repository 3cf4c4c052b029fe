// Theme suggestions for the harvest (docs/notepads.md, THEME1–THEME12). The session is the
// token's; nothing else is asked: the server reads the harvest itself.
import { z } from 'zod';

/** `harvest:suggest-themes`: no fields (strict, so anything sent is refused). */
export const suggestThemesPayload = z.strictObject({});

/**
 * One proposed theme. Only words of the ideas and their keys: never an author or a group, so
 * what the ack carries is the same under every attribution (THEME10).
 */
export interface ThemeSuggestionView {
  name: string;
  /** Top terms, as written in the ideas. */
  terms: string[];
  /** Harvest idea keys (`<tableId>/<round>/<ideaId>`), all unthemed when suggested. */
  ideaKeys: string[];
  /** The language its ideas are in (en, fr, es, ar, ru, zh). */
  language: string;
}

// A type, not an interface: an ack's body is read as a plain record by generic code.
export type ThemeSuggestionsResponse = {
  themes: ThemeSuggestionView[];
  /** How many unthemed ideas were looked at (at most THEME_SUGGESTION_LIMITS.ideas). */
  considered: number;
};

export const THEME_SUGGESTION_LIMITS = {
  /** Unthemed ideas looked at in one request, the first in key order beyond. */
  ideas: 2000,
  /** Requests per person per minute (THEME9). */
  perMinute: 6,
} as const;
