// The series drafts' Yjs storage (SER40): one document per series and language, stored like a
// notepad (notepad-repo.ts, NOTE9): appended update batches compacted into one snapshot per room.
// The room name is the key; the series id lets a series' delete cascade.
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';
import type { StoredNotepad } from './notepad-repo.js';

export class SeriesDocumentRepo {
  constructor(protected readonly db: Kysely<Database>) {}

  async load(room: string): Promise<StoredNotepad> {
    const [snapshot, updates] = await Promise.all([
      this.db.selectFrom('series_document_snapshots').select('data').where('room', '=', room).executeTakeFirst(),
      this.db.selectFrom('series_document_updates').select(['seq', 'data']).where('room', '=', room).orderBy('seq').execute(),
    ]);
    return {
      snapshot: snapshot ? snapshot.data : null,
      updates: updates.map((row) => row.data),
      lastSeq: updates.length > 0 ? Number(updates[updates.length - 1]!.seq) : 0,
    };
  }

  async append(room: string, seriesId: string, seq: number, data: Uint8Array, now: number): Promise<void> {
    await this.db
      .insertInto('series_document_updates')
      .values({ room, seq, series_id: seriesId, data: toBuffer(data), created_at: now })
      .execute();
  }

  /** Replaces the snapshot and drops the updates it includes (seq ≤ throughSeq). Run in a transaction. */
  async compact(room: string, seriesId: string, snapshot: Uint8Array, throughSeq: number, now: number): Promise<void> {
    const values = { data: toBuffer(snapshot), updated_at: now };
    await this.db
      .insertInto('series_document_snapshots')
      .values({ room, series_id: seriesId, ...values })
      .onConflict((oc) => oc.column('room').doUpdateSet(values))
      .execute();
    await this.db.deleteFrom('series_document_updates').where('room', '=', room).where('seq', '<=', throughSeq).execute();
  }

  /** As NotepadRepo.lastSeq (CLU64). */
  async lastSeq(room: string): Promise<number> {
    const row = await this.db
      .selectFrom('series_document_updates')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .where('room', '=', room)
      .executeTakeFirst();
    return Number(row?.seq ?? 0);
  }

  /** As NotepadRepo.compactMerged (CLU65). Run in a transaction. */
  async compactMerged(room: string, seriesId: string, state: Uint8Array, now: number, merge: (parts: Uint8Array[]) => Uint8Array): Promise<void> {
    const locked = await this.db
      .insertInto('series_document_snapshots')
      .values({ room, series_id: seriesId, data: toBuffer(state), updated_at: now })
      .onConflict((oc) => oc.column('room').doUpdateSet({ updated_at: now }))
      .returning('data')
      .executeTakeFirstOrThrow();
    const updates = await this.db.selectFrom('series_document_updates').select(['seq', 'data']).where('room', '=', room).orderBy('seq').execute();
    const snapshot = merge([locked.data, ...updates.map((u) => u.data), state]);
    await this.db
      .updateTable('series_document_snapshots')
      .set({ data: toBuffer(snapshot), updated_at: now })
      .where('room', '=', room)
      .execute();
    if (updates.length > 0)
      await this.db
        .deleteFrom('series_document_updates')
        .where('room', '=', room)
        .where(
          'seq',
          'in',
          updates.map((u) => u.seq),
        )
        .execute();
  }
}

/** better-sqlite3 wants a Buffer; a Uint8Array view is wrapped without copying. */
function toBuffer(data: Uint8Array): Buffer {
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}
