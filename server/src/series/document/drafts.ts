// SER44: a draft as live editors have it now (the room's document in memory, if loaded) or as
// stored, without loading it into the notepad server (the console's preview, freezing, tests).
import type { Language } from '@open-talks/shared';
import { DRAFT_BODY, DRAFT_TITLE, seriesDocumentRoom, titleFromRecord } from '@open-talks/shared/series';
import type * as Y from 'yjs';
import type { DraftText, SeriesDeps, SeriesDrafts } from '../deps.js';

/** The body text and the title block of a draft's Yjs document. */
export function readDraft(doc: Y.Doc): DraftText {
  return { text: doc.getText(DRAFT_BODY).toString(), title: titleFromRecord(doc.getMap<unknown>(DRAFT_TITLE).toJSON()) };
}

export function seriesDrafts(deps: Pick<SeriesDeps, 'store' | 'notepads'>): SeriesDrafts {
  return {
    read(seriesId: string, language: Language): Promise<DraftText> {
      return deps.notepads.readWith(seriesDocumentRoom(seriesId, language), readDraft);
    },
  };
}
