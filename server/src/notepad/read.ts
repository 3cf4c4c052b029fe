// Reads a notepad's Yjs document as plain data, for exports and for the server's own checks.
import {
  HARVEST_IDEAS,
  HARVEST_ORDER,
  HARVEST_PLACEMENT,
  HARVEST_THEMES,
  harvestThemeFromRecord,
  keyIdeaFromRecord,
  NOTEPAD_IDEAS,
  NOTEPAD_TEXT,
  type HarvestIdea,
  type HarvestTheme,
  type KeyIdea,
} from '@open-talks/shared';
import * as Y from 'yjs';

export interface NotepadContent {
  /** The free notes. */
  text: string;
  /** Key ideas in the table's order; entries that are not well-formed are left out. */
  ideas: KeyIdea[];
}

export function readNotepad(doc: Y.Doc): NotepadContent {
  const ideas: KeyIdea[] = [];
  for (const item of doc.getArray<unknown>(NOTEPAD_IDEAS).toArray()) {
    if (!(item instanceof Y.Map)) continue;
    const idea = keyIdeaFromRecord(item.toJSON());
    if (idea) ideas.push(idea);
  }
  return { text: doc.getText(NOTEPAD_TEXT).toString(), ideas };
}

/** A document rebuilt from what storage holds (snapshot, then updates in order). */
export function docFromStored(stored: { snapshot: Uint8Array | null; updates: readonly Uint8Array[] }): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const update of stored.updates) Y.applyUpdate(doc, update);
  });
  return doc;
}

export interface HarvestContent {
  ideas: HarvestIdea[];
  themes: HarvestTheme[];
  /** Harvest idea key → theme id. */
  placement: Map<string, string>;
  /** Harvest idea key → its position within its column on the board (BOARD1). */
  order: Map<string, number>;
}

/** The harvest document (HARV) as plain data; group it with `groupHarvest`. */
export function readHarvest(doc: Y.Doc): HarvestContent {
  const ideas: HarvestIdea[] = [];
  for (const [key, value] of doc.getMap<unknown>(HARVEST_IDEAS).entries()) {
    const record = value instanceof Y.Map ? (value.toJSON() as Record<string, unknown>) : value;
    if (!record || typeof record !== 'object') continue;
    const idea = keyIdeaFromRecord(record as Record<string, unknown>);
    if (idea) ideas.push({ ...idea, key });
  }
  const themes: HarvestTheme[] = [];
  for (const item of doc.getArray<unknown>(HARVEST_THEMES).toArray()) {
    if (!(item instanceof Y.Map)) continue;
    const theme = harvestThemeFromRecord(item.toJSON());
    if (theme) themes.push(theme);
  }
  const placement = new Map<string, string>();
  for (const [key, themeId] of doc.getMap<unknown>(HARVEST_PLACEMENT).entries()) {
    if (typeof themeId === 'string') placement.set(key, themeId);
  }
  const order = new Map<string, number>();
  for (const [key, position] of doc.getMap<unknown>(HARVEST_ORDER).entries()) {
    if (typeof position === 'number' && Number.isFinite(position)) order.set(key, position);
  }
  return { ideas, themes, placement, order };
}
