// The tables of content in several languages (migration 0016, docs/languages.md); same conventions as schema.ts.

export interface ContentVersionsTable {
  session_id: string;
  content_key: string;
  /** BCP 47, canonical. */
  language: string;
  text: string;
  original_hash: string;
  /** Who wrote it; kept for the record, never sent. */
  translator_id: string | null;
  updated_at: number;
}

export interface ContentOriginalLanguagesTable {
  session_id: string;
  content_key: string;
  language: string;
  updated_at: number;
}

export interface ContentTables {
  content_versions: ContentVersionsTable;
  content_original_languages: ContentOriginalLanguagesTable;
}
