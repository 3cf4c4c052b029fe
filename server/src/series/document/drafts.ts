// Reads a draft as stored and as live editors have it now (SeriesDrafts): the document part fills it in.
import type { Language } from '@open-talks/shared';
import type { DraftText, SeriesDeps, SeriesDrafts } from '../deps.js';

export function seriesDrafts(_deps: Pick<SeriesDeps, 'store' | 'notepads'>): SeriesDrafts {
  return {
    async read(_seriesId: string, _language: Language): Promise<DraftText> {
      return { text: '', title: { symbol: '', date: '', submittedBy: '', title: '' } };
    },
  };
}
