// The finalised versions as the public page reads them (SER112, SER113, SER117): the publish
// part's repository (store/series-versions-repo.ts), narrowed to what the page needs. Only
// finalised versions are in that table, so a draft is never read here; the repository's reads
// already drop the references it keeps beside each document. Which of them are public is the
// series' published version (readPublicSeries).
//
// A frozen version never changes: its public form is kept in a small bounded cache (review item
// 6), with what the routes render from it, so a popular page does not parse and render megabytes
// on every request.
import type { Language } from '@open-talks/shared';
import type { InformationDocument, VersionSummary } from '@open-talks/shared/series';
import type { Store } from '../../store/index.js';
import { BoundedCache, versionKey, type Cached } from './public-cache.js';

export interface PublishedVersions {
  /** Every version of the series, newest first; each with its languages, the original first. */
  list(seriesId: string): Promise<VersionSummary[]>;
  /** One version in one language as the public may read it, or null when the version has no text in it. */
  document(seriesId: string, version: number, language: Language): Promise<InformationDocument | null>;
  /** Texts rendered from frozen versions (the page, the printable file, the JSON), keyed by the caller. */
  rendered: BoundedCache<Cached<string>>;
}

/**
 * The document without the series' internal ids (review item 10): session ids name the sessions'
 * API and are not the public's business; the annex and the statistics are read by title.
 */
export function publicDocument(doc: InformationDocument): InformationDocument {
  return {
    ...doc,
    annex: doc.annex.map(({ sessionId: _hidden, ...section }) => section) as InformationDocument['annex'],
    blocks: doc.blocks.map((block) =>
      block.kind === 'stats'
        ? { ...block, statistics: { ...block.statistics, sessions: block.statistics.sessions.map(({ sessionId: _hidden, ...s }) => s) as typeof block.statistics.sessions } }
        : block,
    ),
  };
}

// A parsed document is several times its JSON: a few of them; rendered texts are strings.
const DOCUMENTS = 8;
const RENDERED = 24;

// One cache per store (the page and the JSON routes share it); a test's server has its own store.
const perStore = new WeakMap<Store, PublishedVersions>();

export function publishedVersions(store: Store): PublishedVersions {
  const existing = perStore.get(store);
  if (existing) return existing;
  const documents = new BoundedCache<InformationDocument>(DOCUMENTS);
  const made: PublishedVersions = {
    list: (seriesId) => store.seriesVersions.list(seriesId),
    document: (seriesId, version, language) =>
      documents.through(versionKey(seriesId, version, language), async () => {
        const stored = await store.seriesVersions.get(seriesId, version, language);
        return stored ? publicDocument(stored.document) : null;
      }),
    rendered: new BoundedCache<Cached<string>>(RENDERED),
  };
  perStore.set(store, made);
  return made;
}
