import type { Insertable, Kysely, Selectable } from 'kysely';
import type { OpinionReport } from '@open-talks/shared/protocol';
import type { ConsultationStatementsTable } from './consultation-schema.js';
import type { Database } from './schema.js';

export type StatementRecord = Selectable<ConsultationStatementsTable>;

/** One stored answer with the answerer's stakeholder group (what the opinion engine reads). */
export interface AnswerRow {
  statementId: string;
  participantId: string;
  vote: number;
  stakeholderGroup: string | null;
}

/** PostgreSQL returns bigint columns and counts as strings; every number read here goes through this. */
function toStatement(row: StatementRecord): StatementRecord {
  return { ...row, seeded: Number(row.seeded), created_at: Number(row.created_at), answers: Number(row.answers) };
}

/**
 * Statements (pol.is), their answers and the last opinion report per question (CONS30–CONS39).
 * One answer per person per statement, by the key; the statement's `answers` count is recounted
 * in the caller's transaction, so "fewest answers first" reads an indexed column.
 */
export class StatementRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(row: Insertable<ConsultationStatementsTable>): Promise<void> {
    await this.db.insertInto('consultation_statements').values(row).execute();
  }

  async byId(sessionId: string, id: string): Promise<StatementRecord | undefined> {
    const row = await this.db.selectFrom('consultation_statements').selectAll().where('session_id', '=', sessionId).where('id', '=', id).executeTakeFirst();
    return row && toStatement(row);
  }

  /** A question's statements, oldest first. */
  async list(sessionId: string, questionId: string): Promise<StatementRecord[]> {
    const rows = await this.db
      .selectFrom('consultation_statements')
      .selectAll()
      .where('session_id', '=', sessionId)
      .where('question_id', '=', questionId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toStatement);
  }

  async setStatus(id: string, status: string): Promise<void> {
    await this.db.updateTable('consultation_statements').set({ status }).where('id', '=', id).execute();
  }

  /** Stores (or changes) one person's answer and recounts the statement's answers. */
  async answer(statement: StatementRecord, participantId: string, vote: number, now: number): Promise<void> {
    await this.db
      .insertInto('consultation_answers')
      .values({ statement_id: statement.id, participant_id: participantId, session_id: statement.session_id, question_id: statement.question_id, vote, answered_at: now })
      .onConflict((oc) => oc.columns(['statement_id', 'participant_id']).doUpdateSet({ vote, answered_at: now }))
      .execute();
    const { n } = await this.db
      .selectFrom('consultation_answers')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('statement_id', '=', statement.id)
      .executeTakeFirstOrThrow();
    await this.db
      .updateTable('consultation_statements')
      .set({ answers: Number(n) })
      .where('id', '=', statement.id)
      .execute();
  }

  /** CONS37: the published statement this person has not answered with the fewest answers (then the oldest); any person when null. */
  async next(sessionId: string, questionId: string, participantId: string | null): Promise<StatementRecord | undefined> {
    let query = this.db
      .selectFrom('consultation_statements as s')
      .selectAll('s')
      .where('s.session_id', '=', sessionId)
      .where('s.question_id', '=', questionId)
      .where('s.status', '=', 'published');
    if (participantId !== null) {
      query = query.where((eb) =>
        eb.not(
          eb.exists(eb.selectFrom('consultation_answers as a').select('a.statement_id').whereRef('a.statement_id', '=', 's.id').where('a.participant_id', '=', participantId)),
        ),
      );
    }
    const row = await query.orderBy('s.answers').orderBy('s.created_at').orderBy('s.id').limit(1).executeTakeFirst();
    return row && toStatement(row);
  }

  /** How many of a question's published statements this person answered, of how many. */
  async progress(sessionId: string, questionId: string, participantId: string | null): Promise<{ answered: number; total: number }> {
    const { total } = await this.db
      .selectFrom('consultation_statements')
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .where('session_id', '=', sessionId)
      .where('question_id', '=', questionId)
      .where('status', '=', 'published')
      .executeTakeFirstOrThrow();
    if (participantId === null) return { answered: 0, total: Number(total) };
    const { answered } = await this.db
      .selectFrom('consultation_answers as a')
      .innerJoin('consultation_statements as s', 's.id', 'a.statement_id')
      .select((eb) => eb.fn.countAll<number>().as('answered'))
      .where('a.session_id', '=', sessionId)
      .where('a.question_id', '=', questionId)
      .where('a.participant_id', '=', participantId)
      .where('s.status', '=', 'published')
      .executeTakeFirstOrThrow();
    return { answered: Number(answered), total: Number(total) };
  }

  /** Every answer to a question's published statements, with the answerer's stakeholder group now. */
  async answers(sessionId: string, questionId: string): Promise<AnswerRow[]> {
    const rows = await this.db
      .selectFrom('consultation_answers as a')
      .innerJoin('consultation_statements as s', 's.id', 'a.statement_id')
      .leftJoin('participants as p', 'p.id', 'a.participant_id')
      .select(['a.statement_id', 'a.participant_id', 'a.vote', 'p.stakeholder_group'])
      .where('a.session_id', '=', sessionId)
      .where('a.question_id', '=', questionId)
      .where('s.status', '=', 'published')
      .execute();
    return rows.map((r) => ({ statementId: r.statement_id, participantId: r.participant_id, vote: Number(r.vote), stakeholderGroup: r.stakeholder_group }));
  }

  async saveReport(sessionId: string, report: OpinionReport): Promise<void> {
    const values = { report: JSON.stringify(report), computed_at: report.computedAt };
    await this.db
      .insertInto('consultation_opinions')
      .values({ session_id: sessionId, question_id: report.questionId, ...values })
      .onConflict((oc) => oc.columns(['session_id', 'question_id']).doUpdateSet(values))
      .execute();
  }

  async report(sessionId: string, questionId: string): Promise<OpinionReport | null> {
    const row = await this.db.selectFrom('consultation_opinions').select('report').where('session_id', '=', sessionId).where('question_id', '=', questionId).executeTakeFirst();
    return row ? (JSON.parse(row.report) as OpinionReport) : null;
  }
}
