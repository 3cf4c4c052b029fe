// References from the draft to evidence (SER5): the sources' keys, what they said when inserted
// or last resolved (the snapshot the repair compares with), the summary and an optional quote.
import type { ReferenceSnapshot, ReferenceSummary } from '@open-talks/shared/series';
import type { Kysely, Selectable } from 'kysely';
import type { Database } from './schema.js';
import type { SeriesReferencesTable } from './series-schema.js';

export interface StoredSeriesReference {
  id: string;
  seriesId: string;
  sources: string[];
  quote: string | null;
  snapshot: ReferenceSnapshot;
  summary: ReferenceSummary;
  /** The series member who inserted it. */
  createdBy: string;
  createdAt: number;
  resolvedAt: number | null;
}

function toReference(row: Selectable<SeriesReferencesTable>): StoredSeriesReference {
  return {
    id: row.id,
    seriesId: row.series_id,
    sources: JSON.parse(row.sources) as string[],
    quote: row.quote,
    snapshot: JSON.parse(row.snapshot) as ReferenceSnapshot,
    summary: JSON.parse(row.summary) as ReferenceSummary,
    createdBy: row.created_by,
    createdAt: Number(row.created_at),
    resolvedAt: row.resolved_at === null ? null : Number(row.resolved_at),
  };
}

export class SeriesReferencesRepo {
  constructor(protected readonly db: Kysely<Database>) {}

  async insert(ref: StoredSeriesReference): Promise<void> {
    await this.db
      .insertInto('series_references')
      .values({
        id: ref.id,
        series_id: ref.seriesId,
        sources: JSON.stringify(ref.sources),
        quote: ref.quote,
        snapshot: JSON.stringify(ref.snapshot),
        summary: JSON.stringify(ref.summary),
        created_by: ref.createdBy,
        created_at: ref.createdAt,
        resolved_at: ref.resolvedAt,
      })
      .execute();
  }

  /** The series' references, oldest first. */
  async list(seriesId: string): Promise<StoredSeriesReference[]> {
    const rows = await this.db.selectFrom('series_references').selectAll().where('series_id', '=', seriesId).orderBy('created_at').orderBy('id').execute();
    return rows.map(toReference);
  }

  async byId(seriesId: string, id: string): Promise<StoredSeriesReference | undefined> {
    const row = await this.db.selectFrom('series_references').selectAll().where('series_id', '=', seriesId).where('id', '=', id).executeTakeFirst();
    return row ? toReference(row) : undefined;
  }

  /** Resolve: the sources as they are now replace what the reference stood for. */
  async resolve(seriesId: string, id: string, next: Pick<StoredSeriesReference, 'sources' | 'snapshot' | 'summary' | 'quote'>, now: number): Promise<boolean> {
    const result = await this.db
      .updateTable('series_references')
      .set({ sources: JSON.stringify(next.sources), snapshot: JSON.stringify(next.snapshot), summary: JSON.stringify(next.summary), quote: next.quote, resolved_at: now })
      .where('series_id', '=', seriesId)
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
}
