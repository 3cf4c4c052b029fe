import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/** One stored human version of a text in one language (docs/languages.md, LANG1). */
export interface StoredVersion {
  key: string;
  language: string;
  text: string;
  originalHash: string;
  /** Who wrote it: kept for the record, never sent to anyone (LANG6). */
  translatorId: string | null;
  updatedAt: number;
}

/** The human versions of a session's texts and the languages said of their originals (migration 0016). */
export class ContentRepo {
  constructor(private readonly db: Kysely<Database>) {}

  /** Every human version of the session, by key then language. */
  async versions(sessionId: string): Promise<StoredVersion[]> {
    const rows = await this.db.selectFrom('content_versions').selectAll().where('session_id', '=', sessionId).orderBy('content_key').orderBy('language').execute();
    return rows.map(toVersion);
  }

  /** The human versions of one text. */
  async versionsOf(sessionId: string, key: string): Promise<StoredVersion[]> {
    const rows = await this.db.selectFrom('content_versions').selectAll().where('session_id', '=', sessionId).where('content_key', '=', key).orderBy('language').execute();
    return rows.map(toVersion);
  }

  /** Adds or replaces the human version of one text in one language. */
  async saveVersion(sessionId: string, version: StoredVersion): Promise<void> {
    const values = { text: version.text, original_hash: version.originalHash, translator_id: version.translatorId, updated_at: version.updatedAt };
    await this.db
      .insertInto('content_versions')
      .values({ session_id: sessionId, content_key: version.key, language: version.language, ...values })
      .onConflict((oc) => oc.columns(['session_id', 'content_key', 'language']).doUpdateSet(values))
      .execute();
  }

  /** Whether there was one to remove. */
  async removeVersion(sessionId: string, key: string, language: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('content_versions')
      .where('session_id', '=', sessionId)
      .where('content_key', '=', key)
      .where('language', '=', language)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /** The languages said of the session's originals, by key. */
  async originalLanguages(sessionId: string): Promise<Map<string, string>> {
    const rows = await this.db.selectFrom('content_original_languages').select(['content_key', 'language']).where('session_id', '=', sessionId).execute();
    return new Map(rows.map((row) => [row.content_key, row.language]));
  }

  async originalLanguage(sessionId: string, key: string): Promise<string | null> {
    const row = await this.db.selectFrom('content_original_languages').select('language').where('session_id', '=', sessionId).where('content_key', '=', key).executeTakeFirst();
    return row?.language ?? null;
  }

  async setOriginalLanguage(sessionId: string, key: string, language: string, now: number): Promise<void> {
    await this.db
      .insertInto('content_original_languages')
      .values({ session_id: sessionId, content_key: key, language, updated_at: now })
      .onConflict((oc) => oc.columns(['session_id', 'content_key']).doUpdateSet({ language, updated_at: now }))
      .execute();
  }
}

function toVersion(row: { content_key: string; language: string; text: string; original_hash: string; translator_id: string | null; updated_at: number | string }): StoredVersion {
  return { key: row.content_key, language: row.language, text: row.text, originalHash: row.original_hash, translatorId: row.translator_id, updatedAt: Number(row.updated_at) };
}
