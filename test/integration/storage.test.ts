import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../server/src/store/db.js';
import { createStore, type ParticipantRecord, type SessionRecord, type Store } from '../../server/src/store/index.js';
import { createTestDatabase, type TestDatabase } from '../helpers/server.js';
import { DEFAULT_PROJECTOR_CHOICE } from '../../shared/src/domain/projector.js';
import { storageTargets } from '../helpers/storage-kinds.js';

const targets = await storageTargets();

let counter = 0;
function uniqueId(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${(counter++).toString(36)}`;
}

function sessionRecord(overrides: Partial<SessionRecord> = {}): SessionRecord {
  return {
    id: uniqueId('s'),
    title: 'Open Talks on data governance',
    format: 'cafe',
    attribution: 'group',
    languages: ['en', 'fr', 'ar'],
    joinCode: 'ABCDEF',
    createdAt: 1_718_000_000_000,
    endedAt: null,
    observerNotes: true,
    projector: DEFAULT_PROJECTOR_CHOICE,
    machineTranslation: true,
    ...overrides,
  };
}

function participantRecord(sessionId: string, overrides: Partial<ParticipantRecord> = {}): ParticipantRecord {
  return {
    id: uniqueId('p'),
    sessionId,
    displayName: 'Amina',
    role: 'participant',
    mode: 'remote',
    stakeholderGroup: 'civil-society',
    language: 'fr',
    joinedAt: 1_718_000_000_000,
    removedAt: null,
    ...overrides,
  };
}

describe.each(targets)('storage on $kind', ({ kind, skip }) => {
  if (skip) console.warn(`storage on ${kind} skipped: ${skip}`);

  describe.skipIf(Boolean(skip))('repositories', () => {
    let database: TestDatabase;
    let handle: DatabaseHandle;
    let store: Store;
    const extraHandles: DatabaseHandle[] = [];

    async function open(): Promise<DatabaseHandle> {
      return openDatabase({ url: database.url, ...(database.schema && { pgSchema: database.schema }) });
    }

    beforeEach(async () => {
      database = await createTestDatabase(kind);
      handle = await open();
      store = createStore(handle);
    });

    afterEach(async () => {
      await store.close();
      for (const extra of extraHandles.splice(0)) await extra.db.destroy();
      await database.drop();
    });

    it('opens the dialect the URL names', () => {
      expect(handle.dialect).toBe(kind);
      expect(handle.describe).not.toMatch(/password/i);
    });

    it('writes a session and reads it back by id, live join code and projector token hash', async () => {
      const session = sessionRecord({ joinCode: 'KQ7M2X' });
      await store.sessions.insert(session, 'a'.repeat(64));
      expect(await store.sessions.byId(session.id)).toEqual(session);
      expect(await store.sessions.byLiveJoinCode('KQ7M2X')).toEqual(session);
      expect(await store.sessions.isJoinCodeLive('KQ7M2X')).toBe(true);
      expect(await store.sessions.byProjectorTokenHash('a'.repeat(64))).toEqual(session);
      expect(await store.sessions.byId('nobody')).toBeUndefined();
      expect(await store.sessions.byLiveJoinCode('ZZZZZZ')).toBeUndefined();
      expect(await store.sessions.isJoinCodeLive('ZZZZZZ')).toBe(false);
    });

    it('keeps epoch-ms times as exact numbers (BIGINT round trip)', async () => {
      const createdAt = 8_640_000_000_000 - 1; // far beyond 32 bits, still a safe integer
      const session = sessionRecord({ createdAt, joinCode: 'TIMEAA' });
      await store.sessions.insert(session, 'b'.repeat(64));
      const read = await store.sessions.byId(session.id);
      expect(read?.createdAt).toBe(createdAt);
      expect(typeof read?.createdAt).toBe('number');
    });

    it('rotating the projector token hash makes the old one unknown', async () => {
      const session = sessionRecord({ joinCode: 'RTATEK' });
      await store.sessions.insert(session, 'c'.repeat(64));
      await store.sessions.setProjectorTokenHash(session.id, 'd'.repeat(64));
      expect(await store.sessions.byProjectorTokenHash('c'.repeat(64))).toBeUndefined();
      expect((await store.sessions.byProjectorTokenHash('d'.repeat(64)))?.id).toBe(session.id);
    });

    it('the unique index refuses a second live session with the same join code', async () => {
      await store.sessions.insert(sessionRecord({ joinCode: 'DUPL23' }), 'e'.repeat(64));
      await expect(store.sessions.insert(sessionRecord({ joinCode: 'DUPL23' }), 'f'.repeat(64))).rejects.toThrow();
      // The refused insert left nothing behind.
      expect(await store.sessions.byProjectorTokenHash('f'.repeat(64))).toBeUndefined();
    });

    it('an ended session gives its join code back', async () => {
      const first = sessionRecord({ joinCode: 'REUSE2' });
      await store.sessions.insert(first, '1'.repeat(64));
      // The repositories have no "end session" yet; end it the way a later feature will, in SQL.
      await handle.db.updateTable('sessions').set({ ended_at: 1_718_000_100_000 }).where('id', '=', first.id).execute();
      expect(await store.sessions.isJoinCodeLive('REUSE2')).toBe(false);

      const second = sessionRecord({ joinCode: 'REUSE2' });
      await store.sessions.insert(second, '2'.repeat(64));
      expect((await store.sessions.byLiveJoinCode('REUSE2'))?.id).toBe(second.id);
      // Two ended sessions may share a code too: the index covers live sessions only.
      await handle.db.updateTable('sessions').set({ ended_at: 1_718_000_200_000 }).where('id', '=', second.id).execute();
      await store.sessions.insert(sessionRecord({ joinCode: 'REUSE2', endedAt: 1 }), '3'.repeat(64));
      expect(await store.sessions.byLiveJoinCode('REUSE2')).toBeUndefined();
    });

    it('projector token hashes are unique across sessions', async () => {
      await store.sessions.insert(sessionRecord({ joinCode: 'PROJA2' }), '4'.repeat(64));
      await expect(store.sessions.insert(sessionRecord({ joinCode: 'PROJB2' }), '4'.repeat(64))).rejects.toThrow();
    });

    it('writes participants and reads them by id and token hash', async () => {
      const session = sessionRecord({ joinCode: 'PEOPLE' });
      await store.sessions.insert(session, '5'.repeat(64));
      const amina = participantRecord(session.id);
      const anonymous = participantRecord(session.id, { displayName: null, role: 'observer', mode: 'in-room', stakeholderGroup: 'government', language: 'ar' });
      await store.participants.insert(amina, 'token-hash-amina');
      await store.participants.insert(anonymous, 'token-hash-anon');
      expect(await store.participants.byId(amina.id)).toEqual(amina);
      expect(await store.participants.byTokenHash('token-hash-anon')).toEqual(anonymous);
      expect(await store.participants.byTokenHash('nobody')).toBeUndefined();
      expect(await store.participants.byId('nobody')).toBeUndefined();
    });

    it('refuses a participant token hash that is already in use', async () => {
      const session = sessionRecord({ joinCode: 'TOKENS' });
      await store.sessions.insert(session, '6'.repeat(64));
      await store.participants.insert(participantRecord(session.id), 'same-hash');
      await expect(store.participants.insert(participantRecord(session.id), 'same-hash')).rejects.toThrow();
    });

    it('refuses a participant of a session that does not exist (foreign key)', async () => {
      await expect(store.participants.insert(participantRecord('no-such-session'), 'orphan')).rejects.toThrow();
    });

    it('lists active participants in join order (then id), without removed ones or other sessions', async () => {
      const session = sessionRecord({ joinCode: 'ORDER2' });
      const other = sessionRecord({ joinCode: 'OTHER2' });
      await store.sessions.insert(session, '7'.repeat(64));
      await store.sessions.insert(other, '8'.repeat(64));
      const late = participantRecord(session.id, { id: 'p_a_late', joinedAt: 3000 });
      const early = participantRecord(session.id, { id: 'p_z_early', joinedAt: 1000 });
      const tieB = participantRecord(session.id, { id: 'p_tie_b', joinedAt: 2000 });
      const tieA = participantRecord(session.id, { id: 'p_tie_a', joinedAt: 2000 });
      const elsewhere = participantRecord(other.id, { joinedAt: 1500 });
      for (const [p, hash] of [
        [late, 'h1'],
        [early, 'h2'],
        [tieB, 'h3'],
        [tieA, 'h4'],
        [elsewhere, 'h5'],
      ] as const) {
        await store.participants.insert(p, hash);
      }
      expect((await store.participants.listActive(session.id)).map((p) => p.id)).toEqual(['p_z_early', 'p_tie_a', 'p_tie_b', 'p_a_late']);

      await store.participants.markRemoved(tieA.id, 5000);
      expect((await store.participants.listActive(session.id)).map((p) => p.id)).toEqual(['p_z_early', 'p_tie_b', 'p_a_late']);
      expect((await store.participants.byId(tieA.id))?.removedAt).toBe(5000);
      expect((await store.participants.listActive(other.id)).map((p) => p.id)).toEqual([elsewhere.id]);
      expect(await store.participants.listActive('no-such-session')).toEqual([]);
    });

    it('updates only the fields given; null display name means anonymous', async () => {
      const session = sessionRecord({ joinCode: 'UPDATE' });
      await store.sessions.insert(session, '9'.repeat(64));
      const p = participantRecord(session.id);
      await store.participants.insert(p, 'upd');
      await store.participants.update(p.id, { role: 'rapporteur' });
      expect(await store.participants.byId(p.id)).toEqual({ ...p, role: 'rapporteur' });
      await store.participants.update(p.id, { displayName: null, language: 'zh' });
      expect(await store.participants.byId(p.id)).toEqual({ ...p, role: 'rapporteur', displayName: null, language: 'zh' });
      await store.participants.update(p.id, { mode: 'in-room', stakeholderGroup: 'academia' });
      expect(await store.participants.byId(p.id)).toEqual({ ...p, role: 'rapporteur', displayName: null, language: 'zh', mode: 'in-room', stakeholderGroup: 'academia' });
    });

    it('a transaction that fails leaves nothing behind', async () => {
      const session = sessionRecord({ joinCode: 'ROLLBK' });
      await expect(
        store.transaction(async (repos) => {
          await repos.sessions.insert(session, 'r'.repeat(64));
          await repos.participants.insert(participantRecord(session.id), 'rb1');
          await repos.participants.insert(participantRecord(session.id), 'rb1'); // duplicate token hash
        }),
      ).rejects.toThrow();
      expect(await store.sessions.byId(session.id)).toBeUndefined();
      expect(await store.participants.byTokenHash('rb1')).toBeUndefined();
    });

    it('a transaction that succeeds writes everything', async () => {
      const session = sessionRecord({ joinCode: 'COMMIT' });
      const p = participantRecord(session.id);
      const result = await store.transaction(async (repos) => {
        await repos.sessions.insert(session, 's'.repeat(64));
        await repos.participants.insert(p, 'cm1');
        return 'done';
      });
      expect(result).toBe('done');
      expect(await store.sessions.byId(session.id)).toEqual(session);
      expect(await store.participants.byId(p.id)).toEqual(p);
    });

    it('migrations are idempotent: opening the same database again keeps the data', async () => {
      const session = sessionRecord({ joinCode: 'AGAIN2' });
      await store.sessions.insert(session, 't'.repeat(64));
      const p = participantRecord(session.id);
      await store.participants.insert(p, 'again');

      // A second handle while the first is open (a rolling restart), then a reopen after closing.
      const second = await open();
      extraHandles.push(second);
      expect(await createStore(second).sessions.byId(session.id)).toEqual(session);

      await store.close();
      handle = await open();
      store = createStore(handle);
      expect(await store.sessions.byId(session.id)).toEqual(session);
      expect(await store.participants.byId(p.id)).toEqual(p);
      // The live-code index survived the reopen (it was not dropped and recreated without its filter).
      await expect(store.sessions.insert(sessionRecord({ joinCode: 'AGAIN2' }), 'u'.repeat(64))).rejects.toThrow();
    });
  });
});
