// SER42: the title block lives in the draft's Y.Map('title') with string values; anything else
// found there (an old client, a bad peer) reads as empty, so readers never trip on it.
import type { TitleBlock } from '../types.js';

export const DRAFT_BODY = 'body';
export const DRAFT_TITLE = 'title';
export const TITLE_KEYS = ['symbol', 'date', 'submittedBy', 'title'] as const satisfies readonly (keyof TitleBlock)[];

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The title block from the map's entries (a Y.Map's toJSON()). */
export function titleFromRecord(record: Record<string, unknown>): TitleBlock {
  const text = (key: keyof TitleBlock) => (typeof record[key] === 'string' ? record[key] : '');
  const date = text('date');
  return { symbol: text('symbol'), date: DATE.test(date) ? date : '', submittedBy: text('submittedBy'), title: text('title') };
}
