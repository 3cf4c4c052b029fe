// The series' tables (migration 0014); same conventions as schema.ts.
import type { Bytes } from './schema.js';

export interface SeriesTable {
  id: string;
  title: string;
  topic: string;
  languages: string; // JSON Language[]
  attribution: string;
  original_language: string;
  public_slug: string;
  published_at: number | null;
  published_version: number | null;
  created_at: number;
}

export interface SeriesMembersTable {
  id: string;
  series_id: string;
  role: string; // SeriesRole
  display_name: string | null;
  token_hash: string;
  created_at: number;
  removed_at: number | null;
}

export interface SeriesSessionsTable {
  session_id: string;
  series_id: string;
  position: number;
  added_at: number;
}

export interface SeriesDocumentSnapshotsTable {
  room: string;
  series_id: string;
  data: Bytes;
  updated_at: number;
}

export interface SeriesDocumentUpdatesTable {
  room: string;
  seq: number;
  series_id: string;
  data: Bytes;
  created_at: number;
}

export interface SeriesReferencesTable {
  id: string;
  series_id: string;
  sources: string; // JSON string[]
  quote: string | null;
  snapshot: string; // JSON
  summary: string; // JSON ReferenceSummary
  created_by: string;
  created_at: number;
  resolved_at: number | null;
}

export interface SeriesVersionsTable {
  series_id: string;
  version: number;
  language: string;
  original: number; // 0 or 1
  document: string; // JSON InformationDocument
  changes: string;
  finalised_by: string | null;
  finalised_at: number;
}

export interface SeriesTables {
  series: SeriesTable;
  series_members: SeriesMembersTable;
  series_sessions: SeriesSessionsTable;
  series_document_snapshots: SeriesDocumentSnapshotsTable;
  series_document_updates: SeriesDocumentUpdatesTable;
  series_references: SeriesReferencesTable;
  series_versions: SeriesVersionsTable;
}
