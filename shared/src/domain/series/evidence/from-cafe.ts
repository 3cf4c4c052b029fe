// A café's evidence: its harvest themes, and every key idea written at a table (with its theme,
// table and round). Ideas are keyed by their harvest key (table/round/id), as the record does.
import type { FactCafe } from '../../record/facts.js';
import { harvestIdeaKey, type HarvestIdea } from '../../notepad/harvest.js';
import type { KeyIdea } from '../../notepad/ideas.js';
import type { EvidenceItem } from '../types.js';
import { creditIn, item, type SourceContext } from './context.js';

export function cafeEvidence(ctx: SourceContext, cafe: FactCafe): EvidenceItem[] {
  const labels = new Map(cafe.tables.map((t) => [t.id, t.label]));
  const themeOf = new Map<string, string>();
  for (const theme of cafe.harvest.themes) for (const i of theme.ideas) themeOf.set(harvestIdeaKey(i), theme.name);
  const themes = cafe.harvest.themes.map((theme) =>
    item(ctx, 'cafe-theme', theme.id ?? theme.name, { text: theme.name, theme: theme.name, credit: creditIn(ctx, null), detail: { ideas: theme.ideas.length } }),
  );
  const seen = new Set<string>();
  const idea = (i: KeyIdea | HarvestIdea): EvidenceItem => {
    const key = harvestIdeaKey(i);
    seen.add(key);
    return item(ctx, 'cafe-idea', key, {
      text: i.text,
      theme: themeOf.get(key) ?? null,
      credit: creditIn(ctx, { name: i.author, group: i.group }),
      at: i.createdAt,
      detail: { table: i.tableId === null ? null : (labels.get(i.tableId) ?? null), round: i.round },
    });
  };
  const ideas = cafe.notes.flatMap((n) => n.ideas.map(idea));
  // Ideas written in the harvest itself (no table notepad holds them) are evidence too.
  const harvestOnly = [...cafe.harvest.themes.flatMap((t) => t.ideas), ...cafe.harvest.unthemed].filter((i) => !seen.has(harvestIdeaKey(i)));
  return [...themes, ...ideas, ...harvestOnly.map(idea)];
}
