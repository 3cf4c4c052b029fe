import type { Kysely } from 'kysely';
import { ConsultationPublicRepo } from './consultation-public-repo.js';
import type { DatabaseHandle } from './db.js';
import { CafeRepo } from './cafe-repo.js';
import { NotepadRepo } from './notepad-repo.js';
import { ParticipantRepo } from './participant-repo.js';
import type { Database } from './schema.js';
import { SessionRepo } from './session-repo.js';
import { PollRepo } from './poll-repo.js';
import { QaRepo } from './qa-repo.js';
import { TownhallRepo } from './townhall-repo.js';
import { RecordRepo } from './record-repo.js';
import { SpeakerLogRepo } from './speaker-log-repo.js';
import { ConsultationRepo } from './consultation-repo.js';
import { ConsultationItemsRepo } from './consultation-items-repo.js';
import { ConsultationSearchRepo } from './consultation-search-repo.js';
import { StatementRepo } from './statement-repo.js';
import { SeriesRepo } from './series-repo.js';
import { SeriesDocumentRepo } from './series-document-repo.js';
import { SeriesReferencesRepo } from './series-references-repo.js';
import { SeriesVersionsRepo } from './series-versions-repo.js';
import { ContentRepo } from './content-repo.js';
import { MachineTranslationRepo } from './machine-translation-repo.js';
import { SessionReadCache, watchWrites } from './read-cache.js';
import type { ParticipantRecord } from './participant-repo.js';
import type { FenceCheck } from '../cluster/fencing.js';

export type { ParticipantRecord, ParticipantChanges } from './participant-repo.js';
export type { SessionRecord, SessionSettings } from './session-repo.js';
export type { StoredNotepad } from './notepad-repo.js';
export type { TownhallStateRecord } from './townhall-repo.js';
export type { PublicationRecord } from './record-repo.js';
export type { SeriesRecord, SeriesMemberRecord } from './series-repo.js';

/** The repositories over one database; what the rest of the server sees of storage. */
export interface Repos {
  sessions: SessionRepo;
  participants: ParticipantRepo;
  cafe: CafeRepo;
  notepads: NotepadRepo;
  qa: QaRepo;
  polls: PollRepo;
  townhall: TownhallRepo;
  records: RecordRepo;
  speakers: SpeakerLogRepo;
  /** The consultation's configuration and contributions (issue 15). */
  consultation: ConsultationRepo;
  /** Its supports, comments, flags, responses, invitations and e-mails. */
  consultationItems: ConsultationItemsRepo;
  /** The consultation's lists, search and queue (reads only). */
  consultationSearch: ConsultationSearchRepo;
  /** Its statements, answers and opinion reports (CONS30–CONS39). */
  statements: StatementRepo;
  consultationPublic: ConsultationPublicRepo;
  /** Series, their members and sessions (issue 16). */
  series: SeriesRepo;
  /** The information document's drafts (Yjs, per language). */
  seriesDocuments: SeriesDocumentRepo;
  seriesReferences: SeriesReferencesRepo;
  seriesVersions: SeriesVersionsRepo;
  /** Human versions of texts in other languages and their originals' languages (issue 18). */
  content: ContentRepo;
  /** Machine translations, apart from the human versions (issue 18, MT10). */
  machineTranslations: MachineTranslationRepo;
}

/** Reads shared by a session's (re)connects, cached briefly; see read-cache.ts for the rules. */
export interface SharedReads {
  /** The session's active participants (listActive); shared: never mutate the array or its records. */
  roster(sessionId: string): Promise<readonly ParticipantRecord[]>;
  /**
   * One participant by id, for the check every command makes (who asks, with what role, not
   * removed). Kept longer than the other shared reads (TH-PERF4): every write to participants in
   * this process drops it at once, and a session's commands run on its owner, where its
   * participants are written; another node's write shows here within PARTICIPANT_TTL.
   */
  participant(sessionId: string, participantId: string): Promise<ParticipantRecord | undefined>;
  /** Any other per-session value built from storage, cached and invalidated like the roster. */
  cached<T>(sessionId: string, kind: string, load: () => Promise<T>): Promise<T>;
  /** Drops what is cached of the session: another node may have written it (a session taken over, docs/cluster.md CLU13). */
  forget(sessionId: string): void;
}

