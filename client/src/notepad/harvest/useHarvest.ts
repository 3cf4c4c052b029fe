import {
  HARVEST_IDEAS,
  HARVEST_ORDER,
  HARVEST_PLACEMENT,
  HARVEST_THEMES,
  harvestThemeFromRecord,
  keyIdeaFromRecord,
  type HarvestIdea,
  type HarvestTheme,
} from '@open-talks/shared';
import { useEffect, useState } from 'react';
import * as Y from 'yjs';

export interface HarvestData {
  ideas: HarvestIdea[];
  themes: HarvestTheme[];
  /** Harvest idea key → theme id. */
  placement: Map<string, string>;
  /** Harvest idea key → its position within its column (BOARD1); pass it to `groupHarvest`. */
  order: Map<string, number>;
}

const EMPTY: HarvestData = { ideas: [], themes: [], placement: new Map(), order: new Map() };

/** The harvest document as plain data (the shape of HARV, as the server's readHarvest reads it). */
export function readHarvestDoc(doc: Y.Doc): HarvestData {
  const ideas: HarvestIdea[] = [];
  for (const [key, value] of Object.entries(doc.getMap<unknown>(HARVEST_IDEAS).toJSON())) {
    const idea = value && typeof value === 'object' ? keyIdeaFromRecord(value as Record<string, unknown>) : null;
    if (idea) ideas.push({ ...idea, key });
  }
  const themes = (doc.getArray<unknown>(HARVEST_THEMES).toJSON() as unknown[]).flatMap((record) => {
    const theme = record && typeof record === 'object' ? harvestThemeFromRecord(record as Record<string, unknown>) : null;
    return theme ? [theme] : [];
  });
  const placement = new Map<string, string>();
  for (const [key, themeId] of Object.entries(doc.getMap<unknown>(HARVEST_PLACEMENT).toJSON())) {
    if (typeof themeId === 'string') placement.set(key, themeId);
  }
  const order = new Map<string, number>();
  for (const [key, position] of Object.entries(doc.getMap<unknown>(HARVEST_ORDER).toJSON())) {
    if (typeof position === 'number' && Number.isFinite(position)) order.set(key, position);
  }
  return { ideas, themes, placement, order };
}

/** The harvest, read again after each change to it (one read per transaction, not per field). */
export function useHarvest(doc: Y.Doc | undefined): HarvestData {
  const [data, setData] = useState<HarvestData>(() => (doc ? readHarvestDoc(doc) : EMPTY));
  useEffect(() => {
    if (!doc) return setData(EMPTY);
    const refresh = () => setData(readHarvestDoc(doc));
    refresh();
    doc.on('afterTransaction', refresh);
    return () => doc.off('afterTransaction', refresh);
  }, [doc]);
  return data;
}
