// The online consultation (issue 15, docs/consultation.md). Counts that lists sort by (supports,
// comments) are kept on the contribution row and changed in the same transaction as the rows they
// count, so a page of 10,000 contributions sorts on an index, not on a join. Full-text search is
// 0012's (dialect-specific).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>) {
  // One row per consultation: settings, the phase as last set (by hand or by a date reached), the schedule, the questions in order.
  await db.schema
    .createTable('consultations')
    .addColumn('session_id', 'varchar(64)', (c) => c.primaryKey().references('sessions.id').onDelete('cascade'))
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('phase', 'varchar(16)', (c) => c.notNull())
    .addColumn('schedule', 'text', (c) => c.notNull())
    .addColumn('questions', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('consultation_invitations')
    .addColumn('session_id', 'varchar(64)', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
    .addColumn('code', 'varchar(32)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('used_by', 'varchar(64)')
    .addColumn('used_at', 'bigint')
    .addPrimaryKeyConstraint('consultation_invitations_pk', ['session_id', 'code'])
    .execute();
  await db.schema
    .createTable('consultation_contributions')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('session_id', 'varchar(64)', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
    .addColumn('question_id', 'varchar(64)', (c) => c.notNull())
    // Null for a seed carried in from another session (its provenance is `origin`).
    .addColumn('author_id', 'varchar(64)')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('language', 'varchar(8)', (c) => c.notNull())
    // The author's group and mode when they wrote it: the record's statistics by group (ATTR5).
    .addColumn('stakeholder_group', 'varchar(32)')
    .addColumn('mode', 'varchar(16)')
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('hidden_reason', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('edited_at', 'bigint')
    .addColumn('merged_into', 'varchar(64)')
    .addColumn('themes', 'text', (c) => c.notNull()) // JSON array of strings
    .addColumn('carry', 'integer', (c) => c.notNull())
    .addColumn('flags', 'integer', (c) => c.notNull())
    // 1 once a moderator approved it after flags: flags below a new threshold crossing do not hide it again.
    .addColumn('reviewed', 'integer', (c) => c.notNull())
    .addColumn('supports', 'integer', (c) => c.notNull())
    .addColumn('comments', 'integer', (c) => c.notNull())
    .addColumn('agree', 'integer', (c) => c.notNull())
    .addColumn('disagree', 'integer', (c) => c.notNull())
    .addColumn('neutral', 'integer', (c) => c.notNull())
    .addColumn('versions', 'integer', (c) => c.notNull())
    .addColumn('origin', 'text') // JSON ContributionOrigin, or null
    // Title and text as search words (Chinese and Japanese segmented with Intl.Segmenter): what 0012 indexes.
    .addColumn('search_text', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('consultation_contributions_list').on('consultation_contributions').columns(['session_id', 'question_id', 'status', 'supports']).execute();
  await db.schema.createIndex('consultation_contributions_new').on('consultation_contributions').columns(['session_id', 'status', 'created_at']).execute();
  await db.schema.createIndex('consultation_contributions_author').on('consultation_contributions').columns(['session_id', 'author_id']).execute();
  await db.schema
    .createTable('consultation_versions')
    .addColumn('contribution_id', 'varchar(64)', (c) => c.notNull().references('consultation_contributions.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('language', 'varchar(8)', (c) => c.notNull())
    .addColumn('replaced_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('consultation_versions_pk', ['contribution_id', 'version'])
    .execute();
  await db.schema
    .createTable('consultation_comments')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('session_id', 'varchar(64)', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
    .addColumn('contribution_id', 'varchar(64)', (c) => c.notNull().references('consultation_contributions.id').onDelete('cascade'))
    .addColumn('author_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('stance', 'varchar(16)', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('language', 'varchar(8)', (c) => c.notNull())
    .addColumn('stakeholder_group', 'varchar(32)')
    .addColumn('mode', 'varchar(16)')
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('hidden_reason', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('consultation_comments_thread').on('consultation_comments').columns(['contribution_id', 'created_at']).execute();
  await db.schema.createIndex('consultation_comments_session').on('consultation_comments').columns(['session_id', 'status']).execute();
  // One support per person per contribution, by the key as well as by the domain.
  await db.schema
    .createTable('consultation_supports')
    .addColumn('contribution_id', 'varchar(64)', (c) => c.notNull().references('consultation_contributions.id').onDelete('cascade'))
    .addColumn('participant_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('session_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('question_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('consultation_supports_pk', ['contribution_id', 'participant_id'])
    .execute();
  await db.schema.createIndex('consultation_supports_person').on('consultation_supports').columns(['session_id', 'participant_id', 'question_id']).execute();
  await db.schema
    .createTable('consultation_flags')
    .addColumn('contribution_id', 'varchar(64)', (c) => c.notNull().references('consultation_contributions.id').onDelete('cascade'))
    .addColumn('participant_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('session_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('reason', 'varchar(16)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('consultation_flags_pk', ['contribution_id', 'participant_id'])
    .execute();
  await db.schema
    .createTable('consultation_responses')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('session_id', 'varchar(64)', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
    .addColumn('status', 'varchar(32)', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('responded_at', 'bigint', (c) => c.notNull())
    .addColumn('edited_at', 'bigint')
    .execute();
  // A contribution has at most one response; one response may answer many (a group of them).
  await db.schema
    .createTable('consultation_response_links')
    .addColumn('contribution_id', 'varchar(64)', (c) => c.primaryKey().references('consultation_contributions.id').onDelete('cascade'))
    .addColumn('response_id', 'varchar(64)', (c) => c.notNull().references('consultation_responses.id').onDelete('cascade'))
    .addColumn('session_id', 'varchar(64)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('consultation_response_links_response').on('consultation_response_links').column('response_id').execute();
  await db.schema
    .createTable('consultation_statements')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('session_id', 'varchar(64)', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
    .addColumn('question_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('author_id', 'varchar(64)')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('seeded', 'integer', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('answers', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('consultation_statements_question').on('consultation_statements').columns(['session_id', 'question_id', 'created_at']).execute();
  await db.schema
    .createTable('consultation_answers')
    .addColumn('statement_id', 'varchar(64)', (c) => c.notNull().references('consultation_statements.id').onDelete('cascade'))
    .addColumn('participant_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('session_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('question_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('vote', 'integer', (c) => c.notNull()) // 1 agree, -1 disagree, 0 pass
    .addColumn('answered_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('consultation_answers_pk', ['statement_id', 'participant_id'])
    .execute();
  await db.schema.createIndex('consultation_answers_question').on('consultation_answers').columns(['session_id', 'question_id', 'participant_id']).execute();
  // The last computed opinion groups per question, so a restart shows them at once.
  await db.schema
    .createTable('consultation_opinions')
    .addColumn('session_id', 'varchar(64)', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
    .addColumn('question_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('report', 'text', (c) => c.notNull())
    .addColumn('computed_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('consultation_opinions_pk', ['session_id', 'question_id'])
    .execute();
  // Kept apart from the participants table (whose rows every roster read carries): only its owner ever reads it back.
  await db.schema
    .createTable('consultation_emails')
    .addColumn('participant_id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('session_id', 'varchar(64)', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
    .addColumn('email', 'varchar(254)', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>) {
  for (const table of [
    'consultation_emails',
    'consultation_opinions',
    'consultation_answers',
    'consultation_statements',
    'consultation_response_links',
    'consultation_responses',
    'consultation_flags',
    'consultation_supports',
    'consultation_comments',
    'consultation_versions',
    'consultation_contributions',
    'consultation_invitations',
    'consultations',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
