import type { Kysely, Selectable } from 'kysely';
import type { QaChange, Question, QuestionStatus } from '@open-talks/shared';
import type { Database, QaQuestionsTable } from './schema.js';

const VOTE_ROWS_PER_INSERT = 500; // 3 parameters a row: well under SQLite's and PostgreSQL's limits
const VOTE_ROWS_PER_DELETE = 400; // 2 parameters a row
const COUNTS_PER_UPDATE = 300; // 3 parameters a question (case, then, in)

interface VoteRow {
  questionId: string;
  participantId: string;
  up: boolean;
}

function toQuestion(row: Selectable<QaQuestionsTable>): Question {
  return {
    id: row.id,
    authorId: row.author_id,
    text: row.text,
    language: row.language,
    anonymous: Number(row.anonymous) === 1,
    createdAt: Number(row.created_at),
    status: row.status as QuestionStatus,
    hiddenReason: row.hidden_reason,
    pinned: Number(row.pinned) === 1,
    mergedInto: row.merged_into,
    votes: Number(row.votes),
    editedAt: row.edited_at === null ? null : Number(row.edited_at),
    answeredAt: row.answered_at === null ? null : Number(row.answered_at),
  };
}

/**
 * Town Hall questions and their votes. The server persists exactly the changes the pure domain
 * decided (`QaChange[]`), in the caller's transaction: a vote is one row in or out and one count.
 */
export class QaRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async questions(sessionId: string): Promise<Question[]> {
    const rows = await this.db.selectFrom('qa_questions').selectAll().where('session_id', '=', sessionId).orderBy('created_at').execute();
    return rows.map(toQuestion);
  }

  async votes(sessionId: string): Promise<{ questionId: string; participantId: string }[]> {
    const rows = await this.db.selectFrom('qa_votes').select(['question_id', 'participant_id']).where('session_id', '=', sessionId).execute();
    return rows.map((row) => ({ questionId: row.question_id, participantId: row.participant_id }));
  }

  /** Writes decided changes in order; call inside a transaction. */
  async apply(sessionId: string, changes: readonly QaChange[]): Promise<void> {
    for (const change of changes) {
      switch (change.type) {
        case 'question':
          await this.saveQuestion(sessionId, change.question);
          break;
        case 'vote':
          if (change.up) {
            await this.db
              .insertInto('qa_votes')
              .values({ question_id: change.questionId, participant_id: change.participantId, session_id: sessionId })
              .onConflict((oc) => oc.columns(['question_id', 'participant_id']).doNothing())
              .execute();
          } else {
            await this.db.deleteFrom('qa_votes').where('question_id', '=', change.questionId).where('participant_id', '=', change.participantId).execute();
          }
          await this.setVotes(change.questionId, change.votes);
          break;
        case 'merge-voters':
          if (change.added.length > 0) {
            await this.db
              .insertInto('qa_votes')
              .values(change.added.map((participantId) => ({ question_id: change.toId, participant_id: participantId, session_id: sessionId })))
              .onConflict((oc) => oc.columns(['question_id', 'participant_id']).doNothing())
              .execute();
          }
          await this.db.deleteFrom('qa_votes').where('question_id', '=', change.fromId).execute();
          await this.setVotes(change.toId, change.votes);
          break;
        default: {
          const unknown: never = change;
          throw new Error(`Unknown Q&A change: ${JSON.stringify(unknown)}`);
        }
      }
    }
  }

  /**
   * A batch of decided votes in one go: the last change per person and question says whether
   * the row is there, and each question gets its last count. At most three statements whatever
   * the batch (rows in, rows out, counts), each a round trip on PostgreSQL (TH-PERF3). Call
   * inside a transaction.
   */
  async applyVotes(sessionId: string, changes: readonly Extract<QaChange, { type: 'vote' }>[]): Promise<void> {
    const rows = new Map<string, VoteRow>();
    const counts = new Map<string, number>();
    for (const c of changes) {
      rows.set(`${c.questionId} ${c.participantId}`, c);
      counts.set(c.questionId, c.votes);
    }
    const ups: VoteRow[] = [];
    const downs: VoteRow[] = [];
    for (const r of rows.values()) (r.up ? ups : downs).push(r);
    for (let i = 0; i < ups.length; i += VOTE_ROWS_PER_INSERT) {
      await this.db
        .insertInto('qa_votes')
        .values(ups.slice(i, i + VOTE_ROWS_PER_INSERT).map((r) => ({ question_id: r.questionId, participant_id: r.participantId, session_id: sessionId })))
        .onConflict((oc) => oc.columns(['question_id', 'participant_id']).doNothing())
        .execute();
    }
    for (let i = 0; i < downs.length; i += VOTE_ROWS_PER_DELETE) {
      const some = downs.slice(i, i + VOTE_ROWS_PER_DELETE);
      await this.db
        .deleteFrom('qa_votes')
        .where((eb) => eb.or(some.map((r) => eb.and([eb('question_id', '=', r.questionId), eb('participant_id', '=', r.participantId)]))))
        .execute();
    }
    const questions = [...counts];
    for (let i = 0; i < questions.length; i += COUNTS_PER_UPDATE) {
      const some = questions.slice(i, i + COUNTS_PER_UPDATE);
      if (some.length === 1) {
        await this.setVotes(some[0]![0], some[0]![1]);
        continue;
      }
      await this.db
        .updateTable('qa_questions')
        .set((eb) => {
          let votes = eb.case('id').when(some[0]![0]).then(some[0]![1]);
          for (const [id, count] of some.slice(1)) votes = votes.when(id).then(count);
          // ELSE keeps the column's type for PostgreSQL's parameter inference (and any id left out).
          return { votes: votes.else(eb.ref('votes')).end() };
        })
        .where(
          'id',
          'in',
          some.map(([id]) => id),
        )
        .execute();
    }
  }

  private async setVotes(questionId: string, votes: number): Promise<void> {
    await this.db.updateTable('qa_questions').set({ votes }).where('id', '=', questionId).execute();
  }

  private async saveQuestion(sessionId: string, q: Question): Promise<void> {
    const values = {
      text: q.text,
      language: q.language,
      anonymous: q.anonymous ? 1 : 0,
      status: q.status,
      hidden_reason: q.hiddenReason,
      pinned: q.pinned ? 1 : 0,
      merged_into: q.mergedInto,
      votes: q.votes,
      edited_at: q.editedAt,
      answered_at: q.answeredAt,
    };
    await this.db
      .insertInto('qa_questions')
      .values({ id: q.id, session_id: sessionId, author_id: q.authorId, created_at: q.createdAt, ...values })
      .onConflict((oc) => oc.column('id').doUpdateSet(values))
      .execute();
  }
}
