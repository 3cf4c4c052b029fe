// The console's document section (SER7–SER9): versions, finalise, exports, translations,
// publication. Owned by the publish part; the series console mounts it.
import type { Language } from '@open-talks/shared';
import type { SeriesRole } from '@open-talks/shared/series';

export interface DocumentPanelProps {
  seriesId: string;
  token: string;
  role: SeriesRole;
  languages: Language[];
  originalLanguage: Language;
}

export function DocumentPanel(_props: DocumentPanelProps) {
  return null;
}
