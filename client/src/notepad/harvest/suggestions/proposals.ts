// What the suggestions panel does with proposals and the harvest (THEME11), apart from React:
// accept (create the theme and place its ideas, in one change), merge two proposals.
import type { HarvestIdea, HarvestTheme } from '@open-talks/shared';
import type { ThemeSuggestionView } from '@open-talks/shared/protocol';
import type * as Y from 'yjs';
import { createTheme, placeIdea, type HarvestActionResult } from '../actions';

export interface Proposal extends ThemeSuggestionView {
  /** The panel's own id for it (names change; keys do not). */
  id: string;
}

/** The ideas of a proposal that are still in the harvest and still in no theme. */
export function stillUnthemed(proposal: Proposal, ideas: readonly HarvestIdea[], themes: readonly HarvestTheme[], placement: ReadonlyMap<string, string>): HarvestIdea[] {
  const byKey = new Map(ideas.map((idea) => [idea.key, idea]));
  const themeIds = new Set(themes.map((theme) => theme.id));
  return proposal.ideaKeys.flatMap((key) => {
    const idea = byKey.get(key);
    const placed = placement.get(key);
    return idea && !(placed && themeIds.has(placed)) ? [idea] : [];
  });
}

/**
 * A new theme named `name` holding `keys`, in one transaction: everyone sees the theme arrive
 * with its ideas, never empty first.
 */
export function acceptProposal(doc: Y.Doc, name: string, keys: readonly string[], id: string = crypto.randomUUID()): HarvestActionResult {
  let result: HarvestActionResult = { ok: true };
  doc.transact(() => {
    result = createTheme(doc, name, id);
    if (!result.ok) return;
    for (const key of keys) placeIdea(doc, key, id);
  });
  return result;
}

/** `from` folded into `into`: its ideas and terms join, `into`'s name stays. */
export function mergeProposals(into: Proposal, from: Proposal): Proposal {
  return {
    ...into,
    terms: [...new Set([...into.terms, ...from.terms])].slice(0, Math.max(into.terms.length, 5)),
    ideaKeys: [...new Set([...into.ideaKeys, ...from.ideaKeys])],
  };
}
