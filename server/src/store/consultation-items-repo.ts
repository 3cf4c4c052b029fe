import type { Insertable, Kysely, Selectable } from 'kysely';
import type { ConsultationCommentsTable, ConsultationResponsesTable } from './consultation-schema.js';
import type { Database } from './schema.js';

export type CommentRecord = Selectable<ConsultationCommentsTable>;

/** A consultation's supports, comments, flags, responses, invitations and e-mails (CONS5–CONS19). */
export class ConsultationItemsRepo {
  constructor(private readonly db: Kysely<Database>) {}

  // ── Supports
  async supporters(contributionId: string): Promise<string[]> {
    const rows = await this.db.selectFrom('consultation_supports').select('participant_id').where('contribution_id', '=', contributionId).execute();
    return rows.map((r) => r.participant_id);
  }

  /** Per question, the contributions one person supports. */
  async supportedBy(sessionId: string, participantId: string): Promise<Record<string, string[]>> {
    const rows = await this.db
      .selectFrom('consultation_supports')
      .select(['question_id', 'contribution_id'])
      .where('session_id', '=', sessionId)
      .where('participant_id', '=', participantId)
      .orderBy('created_at')
      .execute();
    const out: Record<string, string[]> = {};
    for (const row of rows) (out[row.question_id] ??= []).push(row.contribution_id);
    return out;
  }

  async addSupports(rows: { contributionId: string; participantId: string; sessionId: string; questionId: string; at: number }[]): Promise<void> {
    if (rows.length === 0) return;
    await this.db
      .insertInto('consultation_supports')
      .values(rows.map((r) => ({ contribution_id: r.contributionId, participant_id: r.participantId, session_id: r.sessionId, question_id: r.questionId, created_at: r.at })))
      .onConflict((oc) => oc.columns(['contribution_id', 'participant_id']).doNothing())
      .execute();
  }

  async removeSupport(contributionId: string, participantId: string): Promise<void> {
    await this.db.deleteFrom('consultation_supports').where('contribution_id', '=', contributionId).where('participant_id', '=', participantId).execute();
  }

  async removeAllSupports(contributionId: string): Promise<void> {
    await this.db.deleteFrom('consultation_supports').where('contribution_id', '=', contributionId).execute();
  }

  // ── Comments
  async insertComment(row: Insertable<ConsultationCommentsTable>): Promise<void> {
    await this.db.insertInto('consultation_comments').values(row).execute();
  }

  async comment(sessionId: string, id: string): Promise<(CommentRecord & { author_name: string | null }) | undefined> {
    return this.db
      .selectFrom('consultation_comments as m')
      .leftJoin('participants as p', 'p.id', 'm.author_id')
      .selectAll('m')
      .select('p.display_name as author_name')
      .where('m.session_id', '=', sessionId)
      .where('m.id', '=', id)
      .executeTakeFirst();
  }

  async updateComment(id: string, change: { status: string; hidden_reason: string | null }): Promise<void> {
    await this.db.updateTable('consultation_comments').set(change).where('id', '=', id).execute();
  }

  async moveComments(fromId: string, toId: string): Promise<void> {
    await this.db.updateTable('consultation_comments').set({ contribution_id: toId }).where('contribution_id', '=', fromId).execute();
  }

  // ── Flags
  async flaggers(contributionId: string): Promise<string[]> {
    const rows = await this.db.selectFrom('consultation_flags').select('participant_id').where('contribution_id', '=', contributionId).execute();
    return rows.map((r) => r.participant_id);
  }

  async addFlag(row: { contribution_id: string; participant_id: string; session_id: string; reason: string; created_at: number }): Promise<void> {
    await this.db.insertInto('consultation_flags').values(row).execute();
  }

  // ── Responses
  async insertResponse(row: Insertable<ConsultationResponsesTable>): Promise<void> {
    await this.db.insertInto('consultation_responses').values(row).execute();
  }

  async response(sessionId: string, id: string): Promise<Selectable<ConsultationResponsesTable> | undefined> {
    return this.db.selectFrom('consultation_responses').selectAll().where('session_id', '=', sessionId).where('id', '=', id).executeTakeFirst();
  }

  /** Every official response of the session, oldest first (the translation desk lists them). */
  async responses(sessionId: string): Promise<Selectable<ConsultationResponsesTable>[]> {
    return this.db.selectFrom('consultation_responses').selectAll().where('session_id', '=', sessionId).orderBy('responded_at').orderBy('id').execute();
  }

  async updateResponse(id: string, change: Partial<Pick<Selectable<ConsultationResponsesTable>, 'status' | 'text' | 'edited_at'>>): Promise<void> {
    await this.db.updateTable('consultation_responses').set(change).where('id', '=', id).execute();
  }

