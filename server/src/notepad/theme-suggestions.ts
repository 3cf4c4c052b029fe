// Theme suggestions for the harvest (THEME9–THEME11, docs/notepads.md): the server reads the
// harvest as stored and live, takes the ideas not yet in a theme and runs the lexical engine on
// them. Nothing is written: the facilitator or a rapporteur accepts what they want on the board.
import { groupHarvest } from '@open-talks/shared';
import { suggestThemes } from '@open-talks/shared/domain/themes';
import { THEME_SUGGESTION_LIMITS, type ThemeSuggestionsResponse } from '@open-talks/shared/protocol';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { AppError } from '../errors.js';
import type { Principal } from '../sessions/principal.js';
import type { HarvestContent } from './read.js';

/** What suggestions need of the notepad server. */
export interface HarvestReader {
  readHarvest(sessionId: string): Promise<HarvestContent>;
}

export class ThemeSuggestions {
  // THEME9: a few requests a minute per person; each is up to a few hundred ms of CPU.
  private readonly limiter = new RateLimiterMemory({ points: THEME_SUGGESTION_LIMITS.perMinute, duration: 60 });

  constructor(private readonly notepads: HarvestReader) {}

  async suggest(principal: Principal): Promise<ThemeSuggestionsResponse> {
    const session = principal.session;
    if (session.format !== 'cafe') throw new AppError('conflict', 'Only a café session has a harvest');
    await this.limiter.consume(principal.participant?.id ?? `display:${session.id}`).catch(() => {
      throw new AppError('rate_limited', 'Themes were suggested several times in the last minute; wait a moment and try again');
    });
    const harvest = await this.notepads.readHarvest(session.id);
    // THEME9: only the ideas in no (existing) theme; the first 2,000 in key order.
    const unthemed = groupHarvest(harvest.ideas, harvest.themes, harvest.placement)
      .unthemed.map((idea) => ({ key: idea.key, text: idea.text, table: idea.tableId, round: idea.round }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
      .slice(0, THEME_SUGGESTION_LIMITS.ideas);
    const { themes } = suggestThemes(unthemed, { language: session.languages[0] ?? null });
    // THEME10: words and keys only, whatever the attribution.
    return { themes: themes.map(({ name, terms, ideaKeys, language }) => ({ name, terms, ideaKeys, language })), considered: unthemed.length };
  }
}
