// The evidence side panel (SER4–SER6): owned by the evidence part. The draft page mounts it and
// passes `onInsert`, which puts text (a reference token "[[ref:<id>]]" or "[[stats]]") at the cursor.
import type { Language } from '@open-talks/shared';

export interface EvidencePanelProps {
  seriesId: string;
  token: string;
  /** The draft's language: reference labels and the statistics are shown in it. */
  language: Language;
  onInsert(text: string): void;
}

export function EvidencePanel(_props: EvidencePanelProps) {
  return null;
}
