import type { Kysely } from 'kysely';
import { CAFE_RUN_START, type CafeRound, type CafeRun, type CafeTable, type TableKind, type Timer } from '@open-talks/shared';
import type { CafePlanView, PromptView } from '@open-talks/shared/protocol';
import type { Database } from './schema.js';

/** A café's tables, rounds and seating plan. Lists are replaced whole, in one transaction by the caller. */
export class CafeRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async tables(sessionId: string): Promise<CafeTable[]> {
    const rows = await this.db.selectFrom('cafe_tables').selectAll().where('session_id', '=', sessionId).orderBy('position').execute();
    return rows.map((row) => ({
      id: row.id,
      label: row.label,
      kind: row.kind as TableKind,
      capacity: Number(row.capacity),
      hostParticipantId: row.host_participant_id,
      videoUrl: row.video_url,
      hubParticipantId: row.hub_participant_id,
    }));
  }

  async replaceTables(sessionId: string, tables: readonly CafeTable[]): Promise<void> {
    await this.db.deleteFrom('cafe_tables').where('session_id', '=', sessionId).execute();
    if (tables.length === 0) return;
    await this.db
      .insertInto('cafe_tables')
      .values(
        tables.map((t, position) => ({
          id: t.id,
          session_id: sessionId,
          position,
          label: t.label,
          kind: t.kind,
          capacity: t.capacity,
          host_participant_id: t.hostParticipantId,
          video_url: t.videoUrl,
          hub_participant_id: t.hubParticipantId,
        })),
      )
      .execute();
  }

  async rounds(sessionId: string): Promise<CafeRound[]> {
    const rows = await this.db.selectFrom('cafe_rounds').selectAll().where('session_id', '=', sessionId).orderBy('number').execute();
    return rows.map((row) => ({ number: Number(row.number), question: row.question, durationMs: Number(row.duration_ms) }));
  }

  async replaceRounds(sessionId: string, rounds: readonly CafeRound[]): Promise<void> {
    await this.db.deleteFrom('cafe_rounds').where('session_id', '=', sessionId).execute();
    if (rounds.length === 0) return;
    await this.db
      .insertInto('cafe_rounds')
      .values(rounds.map((r) => ({ session_id: sessionId, number: r.number, question: r.question, duration_ms: r.durationMs })))
      .execute();
  }

  async plan(sessionId: string): Promise<CafePlanView | null> {
    const row = await this.db.selectFrom('cafe_plans').selectAll().where('session_id', '=', sessionId).executeTakeFirst();
    if (!row) return null;
    return {
      seed: Number(row.seed),
      plan: JSON.parse(row.plan) as CafePlanView['plan'],
      figures: JSON.parse(row.figures) as CafePlanView['figures'],
      locked: Number(row.locked) === 1,
      createdAt: Number(row.created_at),
    };
  }

  async savePlan(sessionId: string, plan: CafePlanView): Promise<void> {
    const values = {
      seed: plan.seed,
      plan: JSON.stringify(plan.plan),
      figures: JSON.stringify(plan.figures),
      locked: plan.locked ? 1 : 0,
      created_at: plan.createdAt,
    };
    await this.db
      .insertInto('cafe_plans')
      .values({ session_id: sessionId, ...values })
      .onConflict((oc) => oc.column('session_id').doUpdateSet(values))
      .execute();
  }

  async deletePlan(sessionId: string): Promise<void> {
    await this.db.deleteFrom('cafe_plans').where('session_id', '=', sessionId).execute();
  }

  async run(sessionId: string): Promise<CafeRun> {
    const row = await this.db.selectFrom('cafe_runs').selectAll().where('session_id', '=', sessionId).executeTakeFirst();
    if (!row) return CAFE_RUN_START;
    return { round: Number(row.round), timer: row.timer === null ? null : (JSON.parse(row.timer) as Timer) };
  }

  async saveRun(sessionId: string, run: CafeRun, now: number): Promise<void> {
    const values = { round: run.round, timer: run.timer === null ? null : JSON.stringify(run.timer), updated_at: now };
    await this.db
      .insertInto('cafe_runs')
      .values({ session_id: sessionId, ...values })
      .onConflict((oc) => oc.column('session_id').doUpdateSet(values))
      .execute();
  }

  /** NOTE18: the notes language chosen for each table and round that has one, by `<tableId>/<round>`. */
  async notesLanguages(sessionId: string): Promise<Map<string, string>> {
    const rows = await this.db.selectFrom('table_notes_languages').select(['table_id', 'round', 'language']).where('session_id', '=', sessionId).execute();
    return new Map(rows.map((row) => [`${row.table_id}/${Number(row.round)}`, row.language]));
  }

  /** NOTE18: chooses the language a table's notes are written in, in one round. */
  async setNotesLanguage(sessionId: string, tableId: string, round: number, language: string, now: number): Promise<void> {
    await this.db
      .insertInto('table_notes_languages')
      .values({ session_id: sessionId, table_id: tableId, round, language, set_at: now })
      .onConflict((oc) => oc.columns(['session_id', 'table_id', 'round']).doUpdateSet({ language, set_at: now }))
      .execute();
  }

  /** HARV6: whether the projector shows the harvest. */
  async harvestShown(sessionId: string): Promise<boolean> {
    const row = await this.db.selectFrom('cafe_runs').select('harvest_shown').where('session_id', '=', sessionId).executeTakeFirst();
    return Number(row?.harvest_shown ?? 0) === 1;
  }

  /** HARV6: shows or hides the harvest on the projector; a café not started yet gets its run row here. */
  async showHarvest(sessionId: string, shown: boolean, now: number): Promise<void> {
    const harvest_shown = shown ? 1 : 0;
    await this.db
      .insertInto('cafe_runs')
      .values({ session_id: sessionId, round: CAFE_RUN_START.round, timer: null, updated_at: now, harvest_shown })
      .onConflict((oc) => oc.column('session_id').doUpdateSet({ harvest_shown, updated_at: now }))
      .execute();
  }

  /** Sessions whose round timer is running: after a restart the server schedules their end again. */
  async runningSessions(): Promise<{ sessionId: string; run: CafeRun }[]> {
    const rows = await this.db.selectFrom('cafe_runs').selectAll().where('timer', 'is not', null).execute();
    return rows
      .map((row) => ({ sessionId: row.session_id, run: { round: Number(row.round), timer: JSON.parse(row.timer!) as Timer } }))
      .filter(({ run }) => run.timer.status === 'running');
  }

  async addPrompt(sessionId: string, prompt: PromptView): Promise<void> {
    await this.db
      .insertInto('cafe_prompts')
      .values({ id: prompt.id, session_id: sessionId, round: prompt.round, table_id: prompt.tableId, text: prompt.text, created_at: prompt.sentAt })
      .execute();
  }

  /** The latest prompts, newest last. */
  async recentPrompts(sessionId: string, limit: number): Promise<PromptView[]> {
    const rows = await this.db
      .selectFrom('cafe_prompts')
      .selectAll()
      .where('session_id', '=', sessionId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.reverse().map((row) => ({ id: row.id, round: Number(row.round), tableId: row.table_id, text: row.text, sentAt: Number(row.created_at) }));
  }
}
