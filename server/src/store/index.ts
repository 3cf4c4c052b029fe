import type { Kysely } from 'kysely';
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

export type { ParticipantRecord, ParticipantChanges } from './participant-repo.js';
export type { SessionRecord, SessionSettings } from './session-repo.js';
export type { StoredNotepad } from './notepad-repo.js';
export type { TownhallStateRecord } from './townhall-repo.js';
export type { PublicationRecord } from './record-repo.js';

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
}

export interface Store extends Repos {
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
  };
}

export function createStore(handle: DatabaseHandle): Store {
  return {
    ...repos(handle.db),
    transaction: (work) => handle.db.transaction().execute((trx) => work(repos(trx))),
    close: () => handle.db.destroy(),
    describe: handle.describe,
  };
}
