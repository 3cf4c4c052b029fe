// The finalised versions as the public page reads them (SER112, SER113, SER117): the publish
// part's repository (store/series-versions-repo.ts), narrowed to what the page needs. Only
// finalised versions are in that table, so a draft is never read here; the repository's reads
// already drop the references it keeps beside each document.
import type { Language } from '@open-talks/shared';
import type { InformationDocument, VersionSummary } from '@open-talks/shared/series';
import type { Store } from '../../store/index.js';

export interface PublishedVersions {
  /** Every version of the series, newest first; each with its languages, the original first. */
  list(seriesId: string): Promise<VersionSummary[]>;
  /** One version in one language, or null when the version has no text in it. */
  document(seriesId: string, version: number, language: Language): Promise<InformationDocument | null>;
}

export function publishedVersions(store: Store): PublishedVersions {
  return {
    list: (seriesId) => store.seriesVersions.list(seriesId),
    document: async (seriesId, version, language) => (await store.seriesVersions.get(seriesId, version, language))?.document ?? null,
  };
}
