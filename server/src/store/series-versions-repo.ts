// Finalised versions and their translations (SER7, SER91–SER94): one row per version and
// language, frozen JSON never edited again. Owned by the publish part.
//
// The `document` column holds the InformationDocument and, beside it under `frozenReferences`,
// the references as the version froze them (their summaries and annex refs), so a translation
// attached later puts the very same references in its own words. Reads strip that key: callers
// only ever see the InformationDocument.
import type { Language } from '@open-talks/shared';
import type { FrozenReference, InformationDocument, VersionSummary } from '@open-talks/shared/series';
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export interface StoredVersion {
  document: InformationDocument;
  references: FrozenReference[];
}

interface StoredJson extends InformationDocument {
  frozenReferences?: FrozenReference[];
}

function fromJson(json: string): StoredVersion {
  const { frozenReferences, ...document } = JSON.parse(json) as StoredJson;
  return { document, references: frozenReferences ?? [] };
}

export class SeriesVersionsRepo {
  constructor(protected readonly db: Kysely<Database>) {}

  /** The highest version number so far, 0 when none. */
  async latest(seriesId: string): Promise<number> {
    const row = await this.db
      .selectFrom('series_versions')
      .select((eb) => eb.fn.max('version').as('v'))
      .where('series_id', '=', seriesId)
      .executeTakeFirst();
    return Number(row?.v ?? 0);
  }

  /**
   * Stores a version's document in one language. The primary key (series, version, language)
   * makes a second writer of the same version fail instead of overwriting (run it in a transaction).
   */
  async insert(seriesId: string, stored: StoredVersion, finalisedBy: string | null): Promise<void> {
    const { document } = stored;
    await this.db
      .insertInto('series_versions')
      .values({
        series_id: seriesId,
        version: document.version,
        language: document.language,
        original: document.original ? 1 : 0,
        document: JSON.stringify({ ...document, frozenReferences: stored.references } satisfies StoredJson),
        changes: document.changes,
        finalised_by: finalisedBy,
        finalised_at: document.finalisedAt,
      })
      .execute();
  }

  async get(seriesId: string, version: number, language: Language): Promise<StoredVersion | undefined> {
    const row = await this.db
      .selectFrom('series_versions')
      .select('document')
      .where('series_id', '=', seriesId)
      .where('version', '=', version)
      .where('language', '=', language)
      .executeTakeFirst();
    return row ? fromJson(row.document) : undefined;
  }

  /** The version in its original language. */
  async original(seriesId: string, version: number): Promise<StoredVersion | undefined> {
    const row = await this.db
      .selectFrom('series_versions')
      .select('document')
      .where('series_id', '=', seriesId)
      .where('version', '=', version)
      .where('original', '=', 1)
      .executeTakeFirst();
    return row ? fromJson(row.document) : undefined;
  }

  /** Every version, newest first, with its languages (the original first). */
  async list(seriesId: string): Promise<VersionSummary[]> {
    const rows = await this.db
      .selectFrom('series_versions')
      .select(['version', 'language', 'original', 'changes', 'finalised_by', 'finalised_at'])
      .where('series_id', '=', seriesId)
      .orderBy('version', 'desc')
      .orderBy('original', 'desc')
      .orderBy('language')
      .execute();
    const out: VersionSummary[] = [];
    for (const row of rows) {
      const version = Number(row.version);
      const last = out[out.length - 1];
      if (last && last.version === version) {
        last.languages.push(row.language as Language);
        continue;
      }
      out.push({ version, languages: [row.language as Language], finalisedAt: Number(row.finalised_at), changes: row.changes, finalisedBy: row.finalised_by });
    }
    return out;
  }
}
