// 0004 is the notepads' (another branch); the Town Hall follows it.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>) {
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
}
