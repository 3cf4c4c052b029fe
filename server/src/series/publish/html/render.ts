// A frozen version as HTML (SER8, SER10): one renderer for the printable export (a whole file)
// and the public page (its content inside the page). Owned by the public-page part.
import type { InformationDocument } from '@open-talks/shared/series';

export interface DocumentHtmlOptions {
  /** A whole printable file (with <html>, styles), or the fragment the public page embeds. */
  standalone: boolean;
}

export function documentHtml(_doc: InformationDocument, _options: DocumentHtmlOptions): string {
  return '';
}