export interface Store extends Repos {
  shared: SharedReads;
  /** Runs `work` in one transaction: all of its writes land, or none. */
  transaction<T>(work: (repos: Repos) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  describe: string;
}

function repos(db: Kysely<Database>): Repos {
  return {
    sessions: new SessionRepo(db),
    participants: new ParticipantRepo(db),
    cafe: new CafeRepo(db),
    notepads: new NotepadRepo(db),
    qa: new QaRepo(db),
    polls: new PollRepo(db),
    townhall: new TownhallRepo(db),
    records: new RecordRepo(db),
    speakers: new SpeakerLogRepo(db),
    consultation: new ConsultationRepo(db),
    consultationItems: new ConsultationItemsRepo(db),
    consultationSearch: new ConsultationSearchRepo(db),
    statements: new StatementRepo(db),
    consultationPublic: new ConsultationPublicRepo(db),
    series: new SeriesRepo(db),
    seriesDocuments: new SeriesDocumentRepo(db),
    seriesReferences: new SeriesReferencesRepo(db),
    seriesVersions: new SeriesVersionsRepo(db),
    content: new ContentRepo(db),
    machineTranslations: new MachineTranslationRepo(db),
  };
}

// A write by another server node shows in the shared reads within this (ms); this node's own invalidate at once.
const SHARED_READS_TTL = 1_000; // ms
const PARTICIPANT_TTL = 10_000; // ms: a burst of votes re-reads nobody; see SharedReads.participant

// Methods that only read; every other method of these repos is a write and invalidates the cache.
const READS = {
  participants: new Set(['byId', 'byTokenHash', 'listActive', 'listAll']),
  sessions: new Set(['byId', 'byLiveJoinCode', 'isJoinCodeLive', 'byProjectorTokenHash']),
  cafe: new Set(['tables', 'rounds', 'plan', 'run', 'harvestShown', 'runningSessions', 'recentPrompts', 'notesLanguages']),
};

/** The repos, with writes to what the shared reads hold reported to `touched`. */
function watched(base: Repos, touched: (sessionId: string | null) => void): Repos {
  const first = (args: unknown[]) => args[0];
  return {
    ...base,
    // insert carries the record; update and markRemoved only an id, so every session is invalidated (rare writes).
    participants: watchWrites(base.participants, READS.participants, (m, args) => (m === 'insert' ? (first(args) as ParticipantRecord).sessionId : null), touched),
    sessions: watchWrites(base.sessions, READS.sessions, (m, args) => (m === 'insert' ? (first(args) as { id: string }).id : (first(args) as string)), touched),
    cafe: watchWrites(base.cafe, READS.cafe, (_m, args) => first(args) as string, touched),
  };
}

export interface StoreOptions {
  /** Cluster on PostgreSQL: every transaction run for a session on its owner checks its fence first (CLU6). */
  fenceCheck?: FenceCheck;
}

export function createStore(handle: DatabaseHandle, { fenceCheck }: StoreOptions = {}): Store {
  const cache = new SessionReadCache(SHARED_READS_TTL);
  const people = new SessionReadCache(PARTICIPANT_TTL);
  const invalidate = (sessionId: string | null) => {
    if (sessionId === null) {
      cache.invalidateAll();
      people.invalidateAll();
    } else {
      cache.invalidate(sessionId);
      people.invalidate(sessionId);
    }
  };
  const direct = watched(repos(handle.db), invalidate);
  return {
    ...direct,
    shared: {
      roster: (sessionId) => cache.get(sessionId, 'roster', () => direct.participants.listActive(sessionId)),
      participant: (sessionId, participantId) => people.get(sessionId, participantId, () => direct.participants.byId(participantId)),
      cached: (sessionId, kind, load) => cache.get(sessionId, kind, load),
      forget: (sessionId) => cache.invalidate(sessionId),
    },
    async transaction(work) {
      // Writes inside invalidate as they go and once more after the commit (other connections see them only then).
      const touched = new Set<string | null>();
      const result = await handle.db.transaction().execute(async (trx) => {
        if (fenceCheck) await fenceCheck(trx);
        return work(
          watched(repos(trx), (sessionId) => {
            touched.add(sessionId);
            invalidate(sessionId);
          }),
        );
      });
      for (const sessionId of touched) invalidate(sessionId);
      return result;
    },
    close: () => handle.db.destroy(),
    describe: handle.describe,
  };
}
