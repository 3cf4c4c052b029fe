// Column types are what both SQLite and PostgreSQL give back once the pg pool
// parses BIGINT as a number (see db.ts): times are epoch ms, lists are JSON text.

export interface SessionsTable {
  id: string;
  title: string;
  format: string;
  attribution: string;
  languages: string; // JSON array of language codes
  join_code: string;
  projector_token_hash: string;
  created_at: number;
  ended_at: number | null;
}

export interface ParticipantsTable {
  id: string;
  session_id: string;
  token_hash: string;
  display_name: string | null;
  role: string;
  mode: string;
  stakeholder_group: string;
  language: string;
  joined_at: number;
  removed_at: number | null;
}

export interface Database {
  sessions: SessionsTable;
  participants: ParticipantsTable;
}
