import type { Kysely } from 'kysely';
import type { TextVersion } from '@open-talks/shared';
import type { Database } from './schema.js';

export interface StoredMachineTranslation {
  sessionId: string;
  key: string;
  /** BCP 47: the language it was translated into. */
  language: string;
  /** The original's hash when it was made: an edited original gets a new one. */
  originalHash: string;
  /** BCP 47: the language it was translated from. */
  sourceLanguage: string;
  engine: string;
  text: string;
  at: number;
}

/** Machine translations, kept apart from the human versions and never in the record (MT10, MT11). */
export class MachineTranslationRepo {
  constructor(private readonly db: Kysely<Database>) {}

  /** The version made before for this text, language and original, if any. */
  async find(sessionId: string, key: string, language: string, originalHash: string): Promise<TextVersion | undefined> {
    const row = await this.db
      .selectFrom('machine_translations')
      .select(['language', 'text', 'engine', 'original_hash', 'created_at'])
      .where('session_id', '=', sessionId)
      .where('content_key', '=', key)
      .where('language', '=', language)
      .where('original_hash', '=', originalHash)
      .executeTakeFirst();
    if (!row) return undefined;
    return { language: row.language, text: row.text, source: 'machine', engine: row.engine, originalHash: row.original_hash, at: Number(row.created_at) };
  }

  /** Keeps one; a version already there for the same original (made at the same moment elsewhere) stays. */
  async insert(t: StoredMachineTranslation): Promise<void> {
    await this.db
      .insertInto('machine_translations')
      .values({
        session_id: t.sessionId,
        content_key: t.key,
        language: t.language,
        original_hash: t.originalHash,
        source_language: t.sourceLanguage,
        engine: t.engine,
        text: t.text,
        created_at: t.at,
      })
      .onConflict((oc) => oc.columns(['session_id', 'content_key', 'language', 'original_hash']).doNothing())
      .execute();
  }

  /** How many are kept for a session (tests, and the export's note that they are left out). */
  async count(sessionId: string): Promise<number> {
    const row = await this.db
      .selectFrom('machine_translations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('session_id', '=', sessionId)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }
}
