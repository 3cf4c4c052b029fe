import type { Kysely, Selectable } from 'kysely';
import { STAKEHOLDER_GROUPS, type Language, type Mode, type Role, type StakeholderGroup } from '@open-talks/shared';
import type { HubDetails } from '@open-talks/shared/protocol';
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
  /** A hub's registration (docs/hubs.md): present when someone joined as a hub. */
  hub?: HubDetails;
}

export type ParticipantChanges = Partial<Pick<ParticipantRecord, 'displayName' | 'role' | 'mode' | 'stakeholderGroup' | 'language' | 'hub'>>;

/** The record's `hub` field, spread in: absent for anyone who is not a hub (records stay as they were). */
function hubOf(row: Selectable<ParticipantsTable>): { hub?: HubDetails } {
  if (row.hub_name === null || row.hub_headcount === null) return {};
  const groups = (row.hub_groups ?? '').split(',').filter((g): g is StakeholderGroup => (STAKEHOLDER_GROUPS as readonly string[]).includes(g));
  return { hub: { name: row.hub_name, place: row.hub_place ?? '', headcount: Number(row.hub_headcount), groups } };
}

function hubColumns(hub: HubDetails | undefined) {
  return { hub_name: hub?.name ?? null, hub_place: hub?.place ?? null, hub_headcount: hub?.headcount ?? null, hub_groups: hub ? hub.groups.join(',') : null };
}

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
    ...hubOf(row),
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
        ...hubColumns(participant.hub),
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
        ...(changes.hub !== undefined && hubColumns(changes.hub)),
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
