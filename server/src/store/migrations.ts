import { type Kysely, type Migration, type MigrationProvider, Migrator, PostgresAdapter, sql } from 'kysely';

// Migrations live in code (not files on disk) so they run the same under tsx, in tests
// and in a bundle. Each is written once with Kysely's schema builder for both dialects.
const migrations: Record<string, Migration> = {
  '0001_sessions_and_participants': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('sessions')
        .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('format', 'varchar(16)', (c) => c.notNull())
        .addColumn('attribution', 'varchar(16)', (c) => c.notNull())
        .addColumn('languages', 'text', (c) => c.notNull())
        .addColumn('join_code', 'varchar(16)', (c) => c.notNull())
        .addColumn('projector_token_hash', 'varchar(64)', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('ended_at', 'bigint')
        .execute();
      // Codes must be unique among live sessions; an ended session gives its code back.
      await db.schema
        .createIndex('sessions_live_join_code')
        .on('sessions')
        .column('join_code')
        .unique()
        .where(sql.ref('ended_at'), 'is', null)
        .execute();
      await db.schema
        .createIndex('sessions_projector_token_hash')
        .on('sessions')
        .column('projector_token_hash')
        .unique()
        .execute();

      await db.schema
        .createTable('participants')
        .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('session_id', 'varchar(64)', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
        .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
        .addColumn('display_name', 'text')
        .addColumn('role', 'varchar(16)', (c) => c.notNull())
        .addColumn('mode', 'varchar(16)', (c) => c.notNull())
        .addColumn('stakeholder_group', 'varchar(32)', (c) => c.notNull())
        .addColumn('language', 'varchar(8)', (c) => c.notNull())
        .addColumn('joined_at', 'bigint', (c) => c.notNull())
        .addColumn('removed_at', 'bigint')
        .execute();
      await db.schema.createIndex('participants_session').on('participants').columns(['session_id', 'joined_at']).execute();
    },
  },
  '0002_cafe_setup_and_plan': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('cafe_tables')
        .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('session_id', 'varchar(64)', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('label', 'text', (c) => c.notNull())
        .addColumn('kind', 'varchar(16)', (c) => c.notNull())
        .addColumn('capacity', 'integer', (c) => c.notNull())
        .addColumn('host_participant_id', 'varchar(64)')
        .addColumn('video_url', 'text')
        .execute();
      await db.schema.createIndex('cafe_tables_session').on('cafe_tables').columns(['session_id', 'position']).execute();
      await db.schema
        .createTable('cafe_rounds')
        .addColumn('session_id', 'varchar(64)', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
        .addColumn('number', 'integer', (c) => c.notNull())
        .addColumn('question', 'text', (c) => c.notNull())
        .addColumn('duration_ms', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('cafe_rounds_pk', ['session_id', 'number'])
        .execute();
      // One plan per session, replaced whole: it is read whole by every screen that needs it.
      await db.schema
        .createTable('cafe_plans')
        .addColumn('session_id', 'varchar(64)', (c) => c.primaryKey().references('sessions.id').onDelete('cascade'))
        .addColumn('seed', 'bigint', (c) => c.notNull())
        .addColumn('plan', 'text', (c) => c.notNull())
        .addColumn('figures', 'text', (c) => c.notNull())
        .addColumn('locked', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
    },
  },
  '0003_cafe_runs_and_prompts': {
    async up(db: Kysely<any>) {
      // One row per café once its first round starts: the round and its timer (deadline or remainder).
      await db.schema
        .createTable('cafe_runs')
        .addColumn('session_id', 'varchar(64)', (c) => c.primaryKey().references('sessions.id').onDelete('cascade'))
        .addColumn('round', 'integer', (c) => c.notNull())
        .addColumn('timer', 'text')
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('cafe_prompts')
        .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('session_id', 'varchar(64)', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
        .addColumn('round', 'integer', (c) => c.notNull())
        .addColumn('table_id', 'varchar(64)')
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('cafe_prompts_session').on('cafe_prompts').columns(['session_id', 'created_at']).execute();
    },
  },
  '0004_notepads': {
    async up(db: Kysely<any>) {
      // Yjs updates are binary. Stored as bytes, not base64 text: a third smaller and no
      // encoding work on every flush. Both drivers hand bytes back as a Buffer. The type's
      // name differs: PostgreSQL's is bytea, SQLite's blob (under any other name SQLite would
      // give the column numeric affinity, which happens to keep blobs but reads as a mistake).
      const bytes = db.getExecutor().adapter instanceof PostgresAdapter ? 'bytea' : 'blob';
      // One compacted state per room: Y.encodeStateAsUpdate of the whole document.
      await db.schema
        .createTable('notepad_snapshots')
        .addColumn('room', 'varchar(200)', (c) => c.primaryKey())
        .addColumn('session_id', 'varchar(64)', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
        .addColumn('data', bytes, (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      // Updates since the snapshot, appended in batches; seq counts per room, from 1.
      await db.schema
        .createTable('notepad_updates')
        .addColumn('room', 'varchar(200)', (c) => c.notNull())
        .addColumn('seq', 'bigint', (c) => c.notNull())
        .addColumn('session_id', 'varchar(64)', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
        .addColumn('data', bytes, (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('notepad_updates_pk', ['room', 'seq'])
        .execute();
      await db.schema.createIndex('notepad_snapshots_session').on('notepad_snapshots').column('session_id').execute();
    },
  },
  // 0004 is the notepads' (another branch); the Town Hall follows it.
  '0005_townhall': {
    async up(db: Kysely<any>) {
      // One row per Town Hall: settings, the floor and queue options, the agenda, the projected poll.
      await db.schema
        .createTable('townhall_state')
        .addColumn('session_id', 'varchar(64)', (c) => c.primaryKey().references('sessions.id').onDelete('cascade'))
        .addColumn('settings', 'text', (c) => c.notNull())
        .addColumn('queue', 'text', (c) => c.notNull())
        .addColumn('agenda', 'text', (c) => c.notNull())
        .addColumn('projected_poll_id', 'varchar(64)')
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('qa_questions')
        .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('session_id', 'varchar(64)', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
        .addColumn('author_id', 'varchar(64)', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('anonymous', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('status', 'varchar(16)', (c) => c.notNull())
        .addColumn('hidden_reason', 'text')
        .addColumn('pinned', 'integer', (c) => c.notNull())
        .addColumn('merged_into', 'varchar(64)')
        .addColumn('votes', 'integer', (c) => c.notNull())
        .addColumn('edited_at', 'bigint')
        .addColumn('answered_at', 'bigint')
        .execute();
      await db.schema.createIndex('qa_questions_session').on('qa_questions').columns(['session_id', 'created_at']).execute();
      // One vote per person per question, enforced by the key as well as by the domain (QA9).
      await db.schema
        .createTable('qa_votes')
        .addColumn('question_id', 'varchar(64)', (c) => c.notNull().references('qa_questions.id').onDelete('cascade'))
        .addColumn('participant_id', 'varchar(64)', (c) => c.notNull())
        .addColumn('session_id', 'varchar(64)', (c) => c.notNull())
        .addPrimaryKeyConstraint('qa_votes_pk', ['question_id', 'participant_id'])
        .execute();
      await db.schema.createIndex('qa_votes_session').on('qa_votes').column('session_id').execute();
      // Raised hands in base order (HAND5); the floor is in townhall_state.
      await db.schema
        .createTable('townhall_hands')
        .addColumn('session_id', 'varchar(64)', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
        .addColumn('participant_id', 'varchar(64)', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('mode', 'varchar(16)', (c) => c.notNull())
        .addColumn('stakeholder_group', 'varchar(32)', (c) => c.notNull())
        .addColumn('topic', 'text')
        .addColumn('raised_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('townhall_hands_pk', ['session_id', 'participant_id'])
        .execute();
      await db.schema
        .createTable('polls')
        .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('session_id', 'varchar(64)', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
        .addColumn('poll', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('polls_session').on('polls').columns(['session_id', 'created_at']).execute();
      // One ballot per person per poll (POLL6); a changed answer replaces the row.
      await db.schema
        .createTable('poll_ballots')
        .addColumn('poll_id', 'varchar(64)', (c) => c.notNull().references('polls.id').onDelete('cascade'))
        .addColumn('participant_id', 'varchar(64)', (c) => c.notNull())
        .addColumn('session_id', 'varchar(64)', (c) => c.notNull())
        .addColumn('stakeholder_group', 'varchar(32)', (c) => c.notNull())
        .addColumn('keys', 'text', (c) => c.notNull())
        .addColumn('spellings', 'text')
        .addColumn('cast_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('poll_ballots_pk', ['poll_id', 'participant_id'])
        .execute();
      await db.schema.createIndex('poll_ballots_session').on('poll_ballots').column('session_id').execute();
      // The whole transcript, for the record; `seq` orders lines within a session.
      await db.schema
        .createTable('captions')
        .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('session_id', 'varchar(64)', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('language', 'varchar(8)', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('captions_session').on('captions').columns(['session_id', 'seq']).unique().execute();
    },
  },
  // The record (issue 6): the public outcome page's link, and the Town Hall's speaker log.
  '0006_record': {
    async up(db: Kysely<any>) {
      // One publication per session; the slug outlives unpublishing so the link stays stable.
      await db.schema
        .createTable('record_publications')
        .addColumn('session_id', 'varchar(64)', (c) => c.primaryKey().references('sessions.id').onDelete('cascade'))
        .addColumn('slug', 'varchar(64)', (c) => c.notNull().unique())
        .addColumn('published_at', 'bigint')
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      // Who had the floor, when and for how long: one row per turn, closed when the turn ends.
      await db.schema
        .createTable('speaker_log')
        .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('session_id', 'varchar(64)', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
        .addColumn('participant_id', 'varchar(64)', (c) => c.notNull())
        .addColumn('mode', 'varchar(16)', (c) => c.notNull())
        .addColumn('stakeholder_group', 'varchar(32)', (c) => c.notNull())
        .addColumn('topic', 'text')
        .addColumn('started_at', 'bigint', (c) => c.notNull())
        .addColumn('ended_at', 'bigint')
        .execute();
      await db.schema.createIndex('speaker_log_session').on('speaker_log').columns(['session_id', 'started_at']).execute();
    },
  },
  '0007_harvest': {
    async up(db: Kysely<any>) {
      // Whether the projector shows the harvest (HARV6); kept with the café's run, off by default.
      await db.schema.alterTable('cafe_runs').addColumn('harvest_shown', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    },
  },
  '0008_observer_notes': {
    async up(db: Kysely<any>) {
      // Whether observers may read the tables' notes (NOTE3); sessions made before could.
      await db.schema
        .alterTable('sessions')
        .addColumn('observer_notes', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();
    },
  },
  '0009_townhall_hand_keys': {
    async up(db: Kysely<any>) {
      // The secret a Town Hall's hand handles are keyed with (HAND11): staff name a hand by a
      // handle, never by the participant id their people list would turn into a name (ATTR4).
      await db.schema
        .createTable('townhall_hand_keys')
        .addColumn('session_id', 'varchar(64)', (c) => c.primaryKey().references('sessions.id').onDelete('cascade'))
        .addColumn('secret', 'varchar(64)', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
    },
  },
};

const provider: MigrationProvider = {
  async getMigrations() {
    return migrations;
  },
};

/** PostgreSQL's invalid_schema_name. */
const INVALID_SCHEMA_NAME = '3F000';
const SCHEMA_RACE_ATTEMPTS = 5;

/**
 * Brings the schema up to date; run on every start, safe to run concurrently (Kysely locks).
 * With a PostgreSQL schema, Kysely's own tables are looked up in that schema: otherwise it takes
 * another schema's `kysely_migration_lock` for its own and fails while two databases migrate at once.
 *
 * Kysely's PostgreSQL introspection walks every schema of the database (`has_schema_privilege`,
 * `pg_get_serial_sequence` per column), so another schema dropped during that walk (another
 * app's, or another test run's) fails our start with "schema … does not exist". Nothing of ours
 * changed: the walk is tried again.
 */
export async function migrateToLatest(db: Kysely<any>, schema?: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    // Branches reserve migration numbers and land in any order: a database that already ran 0007
    // and 0008 must still take 0006 when it arrives, rather than refuse to start.
    const migrator = new Migrator({ db, provider, allowUnorderedMigrations: true, ...(schema && { migrationTableSchema: schema }) });
    const { error, results } = await migrator.migrateToLatest();
    const failed = results?.find((r) => r.status === 'Error');
    if (!error && !failed) return;
    const otherSchemaGone = (error as { code?: string } | undefined)?.code === INVALID_SCHEMA_NAME && !failed;
    if (otherSchemaGone && attempt < SCHEMA_RACE_ATTEMPTS) {
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
      continue;
    }
    throw new Error(`migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  }
}
