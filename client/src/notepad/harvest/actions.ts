// What the harvest's writers do to its document (HARV5, docs/notepads.md): themes created,
// renamed, merged and deleted, ideas placed. Plain functions on a Y.Doc, one transaction each,
// so the board only adapts and these are tested without a browser. The ideas themselves are the
// server's (HARV3): nothing here writes them.
import { HARVEST_LIMITS, HARVEST_PLACEMENT, HARVEST_THEMES } from '@open-talks/shared';
import * as Y from 'yjs';

export type HarvestActionResult = { ok: true; themeId?: string } | { ok: false; reason: 'empty-name' | 'too-many' | 'no-such-theme' | 'not-empty' | 'same-theme' };

function themes(doc: Y.Doc): Y.Array<Y.Map<unknown>> {
  return doc.getArray<Y.Map<unknown>>(HARVEST_THEMES);
}

function placement(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(HARVEST_PLACEMENT);
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

/** Puts an idea in a theme, or back among the unthemed (`themeId` null). */
export function placeIdea(doc: Y.Doc, ideaKey: string, themeId: string | null): HarvestActionResult {
  if (themeId === null) {
    placement(doc).delete(ideaKey);
    return { ok: true };
  }
  if (indexOfTheme(doc, themeId) < 0) return { ok: false, reason: 'no-such-theme' };
  placement(doc).set(ideaKey, themeId);
  return { ok: true };
}

/** Theme `fromId` into `intoId`: its ideas move over and it is gone, in one change everyone sees at once. */
export function mergeTheme(doc: Y.Doc, fromId: string, intoId: string): HarvestActionResult {
  if (fromId === intoId) return { ok: false, reason: 'same-theme' };
  if (indexOfTheme(doc, fromId) < 0 || indexOfTheme(doc, intoId) < 0) return { ok: false, reason: 'no-such-theme' };
  doc.transact(() => {
    const map = placement(doc);
    for (const [key, themeId] of map.entries()) if (themeId === fromId) map.set(key, intoId);
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
    for (const key of placed) map.delete(key);
    themes(doc).delete(index, 1);
  });
  return { ok: true };
}