  async deleteResponse(id: string): Promise<void> {
    await this.db.deleteFrom('consultation_response_links').where('response_id', '=', id).execute();
    await this.db.deleteFrom('consultation_responses').where('id', '=', id).execute();
  }

  /** contribution → response, for the given contributions or for one response's. */
  async links(sessionId: string): Promise<Map<string, string>> {
    const rows = await this.db.selectFrom('consultation_response_links').select(['contribution_id', 'response_id']).where('session_id', '=', sessionId).execute();
    return new Map(rows.map((r) => [r.contribution_id, r.response_id]));
  }

  async setLinks(sessionId: string, responseId: string, contributionIds: readonly string[]): Promise<void> {
    await this.db.deleteFrom('consultation_response_links').where('response_id', '=', responseId).execute();
    if (contributionIds.length === 0) return;
    await this.db
      .deleteFrom('consultation_response_links')
      .where('contribution_id', 'in', [...contributionIds])
      .execute();
    await this.db
      .insertInto('consultation_response_links')
      .values(contributionIds.map((id) => ({ contribution_id: id, response_id: responseId, session_id: sessionId })))
      .execute();
  }

  // ── Invitations
  async addInvitations(sessionId: string, codes: readonly string[], at: number): Promise<void> {
    if (codes.length === 0) return;
    await this.db
      .insertInto('consultation_invitations')
      .values(codes.map((code) => ({ session_id: sessionId, code, created_at: at, used_by: null, used_at: null })))
      .execute();
  }

  async invitations(sessionId: string): Promise<{ code: string; usedAt: number | null }[]> {
    const rows = await this.db
      .selectFrom('consultation_invitations')
      .select(['code', 'used_at'])
      .where('session_id', '=', sessionId)
      .orderBy('created_at')
      .orderBy('code')
      .execute();
    return rows.map((r) => ({ code: r.code, usedAt: r.used_at }));
  }

  /** Marks an unused code used; false when it is unknown or already used (nothing changed). */
  async useInvitation(sessionId: string, code: string, participantId: string, at: number): Promise<boolean> {
    const result = await this.db
      .updateTable('consultation_invitations')
      .set({ used_by: participantId, used_at: at })
      .where('session_id', '=', sessionId)
      .where('code', '=', code)
      .where('used_by', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  // ── Return e-mail (only ever read back for its owner)
  async email(participantId: string): Promise<string | null> {
    const row = await this.db.selectFrom('consultation_emails').select('email').where('participant_id', '=', participantId).executeTakeFirst();
    return row?.email ?? null;
  }

  /** Who in this session stored this e-mail (case-insensitive) and was not removed: for "send me my link again". */
  async participantsByEmail(sessionId: string, email: string): Promise<{ participantId: string; language: string; email: string }[]> {
    const rows = await this.db
      .selectFrom('consultation_emails')
      .innerJoin('participants', 'participants.id', 'consultation_emails.participant_id')
      .select(['participants.id as participantId', 'participants.language as language', 'consultation_emails.email as email'])
      .where('consultation_emails.session_id', '=', sessionId)
      .where((eb) => eb(eb.fn('lower', ['consultation_emails.email']), '=', email.toLowerCase()))
      .where('participants.removed_at', 'is', null)
      .execute();
    return rows;
  }

  async setEmail(sessionId: string, participantId: string, email: string | null): Promise<void> {
    if (email === null) {
      await this.db.deleteFrom('consultation_emails').where('participant_id', '=', participantId).execute();
      return;
    }
    await this.db
      .insertInto('consultation_emails')
      .values({ participant_id: participantId, session_id: sessionId, email })
      .onConflict((oc) => oc.column('participant_id').doUpdateSet({ email }))
      .execute();
  }

  /** Per question: statements this person answered and how many are published (c-opinion's tables, read directly). */
  async statementProgress(sessionId: string, participantId: string): Promise<Record<string, { answered: number; total: number }>> {
    const totals = await this.db
      .selectFrom('consultation_statements')
      .select(['question_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('session_id', '=', sessionId)
      .where('status', '=', 'published')
      .groupBy('question_id')
      .execute();
    const answered = await this.db
      .selectFrom('consultation_answers')
      .select(['question_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('session_id', '=', sessionId)
      .where('participant_id', '=', participantId)
      .groupBy('question_id')
      .execute();
    const out: Record<string, { answered: number; total: number }> = {};
    for (const t of totals) out[t.question_id] = { answered: 0, total: Number(t.n) };
    for (const a of answered) out[a.question_id] = { answered: Number(a.n), total: out[a.question_id]?.total ?? 0 };
    return out;
  }
}
