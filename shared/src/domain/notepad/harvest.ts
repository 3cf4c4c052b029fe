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

/** Y.Map (BOARD1): harvest idea key → its position (a finite number) within its theme, or the unthemed. */
export const HARVEST_ORDER = 'order';

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

/** Only finite numbers are positions; anything else a client wrote counts as no position. */
export function harvestPosition(order: ReadonlyMap<string, number>, key: string): number | undefined {
  const value = order.get(key);
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** The board's order within one column: positioned ideas by position (then key), then the rest in the default order. */
export function compareByBoardOrder(order: ReadonlyMap<string, number>, tableOrder: readonly string[] = []) {
  const fallback = compareHarvestIdeas(tableOrder);
  return (a: HarvestIdea, b: HarvestIdea): number => {
    const [pa, pb] = [harvestPosition(order, a.key), harvestPosition(order, b.key)];
    if (pa !== undefined && pb !== undefined) return pa - pb || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
    if (pa !== undefined) return -1;
    if (pb !== undefined) return 1;
    return fallback(a, b);
  };
}

/**
 * Ideas grouped by theme (themes in board order), the rest unthemed; each list in the board's
 * order (BOARD1: by position where the board gave one, then round, table and when written).
 */
export function groupHarvest(
  ideas: readonly HarvestIdea[],
  themes: readonly HarvestTheme[],
  placement: ReadonlyMap<string, string>,
  tableOrder: readonly string[] = [],
  order: ReadonlyMap<string, number> = new Map(),
): HarvestGrouping {
  const byTheme = new Map<string, HarvestIdea[]>(themes.map((theme) => [theme.id, []]));
  const unthemed: HarvestIdea[] = [];
  for (const idea of ideas) {
    const list = byTheme.get(placement.get(idea.key) ?? '');
    (list ?? unthemed).push(idea);
  }
  const compare = compareByBoardOrder(order, tableOrder);
  return {
    themes: themes.map((theme) => ({ ...theme, ideas: byTheme.get(theme.id)!.sort(compare) })),
    unthemed: unthemed.sort(compare),
  };
}

/** Reads one theme record (a Y.Map's entries) or null when it is not one. */
export function harvestThemeFromRecord(record: Record<string, unknown>): HarvestTheme | null {
  const { id, name } = record;
  if (typeof id !== 'string' || typeof name !== 'string') return null;
  return { id, name };
}
