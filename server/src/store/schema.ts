// Column types are what both SQLite and PostgreSQL give back once the pg pool
// parses BIGINT as a number (see db.ts): times are epoch ms, lists are JSON text.
import type { ColumnType } from 'kysely';
import type { SeriesTables } from './series-schema.js';
import type { ConsultationTables } from './consultation-schema.js';
import type { ContentTables } from './content-schema.js';

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
  observer_notes: number; // 0 or 1: SQLite has no boolean
  projector: string | null; // JSON ProjectorChoice; null: the default (PROJ1)
  machine_translation: number; // 0 or 1: readers may ask for machine translations (MT20)
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
  /** A hub's registration (0019_hubs, docs/hubs.md); null for everyone else. */
  hub_name: string | null;
  hub_place: string | null;
  hub_headcount: number | null;
  hub_groups: string | null;
}

export interface CafeTablesTable {
  id: string;
  session_id: string;
  position: number;
  label: string;
  kind: string;
  capacity: number;
  host_participant_id: string | null;
  video_url: string | null;
  /** A hub's own table (0020_hub_tables, SEAT11); null for every other table. */
  hub_participant_id: string | null;
}

export interface CafeRoundsTable {
  session_id: string;
  number: number;
  question: string;
  duration_ms: number;
}

export interface CafePlansTable {
  session_id: string;
  seed: number;
  plan: string; // JSON SeatingPlan
  figures: string; // JSON SeatingFigures
  locked: number; // 0 or 1: SQLite has no boolean
  created_at: number;
}

export interface CafeRunsTable {
  session_id: string;
  round: number;
  timer: string | null; // JSON Timer
  updated_at: number;
  /** 1 while the projector shows the harvest (HARV6); 0 by default. */
  harvest_shown: ColumnType<number, number | undefined, number>;
}

/** NOTE18: a table's chosen notes language (0021); no row, the default (NOTE17). */
export interface TableNotesLanguagesTable {
  session_id: string;
  table_id: string;
  round: number;
  language: string;
  set_at: number;
}

export interface CafePromptsTable {
  id: string;
  session_id: string;
  round: number; // the round it was sent in; 0 before the first
  table_id: string | null; // null: to everyone
  text: string;
  created_at: number;
}

/** Bytes as both drivers return them (better-sqlite3 and pg give a Buffer). */
export type Bytes = Uint8Array;

export interface NotepadSnapshotsTable {
  room: string;
  session_id: string;
  data: Bytes; // Y.encodeStateAsUpdate of the whole document
  updated_at: number;
}

export interface NotepadUpdatesTable {
  room: string;
  seq: number; // per room, from 1
  session_id: string;
  data: Bytes; // one batch of Yjs updates, merged
  created_at: number;
}

export interface TownhallStateTable {
  session_id: string;
  settings: string; // JSON TownhallSettings
  queue: string; // JSON { alternate, floor, lastFloorMode }: the queue without its hands
  agenda: string; // JSON Agenda
  projected_poll_id: string | null;
  updated_at: number;
}

/** A Town Hall's secret for its hands' handles (HAND11): one row per session, made on first use. */
export interface TownhallHandKeysTable {
  session_id: string;
  secret: string; // base64url, 32 random bytes
  created_at: number;
}

export interface QaQuestionsTable {
  id: string;
  session_id: string;
  author_id: string;
  text: string;
  language: string; // BCP 47 (MT1)
  anonymous: number; // 0 or 1
  created_at: number;
  status: string;
  hidden_reason: string | null;
  pinned: number; // 0 or 1
  merged_into: string | null;
  votes: number;
  edited_at: number | null;
  answered_at: number | null;
}

export interface QaVotesTable {
  question_id: string;
  participant_id: string;
  session_id: string;
}

export interface TownhallHandsTable {
  session_id: string;
  participant_id: string;
  position: number; // base order (HAND5)
  mode: string;
  stakeholder_group: string;
  topic: string | null;
  raised_at: number;
}

export interface PollsTable {
  id: string;
  session_id: string;
  poll: string; // JSON Poll
  created_at: number;
}

export interface PollBallotsTable {
  poll_id: string;
  participant_id: string;
  session_id: string;
  stakeholder_group: string;
  keys: string; // JSON string[]
  spellings: string | null; // JSON string[] (word clouds)
  cast_at: number;
  /** A hub's answer: its headcount when it answered (0019_hubs, HUB20); null for a person. */
  hub_headcount: number | null;
}

export interface CaptionsTable {
  id: string;
  session_id: string;
  seq: number;
  text: string;
  language: string;
  created_at: number;
}

export interface RecordPublicationsTable {
  session_id: string;
  slug: string;
  published_at: number | null; // null: unpublished (the slug is kept for the next publication)
  updated_at: number;
}

export interface SpeakerLogTable {
  id: string;
  session_id: string;
  participant_id: string;
  mode: string;
  stakeholder_group: string;
  topic: string | null;
  started_at: number;
  ended_at: number | null;
}

export interface Database extends ConsultationTables, SeriesTables, ContentTables {
  sessions: SessionsTable;
  participants: ParticipantsTable;
  cafe_tables: CafeTablesTable;
  cafe_rounds: CafeRoundsTable;
  cafe_plans: CafePlansTable;
  cafe_runs: CafeRunsTable;
  cafe_prompts: CafePromptsTable;
  table_notes_languages: TableNotesLanguagesTable;
  notepad_snapshots: NotepadSnapshotsTable;
  notepad_updates: NotepadUpdatesTable;
  townhall_state: TownhallStateTable;
  qa_questions: QaQuestionsTable;
  qa_votes: QaVotesTable;
  townhall_hands: TownhallHandsTable;
  townhall_hand_keys: TownhallHandKeysTable;
  polls: PollsTable;
  poll_ballots: PollBallotsTable;
  captions: CaptionsTable;
  record_publications: RecordPublicationsTable;
  speaker_log: SpeakerLogTable;
  session_fences: SessionFencesTable;
  machine_translations: MachineTranslationsTable;
}

/** Machine translations, apart from the human versions (MT10). */
export interface MachineTranslationsTable {
  session_id: string;
  content_key: string;
  language: string;
  original_hash: string;
  source_language: string;
  engine: string;
  text: string;
  created_at: number;
}

/** The fence of each session's latest owner (cluster mode; docs/cluster.md CLU5). */
export interface SessionFencesTable {
  session_id: string;
  fence: number;
}
