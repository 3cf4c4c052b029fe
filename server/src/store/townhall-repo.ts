import type { Kysely } from 'kysely';
import type { Agenda, Hand, Mode, SpeakerQueue, StakeholderGroup } from '@open-talks/shared';
import type { CaptionView, TownhallSettings } from '@open-talks/shared/protocol';
import type { Language } from '@open-talks/shared';
import type { Database } from './schema.js';

/** A Town Hall's own row: everything small that changes rarely, written whole. */
export interface TownhallStateRecord {
  settings: TownhallSettings;
  queue: Omit<SpeakerQueue, 'hands'>;
  agenda: Agenda;
  projectedPollId: string | null;
}

/** The Town Hall's settings row, the raised hands (a row each) and the caption transcript. */
export class TownhallRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async state(sessionId: string): Promise<TownhallStateRecord | null> {
    const row = await this.db.selectFrom('townhall_state').selectAll().where('session_id', '=', sessionId).executeTakeFirst();
    if (!row) return null;
    return {
      // Rows stored before the video room setting (HAND12) have none: no migration needed.
      // Rows stored before the projector's caption stream (CAPS12) follow the session's first language.
      settings: { videoRoomUrl: null, projectorCaptionLanguage: null, ...(JSON.parse(row.settings) as Omit<TownhallSettings, 'videoRoomUrl' | 'projectorCaptionLanguage'>) },
      queue: JSON.parse(row.queue) as TownhallStateRecord['queue'],
      agenda: JSON.parse(row.agenda) as Agenda,
      projectedPollId: row.projected_poll_id,
    };
  }

  async saveState(sessionId: string, state: TownhallStateRecord, now: number): Promise<void> {
    const values = {
      settings: JSON.stringify(state.settings),
      queue: JSON.stringify(state.queue),
      agenda: JSON.stringify(state.agenda),
      projected_poll_id: state.projectedPollId,
      updated_at: now,
    };
    await this.db
      .insertInto('townhall_state')
      .values({ session_id: sessionId, ...values })
      .onConflict((oc) => oc.column('session_id').doUpdateSet(values))
      .execute();
  }

  /** Every Town Hall's state: after a restart the server re-arms their floor and agenda timers. */
  async allStates(): Promise<{ sessionId: string; state: TownhallStateRecord }[]> {
    const rows = await this.db.selectFrom('townhall_state').select('session_id').execute();
    const states = await Promise.all(rows.map(async (row) => ({ sessionId: row.session_id, state: await this.state(row.session_id) })));
    return states.filter((s): s is { sessionId: string; state: TownhallStateRecord } => s.state !== null);
  }

  /**
   * The session's secret for hand handles (HAND11), made on first use. Every process of the
   * server reads the same one (the first insert wins), so a handle means the same hand to all.
   */
  async handKey(sessionId: string, fresh: () => string, now: number): Promise<string> {
    const read = () => this.db.selectFrom('townhall_hand_keys').select('secret').where('session_id', '=', sessionId).executeTakeFirst();
    const found = await read();
    if (found) return found.secret;
    await this.db
      .insertInto('townhall_hand_keys')
      .values({ session_id: sessionId, secret: fresh(), created_at: now })
      .onConflict((oc) => oc.column('session_id').doNothing())
      .execute();
    const made = await read();
    if (!made) throw new Error(`no hand key for session ${sessionId}`);
    return made.secret;
  }

  /** Raised hands in base order, with the next free position. */
  async hands(sessionId: string): Promise<{ hands: Hand[]; nextPosition: number }> {
    // A hub's hand is in the hub stream (HUB31): the role on the participant's row tells, no column needed.
    const rows = await this.db
      .selectFrom('townhall_hands')
      .leftJoin('participants', 'participants.id', 'townhall_hands.participant_id')
      .selectAll('townhall_hands')
      .select('participants.role')
      .where('townhall_hands.session_id', '=', sessionId)
      .orderBy('townhall_hands.position')
      .execute();
    const hands = rows.map((row): Hand => ({
      participantId: row.participant_id,
      mode: row.mode as Mode,
      stakeholderGroup: row.stakeholder_group as StakeholderGroup,
      topic: row.topic,
      raisedAt: Number(row.raised_at),
      ...(row.role === 'hub' && { hub: true }),
    }));
    const last = rows.at(-1);
    return { hands, nextPosition: last ? Number(last.position) + 1 : 0 };
  }

  /** Adds a hand at `position`, or updates one already raised (keeping its place). */
  async saveHand(sessionId: string, hand: Hand, position: number): Promise<void> {
    const values = { mode: hand.mode, stakeholder_group: hand.stakeholderGroup, topic: hand.topic };
    await this.db
      .insertInto('townhall_hands')
      .values({ session_id: sessionId, participant_id: hand.participantId, position, raised_at: hand.raisedAt, ...values })
      .onConflict((oc) => oc.columns(['session_id', 'participant_id']).doUpdateSet(values))
      .execute();
  }

  async deleteHand(sessionId: string, participantId: string): Promise<void> {
    await this.db.deleteFrom('townhall_hands').where('session_id', '=', sessionId).where('participant_id', '=', participantId).execute();
  }

  /** A moderator's reorder: positions 0…n−1 in the new base order. */
  async reorderHands(sessionId: string, participantIds: readonly string[]): Promise<void> {
    for (const [position, participantId] of participantIds.entries()) {
      await this.db.updateTable('townhall_hands').set({ position }).where('session_id', '=', sessionId).where('participant_id', '=', participantId).execute();
    }
  }

  async addCaptions(sessionId: string, captions: readonly (CaptionView & { seq: number })[]): Promise<void> {
    if (captions.length === 0) return;
    await this.db
      .insertInto('captions')
      .values(captions.map((c) => ({ id: c.id, session_id: sessionId, seq: c.seq, text: c.text, language: c.language, created_at: c.at })))
      .execute();
  }

  /** The latest `limit` captions (oldest first) and the next free sequence number; all without a limit. */
  async captions(sessionId: string, limit?: number): Promise<{ captions: CaptionView[]; nextSeq: number }> {
    let query = this.db.selectFrom('captions').selectAll().where('session_id', '=', sessionId).orderBy('seq', 'desc');
    if (limit !== undefined) query = query.limit(limit);
    const rows = (await query.execute()).reverse();
    const next = rows.at(-1)?.seq;
    return { captions: rows.map(captionView), nextSeq: next === undefined ? 0 : Number(next) + 1 };
  }

  /** Each caption stream (CAPS1): its language and how many lines it has, in no particular order. */
  async captionStreams(sessionId: string): Promise<{ language: Language; count: number }[]> {
    const rows = await this.db
      .selectFrom('captions')
      .select((eb) => ['language', eb.fn.countAll().as('count')])
      .where('session_id', '=', sessionId)
      .groupBy('language')
      .execute();
    return rows.map((row) => ({ language: row.language as Language, count: Number(row.count) }));
  }

  /** One stream's latest `limit` lines, oldest first; its whole transcript without a limit (CAPS20). */
  async streamCaptions(sessionId: string, language: Language, limit?: number): Promise<CaptionView[]> {
    let query = this.db.selectFrom('captions').selectAll().where('session_id', '=', sessionId).where('language', '=', language).orderBy('seq', 'desc');
    if (limit !== undefined) query = query.limit(limit);
    return (await query.execute()).reverse().map(captionView);
  }
}

function captionView(row: { id: string; text: string; language: string; created_at: number | string | bigint }): CaptionView {
  return { id: row.id, text: row.text, language: row.language as Language, at: Number(row.created_at) };
}
