// What the harvest's writers do to its document (HARV5, docs/notepads.md): themes created,
// renamed, merged and deleted, ideas placed. Plain functions on a Y.Doc, one transaction each,
// so the board only adapts and these are tested without a browser. The ideas themselves are the
// server's (HARV3): nothing here writes them. The board's order within a column (BOARD1) is a
// position per idea in `order`, written by `moveIdea`; the other actions keep it sensible.
import { groupHarvest, HARVEST_LIMITS, HARVEST_ORDER, HARVEST_PLACEMENT, HARVEST_THEMES, planHarvestMove } from '@open-talks/shared';
import * as Y from 'yjs';
import { readHarvestDoc } from './useHarvest';

export type HarvestActionResult = { ok: true; themeId?: string } | { ok: false; reason: 'empty-name' | 'too-many' | 'no-such-theme' | 'not-empty' | 'same-theme' };

function themes(doc: Y.Doc): Y.Array<Y.Map<unknown>> {
  return doc.getArray<Y.Map<unknown>>(HARVEST_THEMES);
}

function placement(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(HARVEST_PLACEMENT);
}

function order(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(HARVEST_ORDER);
}

/** The keys of one column (a theme, or the unthemed when null) in the board's order, as every reader sees it. */
export function columnKeys(doc: Y.Doc, themeId: string | null, tableOrder: readonly string[] = []): string[] {
  const { ideas, themes, placement, order } = readHarvestDoc(doc);
  const grouping = groupHarvest(ideas, themes, placement, tableOrder, order);
  const list = themeId === null ? grouping.unthemed : grouping.themes.find((theme) => theme.id === themeId)?.ideas;
  return (list ?? []).map((idea) => idea.key);
}

function indexOfTheme(doc: Y.Doc, id: string): number {
  return themes(doc)
    .toArray()
    .findIndex((theme) => theme.get('id') === id);
}

function cleanName(name: string): string {
  return name.trim().slice(0, HARVEST_LIMITS.themeNameLength);
}

/** A new theme at the end of the board. */
export function createTheme(doc: Y.Doc, name: string, id: string = crypto.randomUUID()): HarvestActionResult {
  const clean = cleanName(name);
  if (!clean) return { ok: false, reason: 'empty-name' };
  if (themes(doc).length >= HARVEST_LIMITS.themes) return { ok: false, reason: 'too-many' };
  const theme = new Y.Map<unknown>();
  doc.transact(() => {
    themes(doc).push([theme]);
    theme.set('id', id);
    theme.set('name', clean);
  });
  return { ok: true, themeId: id };
}

export function renameTheme(doc: Y.Doc, id: string, name: string): HarvestActionResult {
  const clean = cleanName(name);
  if (!clean) return { ok: false, reason: 'empty-name' };
  const index = indexOfTheme(doc, id);
  if (index < 0) return { ok: false, reason: 'no-such-theme' };
  themes(doc).get(index).set('name', clean);
  return { ok: true };
}

/** Puts an idea in a theme, or back among the unthemed (`themeId` null), at the end of that column. */
export function placeIdea(doc: Y.Doc, ideaKey: string, themeId: string | null, tableOrder: readonly string[] = []): HarvestActionResult {
  return moveIdea(doc, ideaKey, themeId, null, tableOrder);
}

/**
 * BOARD1/BOARD2: puts an idea in a theme (or the unthemed, `themeId` null) just before `beforeKey`
 * (at the end when null), in one transaction: its placement, and its position, or the column's
 * positions when it must be numbered again. `tableOrder` is the café's, so the column read here is
 * the one the board shows. Moving an idea to where it is writes nothing.
 */
export function moveIdea(doc: Y.Doc, ideaKey: string, themeId: string | null, beforeKey: string | null, tableOrder: readonly string[] = []): HarvestActionResult {
  if (themeId !== null && indexOfTheme(doc, themeId) < 0) return { ok: false, reason: 'no-such-theme' };
  const map = placement(doc);
  const sameColumn = themeId === null ? !isPlacedInTheme(doc, ideaKey) : map.get(ideaKey) === themeId;
  const column = columnKeys(doc, themeId, tableOrder);
  const plan = planHarvestMove(sameColumn ? column : column.filter((key) => key !== ideaKey), readHarvestDoc(doc).order, ideaKey, beforeKey);
  if (sameColumn && plan.size === 0) return { ok: true };
  doc.transact(() => {
    if (themeId === null) map.delete(ideaKey);
    else map.set(ideaKey, themeId);
    for (const [key, position] of plan) order(doc).set(key, position);
  });
  return { ok: true };
}

function isPlacedInTheme(doc: Y.Doc, ideaKey: string): boolean {
  const themeId = placement(doc).get(ideaKey);
  return typeof themeId === 'string' && indexOfTheme(doc, themeId) >= 0;
}

/**
 * Theme `fromId` into `intoId`: its ideas move over (BOARD1: after the ideas already there, in
 * their order) and it is gone, in one change everyone sees at once.
 */
export function mergeTheme(doc: Y.Doc, fromId: string, intoId: string, tableOrder: readonly string[] = []): HarvestActionResult {
  if (fromId === intoId) return { ok: false, reason: 'same-theme' };
  if (indexOfTheme(doc, fromId) < 0 || indexOfTheme(doc, intoId) < 0) return { ok: false, reason: 'no-such-theme' };
  const [from, into] = [columnKeys(doc, fromId, tableOrder), columnKeys(doc, intoId, tableOrder)];
  doc.transact(() => {
    const map = placement(doc);
    for (const [key, themeId] of map.entries()) if (themeId === fromId) map.set(key, intoId);
    // Numbered again, the merged column in one piece: the ideas already there, then the newcomers.
    [...into, ...from].forEach((key, index) => order(doc).set(key, index + 1));
    themes(doc).delete(indexOfTheme(doc, fromId), 1);
  });
  return { ok: true };
}

/**
 * Deletes a theme that holds none of `ideaKeys` (the ideas now in the harvest); placements left
 * over from ideas dropped at their table go with it. A theme with ideas is merged, not deleted.
 */
export function deleteEmptyTheme(doc: Y.Doc, id: string, ideaKeys: ReadonlySet<string>): HarvestActionResult {
  const index = indexOfTheme(doc, id);
  if (index < 0) return { ok: false, reason: 'no-such-theme' };
  const map = placement(doc);
  const placed = [...map.entries()].filter(([, themeId]) => themeId === id).map(([key]) => key);
  if (placed.some((key) => ideaKeys.has(key))) return { ok: false, reason: 'not-empty' };
  doc.transact(() => {
    for (const key of placed) {
      map.delete(key);
      order(doc).delete(key);
    }
    themes(doc).delete(index, 1);
  });
  return { ok: true };
}
