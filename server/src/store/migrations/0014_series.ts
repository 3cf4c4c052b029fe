// Series and their information document (issue 16, docs/series.md). A session belongs to at
// most one series. The draft is a Yjs document per language, stored like a notepad (snapshot +
// updates) but owned by the series, not a session. Versions are frozen JSON, never edited.
import { type Kysely, PostgresAdapter } from 'kysely';

export async function up(db: Kysely<any>) {
  const bytes = db.getExecutor().adapter instanceof PostgresAdapter ? 'bytea' : 'blob';
  await db.schema
    .createTable('series')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('languages', 'text', (c) => c.notNull()) // JSON Language[]
    .addColumn('attribution', 'varchar(16)', (c) => c.notNull())
    .addColumn('original_language', 'varchar(8)', (c) => c.notNull())
    // The public page's link: made once, kept across unpublish and publish (like the record's).
    .addColumn('public_slug', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('published_at', 'bigint')
    // The version the organiser published (SER112): a version finalised later stays off the
    // public page until they publish it too; null before the first.
    .addColumn('published_version', 'integer')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('series_members')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('series_id', 'varchar(64)', (c) => c.notNull().references('series.id').onDelete('cascade'))
    .addColumn('role', 'varchar(16)', (c) => c.notNull())
    .addColumn('display_name', 'text')
    .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('removed_at', 'bigint')
    .execute();
  await db.schema.createIndex('series_members_series').on('series_members').column('series_id').execute();
  await db.schema
    .createTable('series_sessions')
    .addColumn('session_id', 'varchar(64)', (c) => c.primaryKey().references('sessions.id').onDelete('cascade'))
    .addColumn('series_id', 'varchar(64)', (c) => c.notNull().references('series.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('added_at', 'bigint', (c) => c.notNull())
    .execute();
  // Unique: two sessions added at once cannot take the same position (series-repo addSession retries).
  await db.schema.createIndex('series_sessions_series').on('series_sessions').columns(['series_id', 'position']).unique().execute();
  // The drafts: one Yjs document per series and language (room series/<id>/document/<lang>).
  await db.schema
    .createTable('series_document_snapshots')
    .addColumn('room', 'varchar(200)', (c) => c.primaryKey())
    .addColumn('series_id', 'varchar(64)', (c) => c.notNull().references('series.id').onDelete('cascade'))
    .addColumn('data', bytes, (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('series_document_updates')
    .addColumn('room', 'varchar(200)', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('series_id', 'varchar(64)', (c) => c.notNull().references('series.id').onDelete('cascade'))
    .addColumn('data', bytes, (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('series_document_updates_pk', ['room', 'seq'])
    .execute();
  // References from the draft to evidence: sources and what they said when inserted (or last resolved).
  await db.schema
    .createTable('series_references')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('series_id', 'varchar(64)', (c) => c.notNull().references('series.id').onDelete('cascade'))
    .addColumn('sources', 'text', (c) => c.notNull()) // JSON string[]: evidence keys
    .addColumn('quote', 'text')
    .addColumn('snapshot', 'text', (c) => c.notNull()) // JSON: each source's facts when inserted or resolved
    .addColumn('summary', 'text', (c) => c.notNull()) // JSON ReferenceSummary
    .addColumn('created_by', 'varchar(64)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('resolved_at', 'bigint')
    .execute();
  await db.schema.createIndex('series_references_series').on('series_references').column('series_id').execute();
  // Finalised versions: one row per version and language; the original is written first.
  await db.schema
    .createTable('series_versions')
    .addColumn('series_id', 'varchar(64)', (c) => c.notNull().references('series.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('language', 'varchar(8)', (c) => c.notNull())
    .addColumn('original', 'integer', (c) => c.notNull()) // 0 or 1
    .addColumn('document', 'text', (c) => c.notNull()) // JSON InformationDocument
    .addColumn('changes', 'text', (c) => c.notNull())
    .addColumn('finalised_by', 'varchar(64)')
    .addColumn('finalised_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('series_versions_pk', ['series_id', 'version', 'language'])
    .execute();
}
