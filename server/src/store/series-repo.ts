// The series, its members and its sessions (docs/series.md, SER1). Tokens are stored as hashes.
import type { Attribution, Language } from '@open-talks/shared';
import type { Series, SeriesRole } from '@open-talks/shared/series';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database } from './schema.js';
import type { SeriesMembersTable, SeriesTable } from './series-schema.js';

export interface SeriesRecord extends Series {
  publicSlug: string;
  publishedAt: number | null;
  /** The version the public page shows (and the earlier ones); null until one is published. */
  publishedVersion?: number | null;
}

export interface SeriesMemberRecord {
  id: string;
  seriesId: string;
  role: SeriesRole;
  displayName: string | null;
  createdAt: number;
  removedAt: number | null;
}

function toSeries(row: Selectable<SeriesTable>): SeriesRecord {
  return {
    id: row.id,
    title: row.title,
    topic: row.topic,
    languages: JSON.parse(row.languages) as Language[],
    attribution: row.attribution as Attribution,
    originalLanguage: row.original_language as Language,
    createdAt: Number(row.created_at),
    publicSlug: row.public_slug,
    publishedAt: row.published_at === null ? null : Number(row.published_at),
    publishedVersion: row.published_version === null || row.published_version === undefined ? null : Number(row.published_version),
  };
}

function toMember(row: Selectable<SeriesMembersTable>): SeriesMemberRecord {
  return {
    id: row.id,
    seriesId: row.series_id,
    role: row.role as SeriesRole,
    displayName: row.display_name,
    createdAt: Number(row.created_at),
    removedAt: row.removed_at === null ? null : Number(row.removed_at),
  };
}

/** A unique constraint refused the row (PostgreSQL's 23505, SQLite's SQLITE_CONSTRAINT_UNIQUE). */
function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || (typeof e?.message === 'string' && e.message.includes('UNIQUE constraint failed'));
}

export class SeriesRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(series: SeriesRecord): Promise<void> {
    await this.db
      .insertInto('series')
      .values({
        id: series.id,
        title: series.title,
        topic: series.topic,
        languages: JSON.stringify(series.languages),
        attribution: series.attribution,
        original_language: series.originalLanguage,
        public_slug: series.publicSlug,
        published_at: series.publishedAt,
        published_version: series.publishedVersion ?? null,
        created_at: series.createdAt,
      })
      .execute();
  }

  async byId(id: string): Promise<SeriesRecord | undefined> {
    const row = await this.db.selectFrom('series').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toSeries(row) : undefined;
  }

  async bySlug(slug: string): Promise<SeriesRecord | undefined> {
    const row = await this.db.selectFrom('series').selectAll().where('public_slug', '=', slug).executeTakeFirst();
    return row ? toSeries(row) : undefined;
  }

  async update(
    id: string,
    changes: Partial<Pick<SeriesRecord, 'title' | 'topic' | 'languages' | 'attribution' | 'originalLanguage' | 'publishedAt' | 'publishedVersion'>>,
  ): Promise<void> {
    const values: Partial<Selectable<SeriesTable>> = {};
    if (changes.title !== undefined) values.title = changes.title;
    if (changes.topic !== undefined) values.topic = changes.topic;
    if (changes.languages !== undefined) values.languages = JSON.stringify(changes.languages);
    if (changes.attribution !== undefined) values.attribution = changes.attribution;
    if (changes.originalLanguage !== undefined) values.original_language = changes.originalLanguage;
    if (changes.publishedAt !== undefined) values.published_at = changes.publishedAt;
    if (changes.publishedVersion !== undefined) values.published_version = changes.publishedVersion;
    if (Object.keys(values).length === 0) return;
    await this.db.updateTable('series').set(values).where('id', '=', id).execute();
  }

  async insertMember(member: SeriesMemberRecord, tokenHash: string): Promise<void> {
    await this.db
      .insertInto('series_members')
      .values({
        id: member.id,
        series_id: member.seriesId,
        role: member.role,
        display_name: member.displayName,
        token_hash: tokenHash,
        created_at: member.createdAt,
        removed_at: member.removedAt,
      })
      .execute();
  }

  async memberByTokenHash(tokenHash: string): Promise<SeriesMemberRecord | undefined> {
    const row = await this.db.selectFrom('series_members').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
    return row ? toMember(row) : undefined;
  }

  async members(seriesId: string): Promise<SeriesMemberRecord[]> {
    const rows = await this.db.selectFrom('series_members').selectAll().where('series_id', '=', seriesId).orderBy('created_at').orderBy('id').execute();
    return rows.map(toMember);
  }

  async removeMember(seriesId: string, memberId: string, now: number): Promise<boolean> {
    const result = await this.db
      .updateTable('series_members')
      .set({ removed_at: now })
      .where('series_id', '=', seriesId)
      .where('id', '=', memberId)
      .where('removed_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** Adds a session at the end; false when the session already belongs to a series (this one or another). */
  async addSession(seriesId: string, sessionId: string, now: number): Promise<boolean> {
    // The position is computed inside the insert (INSERT … SELECT max + 1), not read before it,
    // and (series, position) is unique: two sessions added at once cannot share a position; the
    // one that loses on PostgreSQL (both read the same max) tries again with the next number.
    // `where true`: SQLite needs a WHERE in an INSERT … SELECT that has an ON CONFLICT clause.
    for (let attempt = 1; ; attempt++) {
      try {
        const result = await this.db
          .insertInto('series_sessions')
          .columns(['series_id', 'session_id', 'position', 'added_at'])
          .expression(
            sql`select cast(${seriesId} as varchar(64)), cast(${sessionId} as varchar(64)),
              (select coalesce(max(position), 0) + 1 from series_sessions where series_id = ${seriesId}), cast(${now} as bigint) where true`,
          )
          .onConflict((oc) => oc.column('session_id').doNothing())
          .executeTakeFirst();
        return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
      } catch (error) {
        // Only a position taken meanwhile is tried again (each try, one of the racers wins).
        if (!isUniqueViolation(error) || attempt >= 50) throw error;
      }
    }
  }

  async removeSession(seriesId: string, sessionId: string): Promise<boolean> {
    const result = await this.db.deleteFrom('series_sessions').where('series_id', '=', seriesId).where('session_id', '=', sessionId).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /** The series' session ids, in the order they were added. */
  async sessionIds(seriesId: string): Promise<string[]> {
    const rows = await this.db.selectFrom('series_sessions').select('session_id').where('series_id', '=', seriesId).orderBy('position').execute();
    return rows.map((r) => r.session_id);
  }

  async seriesOfSession(sessionId: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('series_sessions').select('series_id').where('session_id', '=', sessionId).executeTakeFirst();
    return row?.series_id;
  }

  /** The languages that already have a finalised version (SER21: those cannot leave the series). */
  async finalisedLanguages(seriesId: string): Promise<string[]> {
    const rows = await this.db.selectFrom('series_versions').select('language').distinct().where('series_id', '=', seriesId).execute();
    return rows.map((r) => r.language);
  }

  async memberById(seriesId: string, memberId: string): Promise<SeriesMemberRecord | undefined> {
    const row = await this.db.selectFrom('series_members').selectAll().where('series_id', '=', seriesId).where('id', '=', memberId).executeTakeFirst();
    return row ? toMember(row) : undefined;
  }
}
