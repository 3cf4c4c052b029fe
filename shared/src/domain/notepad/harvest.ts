// The shape of the harvest's Yjs document (HARV, docs/notepads.md) and its reading as themes.
// The server mirrors every table's key ideas into the harvest document, so the board, the
// projector and exports read one document instead of every table's. Pure; no yjs here.
import type { KeyIdea } from './ideas.js';

/** Y.Map: harvest idea key → a plain record of the key idea (written by the server only). */
export const HARVEST_IDEAS = 'ideas';
/** Y.Array of Y.Maps `{ id, name }`, the themes in the board's order. */
export const HARVEST_THEMES = 'themes';
/** Y.Map: harvest idea key → theme id; an idea with no entry (or an unknown theme) is not yet themed. */
export const HARVEST_PLACEMENT = 'placement';

export const HARVEST_LIMITS = {
  themeNameLength: 120,
  themes: 200,
} as const;

/** A key idea in the harvest, known by a key that is unique across tables and rounds. */
export interface HarvestIdea extends KeyIdea {
  key: string;
}

export interface HarvestTheme {
  id: string;
  name: string;
}

export interface HarvestThemeWithIdeas extends HarvestTheme {
  ideas: HarvestIdea[];
}

export interface HarvestGrouping {
  themes: HarvestThemeWithIdeas[];
  /** Ideas not placed in any (existing) theme. */
  unthemed: HarvestIdea[];
}

/** The key of a table's key idea in the harvest: table, round and the idea's own id. */
export function harvestIdeaKey(idea: Pick<KeyIdea, 'tableId' | 'round' | 'id'>): string {
  return `${idea.tableId ?? '-'}/${idea.round}/${idea.id}`;
}

/**
 * A stable order for ideas: round, then table (in the café's table order when given), then when
 * written. Ties broken by key so two readers always agree.
 */
export function compareHarvestIdeas(tableOrder: readonly string[] = []) {
  const rank = new Map(tableOrder.map((id, index) => [id, index]));
  return (a: HarvestIdea, b: HarvestIdea): number =>
    a.round - b.round ||
    (rank.get(a.tableId ?? '') ?? Number.MAX_SAFE_INTEGER) - (rank.get(b.tableId ?? '') ?? Number.MAX_SAFE_INTEGER) ||
    a.createdAt - b.createdAt ||
    (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/** Ideas grouped by theme (themes in board order), the rest unthemed; each list in a stable order. */
export function groupHarvest(
  ideas: readonly HarvestIdea[],
  themes: readonly HarvestTheme[],
  placement: ReadonlyMap<string, string>,
  tableOrder: readonly string[] = [],
): HarvestGrouping {
  const byTheme = new Map<string, HarvestIdea[]>(themes.map((theme) => [theme.id, []]));
  const unthemed: HarvestIdea[] = [];
  for (const idea of ideas) {
    const list = byTheme.get(placement.get(idea.key) ?? '');
    (list ?? unthemed).push(idea);
  }
  const order = compareHarvestIdeas(tableOrder);
  return {
    themes: themes.map((theme) => ({ ...theme, ideas: byTheme.get(theme.id)!.sort(order) })),
    unthemed: unthemed.sort(order),
  };
}

/** Reads one theme record (a Y.Map's entries) or null when it is not one. */
export function harvestThemeFromRecord(record: Record<string, unknown>): HarvestTheme | null {
  const { id, name } = record;
  if (typeof id !== 'string' || typeof name !== 'string') return null;
  return { id, name };
}
