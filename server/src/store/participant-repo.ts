import type { Kysely, Selectable } from 'kysely';
import type { Language, Mode, Role, StakeholderGroup } from '@open-talks/shared';
import type { Database, ParticipantsTable } from './schema.js';

export interface ParticipantRecord {
  id: string;
  sessionId: string;
  displayName: string | null;
  role: Role;
  mode: Mode;
  stakeholderGroup: StakeholderGroup;
  language: Language;
  joinedAt: number;
  removedAt: number | null;
}

export type ParticipantChanges = Partial<Pick<ParticipantRecord, 'displayName' | 'role' | 'mode' | 'stakeholderGroup' | 'language'>>;

function toRecord(row: Selectable<ParticipantsTable>): ParticipantRecord {
  return {
    id: row.id,
    sessionId: row.session_id,
    displayName: row.display_name,
    role: row.role as Role,
    mode: row.mode as Mode,
    stakeholderGroup: row.stakeholder_group as StakeholderGroup,
    language: row.language as Language,
    joinedAt: Number(row.joined_at),
    removedAt: row.removed_at === null ? null : Number(row.removed_at),
  };
}

export class ParticipantRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(participant: ParticipantRecord, tokenHash: string): Promise<void> {
    await this.db
      .insertInto('participants')
      .values({
        id: participant.id,
        session_id: participant.sessionId,
        token_hash: tokenHash,
        display_name: participant.displayName,
        role: participant.role,
        mode: participant.mode,
        stakeholder_group: participant.stakeholderGroup,
        language: participant.language,
        joined_at: participant.joinedAt,
        removed_at: participant.removedAt,
      })
      .execute();
  }

  async byId(id: string): Promise<ParticipantRecord | undefined> {
    const row = await this.db.selectFrom('participants').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toRecord(row);
  }

  async byTokenHash(hash: string): Promise<ParticipantRecord | undefined> {
    const row = await this.db.selectFrom('participants').selectAll().where('token_hash', '=', hash).executeTakeFirst();
    return row && toRecord(row);
  }

  /** Everyone in the session who was not removed, in join order. */
  async listActive(sessionId: string): Promise<ParticipantRecord[]> {
    const rows = await this.db
      .selectFrom('participants')
      .selectAll()
      .where('session_id', '=', sessionId)
      .where('removed_at', 'is', null)
      .orderBy('joined_at')
      .orderBy('id')
      .execute();
    return rows.map(toRecord);
  }

  /** Everyone who ever joined the session, removed people included (their words stay in the record). */
  async listAll(sessionId: string): Promise<ParticipantRecord[]> {
    const rows = await this.db.selectFrom('participants').selectAll().where('session_id', '=', sessionId).orderBy('joined_at').orderBy('id').execute();
    return rows.map(toRecord);
  }

  async update(id: string, changes: ParticipantChanges): Promise<void> {
    await this.db
      .updateTable('participants')
      .set({
        ...(changes.displayName !== undefined && { display_name: changes.displayName }),
        ...(changes.role !== undefined && { role: changes.role }),
        ...(changes.mode !== undefined && { mode: changes.mode }),
        ...(changes.stakeholderGroup !== undefined && { stakeholder_group: changes.stakeholderGroup }),
        ...(changes.language !== undefined && { language: changes.language }),
      })
      .where('id', '=', id)
      .execute();
  }

  /** A fresh token for this person: the old one stops working at once. */
  async setTokenHash(id: string, tokenHash: string): Promise<void> {
    await this.db.updateTable('participants').set({ token_hash: tokenHash }).where('id', '=', id).execute();
  }

  async markRemoved(id: string, at: number): Promise<void> {
    await this.db.updateTable('participants').set({ removed_at: at }).where('id', '=', id).execute();
  }
}
