import type { Kysely, Selectable } from 'kysely';
import type { Attribution, Language, SessionFormat } from '@open-talks/shared';
import { DEFAULT_PROJECTOR_CHOICE, type ProjectorChoice } from '@open-talks/shared/projector';
import type { Database, SessionsTable } from './schema.js';

export interface SessionRecord {
  id: string;
  title: string;
  format: SessionFormat;
  attribution: Attribution;
  languages: Language[];
  joinCode: string;
  createdAt: number;
  endedAt: number | null;
  /** Observers may read the tables' notes (NOTE3). */
  observerNotes: boolean;
  /** What the projector shows (PROJ1). */
  projector: ProjectorChoice;
  /** Readers may ask for machine translations (MT20). */
  machineTranslation: boolean;
}

/** What the facilitator may change after creating a session. */
export type SessionSettings = Partial<Pick<SessionRecord, 'observerNotes' | 'machineTranslation'>>;

function toRecord(row: Selectable<SessionsTable>): SessionRecord {
  return {
    id: row.id,
    title: row.title,
    format: row.format as SessionFormat,
    attribution: row.attribution as Attribution,
    languages: JSON.parse(row.languages) as Language[],
    joinCode: row.join_code,
    createdAt: Number(row.created_at),
    endedAt: row.ended_at === null ? null : Number(row.ended_at),
    observerNotes: Number(row.observer_notes) === 1,
    machineTranslation: Number(row.machine_translation) === 1,
    projector: row.projector ? { ...DEFAULT_PROJECTOR_CHOICE, ...(JSON.parse(row.projector) as Partial<ProjectorChoice>) } : DEFAULT_PROJECTOR_CHOICE,
  };
}

/** Sessions: the aggregate root. Only ever looked up by id, live join code or projector token. */
export class SessionRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(session: SessionRecord, projectorTokenHash: string): Promise<void> {
    await this.db
      .insertInto('sessions')
      .values({
        id: session.id,
        title: session.title,
        format: session.format,
        attribution: session.attribution,
        languages: JSON.stringify(session.languages),
        join_code: session.joinCode,
        projector_token_hash: projectorTokenHash,
        created_at: session.createdAt,
        ended_at: session.endedAt,
        observer_notes: session.observerNotes ? 1 : 0,
        machine_translation: session.machineTranslation ? 1 : 0,
        projector: JSON.stringify(session.projector),
      })
      .execute();
  }

  async updateSettings(id: string, settings: SessionSettings): Promise<void> {
    await this.db
      .updateTable('sessions')
      .set({
        ...(settings.observerNotes !== undefined && { observer_notes: settings.observerNotes ? 1 : 0 }),
        ...(settings.machineTranslation !== undefined && { machine_translation: settings.machineTranslation ? 1 : 0 }),
      })
      .where('id', '=', id)
      .execute();
  }

  /** PROJ1: what the projector shows. */
  async setProjector(id: string, choice: ProjectorChoice): Promise<void> {
    await this.db
      .updateTable('sessions')
      .set({ projector: JSON.stringify(choice) })
      .where('id', '=', id)
      .execute();
  }

  async byId(id: string): Promise<SessionRecord | undefined> {
    const row = await this.db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toRecord(row);
  }

  async byLiveJoinCode(joinCode: string): Promise<SessionRecord | undefined> {
    const row = await this.db.selectFrom('sessions').selectAll().where('join_code', '=', joinCode).where('ended_at', 'is', null).executeTakeFirst();
    return row && toRecord(row);
  }

  async isJoinCodeLive(joinCode: string): Promise<boolean> {
    return (await this.byLiveJoinCode(joinCode)) !== undefined;
  }

  async byProjectorTokenHash(hash: string): Promise<SessionRecord | undefined> {
    const row = await this.db.selectFrom('sessions').selectAll().where('projector_token_hash', '=', hash).executeTakeFirst();
    return row && toRecord(row);
  }

  async setProjectorTokenHash(id: string, hash: string): Promise<void> {
    await this.db.updateTable('sessions').set({ projector_token_hash: hash }).where('id', '=', id).execute();
  }
}
