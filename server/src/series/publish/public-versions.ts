// The finalised versions as the public page reads them (SER111, SER112): a small read of the
// `series_versions` table. The publish part owns that table and its repository
// (store/series-versions-repo.ts); until its reads land, the public part reads the rows here, and
// this file goes once the repository has `list` and `document`. Only finalised versions are in
// the table: a draft is never read here.
import type { Language } from '@open-talks/shared';
import { INFORMATION_DOCUMENT_SCHEMA, type InformationDocument, type VersionSummary } from '@open-talks/shared/series';
import type { Kysely } from 'kysely';
import type { Store } from '../../store/index.js';
import type { Database } from '../../store/schema.js';
import { SeriesVersionsRepo } from '../../store/series-versions-repo.js';

/** Reaches the repository's database handle (protected, so that parts can extend the repository). */
class VersionsTable extends SeriesVersionsRepo {
  static dbOf(repo: SeriesVersionsRepo): Kysely<Database> {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- same shape, but TS lets a subclass read `db` only through its own type
    return (repo as VersionsTable).db;
  }
}

export interface PublishedVersions {
  /** Every version of the series, newest first; each with its languages, the original first. */
  list(seriesId: string): Promise<VersionSummary[]>;
  /** One version in one language, or null when the version has no text in it. */
  document(seriesId: string, version: number, language: Language): Promise<InformationDocument | null>;
}

export function publishedVersions(store: Store): PublishedVersions {
  const db = () => VersionsTable.dbOf(store.seriesVersions);
  return {
    async list(seriesId) {
      const rows = await db()
        .selectFrom('series_versions')
        .select(['version', 'language', 'original', 'changes', 'finalised_by', 'finalised_at'])
        .where('series_id', '=', seriesId)
        .orderBy('version', 'desc')
        .orderBy('original', 'desc')
        .orderBy('language')
        .execute();
      const versions = new Map<number, VersionSummary>();
      for (const row of rows) {
        const version = Number(row.version);
        const summary = versions.get(version);
        if (summary) {
          summary.languages.push(row.language as Language);
          continue;
        }
        // The original's row comes first (ordered above): its date and changes are the version's.
        versions.set(version, {
          version,
          languages: [row.language as Language],
          finalisedAt: Number(row.finalised_at),
          changes: row.changes,
          finalisedBy: row.finalised_by,
        });
      }
      return [...versions.values()];
    },
    async document(seriesId, version, language) {
      const row = await db()
        .selectFrom('series_versions')
        .select('document')
        .where('series_id', '=', seriesId)
        .where('version', '=', version)
        .where('language', '=', language)
        .executeTakeFirst();
      if (!row) return null;
      const doc = JSON.parse(row.document) as InformationDocument;
      // Written by our own finalise; a row of another shape is not shown rather than half-shown.
      return doc.schema === INFORMATION_DOCUMENT_SCHEMA ? doc : null;
    },
  };
}
