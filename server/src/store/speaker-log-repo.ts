import type { Kysely } from 'kysely';
import type { FactSpeakerTurn, Mode, StakeholderGroup } from '@open-talks/shared';
import type { Database } from './schema.js';

/**
 * The Town Hall's speaker log: one row per turn at the floor, opened when the floor is given and
 * closed when it ends or passes on (in the same transaction as the queue's change).
 */
export class SpeakerLogRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async open(sessionId: string, id: string, turn: Omit<FactSpeakerTurn, 'endedAt'>): Promise<void> {
    await this.db
      .insertInto('speaker_log')
      .values({
        id,
        session_id: sessionId,
        participant_id: turn.participantId,
        mode: turn.mode,
        stakeholder_group: turn.stakeholderGroup,
        topic: turn.topic,
        started_at: turn.startedAt,
        ended_at: null,
      })
      .execute();
  }

  /** Closes the session's open turn, if any. */
  async close(sessionId: string, endedAt: number): Promise<void> {
    await this.db.updateTable('speaker_log').set({ ended_at: endedAt }).where('session_id', '=', sessionId).where('ended_at', 'is', null).execute();
  }

  async turns(sessionId: string): Promise<FactSpeakerTurn[]> {
    const rows = await this.db.selectFrom('speaker_log').selectAll().where('session_id', '=', sessionId).orderBy('started_at').orderBy('id').execute();
    return rows.map((row) => ({
      participantId: row.participant_id,
      mode: row.mode as Mode,
      stakeholderGroup: row.stakeholder_group as StakeholderGroup,
      topic: row.topic,
      startedAt: Number(row.started_at),
      endedAt: row.ended_at === null ? null : Number(row.ended_at),
    }));
  }
}
