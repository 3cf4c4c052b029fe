import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/** A notepad as stored: its compacted snapshot (if any) and the update batches after it, in order. */
export interface StoredNotepad {
  snapshot: Uint8Array | null;
  updates: Uint8Array[];
  /** The highest update seq stored for the room (0 when none). */
  lastSeq: number;
}

/**
 * Notepads' Yjs documents (docs/notepads.md, NOTE9): appended update batches, compacted into
 * one snapshot per room. The room name is the key; the session id lets a session's delete cascade.
 */
export class NotepadRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async load(room: string): Promise<StoredNotepad> {
    const [snapshot, updates] = await Promise.all([
      this.db.selectFrom('notepad_snapshots').select('data').where('room', '=', room).executeTakeFirst(),
      this.db.selectFrom('notepad_updates').select(['seq', 'data']).where('room', '=', room).orderBy('seq').execute(),
    ]);
    return {
      snapshot: snapshot ? snapshot.data : null,
      updates: updates.map((row) => row.data),
      lastSeq: updates.length > 0 ? Number(updates[updates.length - 1]!.seq) : 0,
    };
  }

  async append(room: string, sessionId: string, seq: number, data: Uint8Array, now: number): Promise<void> {
    await this.db
      .insertInto('notepad_updates')
      .values({ room, seq, session_id: sessionId, data: toBuffer(data), created_at: now })
      .execute();
  }

  /** Replaces the snapshot and drops the updates it includes (seq ≤ throughSeq). Run in a transaction. */
  async compact(room: string, sessionId: string, snapshot: Uint8Array, throughSeq: number, now: number): Promise<void> {
    const values = { data: toBuffer(snapshot), updated_at: now };
    await this.db
      .insertInto('notepad_snapshots')
      .values({ room, session_id: sessionId, ...values })
      .onConflict((oc) => oc.column('room').doUpdateSet(values))
      .execute();
    await this.db.deleteFrom('notepad_updates').where('room', '=', room).where('seq', '<=', throughSeq).execute();
  }

  /** The highest update seq stored for the room (0 when none): where a node appends after another did (CLU64). */
  async lastSeq(room: string): Promise<number> {
    const row = await this.db
      .selectFrom('notepad_updates')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .where('room', '=', room)
      .executeTakeFirst();
    return Number(row?.seq ?? 0);
  }

  /**
   * CLU65: compaction when several nodes may append to the room. The snapshot row is locked first
   * (made if missing), so compactions of one room take turns; the new snapshot merges the stored
   * one, every stored update and this node's `state`, and only the updates read are deleted, so
   * another node's batch that lands meanwhile stays. Run in a transaction.
   */
  async compactMerged(room: string, sessionId: string, state: Uint8Array, now: number, merge: (parts: Uint8Array[]) => Uint8Array): Promise<void> {
    const locked = await this.db
      .insertInto('notepad_snapshots')
      .values({ room, session_id: sessionId, data: toBuffer(state), updated_at: now })
      .onConflict((oc) => oc.column('room').doUpdateSet({ updated_at: now }))
      .returning('data')
      .executeTakeFirstOrThrow();
    const updates = await this.db.selectFrom('notepad_updates').select(['seq', 'data']).where('room', '=', room).orderBy('seq').execute();
    const snapshot = merge([locked.data, ...updates.map((u) => u.data), state]);
    await this.db
      .updateTable('notepad_snapshots')
      .set({ data: toBuffer(snapshot), updated_at: now })
      .where('room', '=', room)
      .execute();
    if (updates.length > 0)
      await this.db
        .deleteFrom('notepad_updates')
        .where('room', '=', room)
        .where(
          'seq',
          'in',
          updates.map((u) => u.seq),
        )
        .execute();
  }

  /** Every stored notepad of a session (room → snapshot and updates), for the record. */
  async loadSession(sessionId: string): Promise<Map<string, Omit<StoredNotepad, 'lastSeq'>>> {
    const [snapshots, updates] = await Promise.all([
      this.db.selectFrom('notepad_snapshots').select(['room', 'data']).where('session_id', '=', sessionId).execute(),
      this.db.selectFrom('notepad_updates').select(['room', 'data']).where('session_id', '=', sessionId).orderBy('room').orderBy('seq').execute(),
    ]);
    const out = new Map<string, Omit<StoredNotepad, 'lastSeq'>>();
    const entry = (room: string) => {
      let stored = out.get(room);
      if (!stored) out.set(room, (stored = { snapshot: null, updates: [] }));
      return stored;
    };
    for (const row of snapshots) entry(row.room).snapshot = row.data;
    for (const row of updates) entry(row.room).updates.push(row.data);
    return out;
  }

  /** The rooms of a session that have anything stored, for exports. */
  async rooms(sessionId: string): Promise<string[]> {
    const [snapshots, updates] = await Promise.all([
      this.db.selectFrom('notepad_snapshots').select('room').where('session_id', '=', sessionId).execute(),
      this.db.selectFrom('notepad_updates').select('room').distinct().where('session_id', '=', sessionId).execute(),
    ]);
    return [...new Set([...snapshots, ...updates].map((r) => r.room))].sort();
  }
}

/** better-sqlite3 wants a Buffer; a Uint8Array view is wrapped without copying. */
function toBuffer(data: Uint8Array): Buffer {
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}
