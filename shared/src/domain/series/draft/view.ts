// GET /api/series/:id/drafts/:language (SER44): a draft as live editors have it now, with the
// structure parseDocumentText reads from it (for previews, the console and tests).
import type { DocumentBlock, TitleBlock } from '../types.js';

export interface DraftView {
  text: string;
  title: TitleBlock;
  blocks: DocumentBlock[];
}
