import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export interface PublicationRecord {
  sessionId: string;
  slug: string;
  /** null while unpublished. */
  publishedAt: number | null;
}

/** The public outcome page's link per session (REC10): published, unpublished, published again. */
export class RecordRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async publication(sessionId: string): Promise<PublicationRecord | null> {
    const row = await this.db.selectFrom('record_publications').selectAll().where('session_id', '=', sessionId).executeTakeFirst();
    return row ? { sessionId: row.session_id, slug: row.slug, publishedAt: row.published_at === null ? null : Number(row.published_at) } : null;
  }

  async bySlug(slug: string): Promise<PublicationRecord | null> {
    const row = await this.db.selectFrom('record_publications').selectAll().where('slug', '=', slug).executeTakeFirst();
    return row ? { sessionId: row.session_id, slug: row.slug, publishedAt: row.published_at === null ? null : Number(row.published_at) } : null;
  }

  /** Publishes (with the slug given the first time) or unpublishes (publishedAt null); the slug is kept. */
  async save(publication: PublicationRecord, now: number): Promise<void> {
    await this.db
      .insertInto('record_publications')
      .values({ session_id: publication.sessionId, slug: publication.slug, published_at: publication.publishedAt, updated_at: now })
      .onConflict((oc) => oc.column('session_id').doUpdateSet({ published_at: publication.publishedAt, updated_at: now }))
      .execute();
  }
}
