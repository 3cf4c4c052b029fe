// What the server gathers from storage for a session's record: raw facts, with ids and names.
// They never leave the server as they are: `buildRecord` turns them into the record under the
// session's attribution (REC2–REC5, docs/record.md).
import type { CafeRound } from '../cafe/setup.js';
import type { HarvestIdea } from '../notepad/harvest.js';
import type { KeyIdea } from '../notepad/ideas.js';
import type { AgendaItem } from '../townhall/agenda.js';
import type { PollResults } from '../townhall/poll-results.js';
import type { Poll } from '../townhall/polls.js';
import type { Question } from '../townhall/qa.js';
import type { FactConsultation } from './consultation-types.js';
import type { Attribution, Language, Mode, Role, SessionFormat, StakeholderGroup } from '../words.js';

export interface FactPerson {
  id: string;
  displayName: string | null;
  role: Role;
  mode: Mode;
  stakeholderGroup: StakeholderGroup;
  /** Removed people stay in the facts (their contributions remain) but are not counted as attending. */
  removed: boolean;
  /** The language they joined with (the series' statistics count by it); absent in older callers. */
  language?: Language;
  /** A hub's registration, for a hub's coordinator (docs/hubs.md); absent for everyone else. */
  hub?: { name: string; place: string; headcount: number; groups: StakeholderGroup[] } | undefined;
}

export interface FactTableNotes {
  tableId: string;
  round: number;
  text: string;
  ideas: KeyIdea[];
}

export interface FactCafe {
  rounds: CafeRound[];
  /** In the café's table order. */
  tables: { id: string; label: string; kind: string }[];
  /** Only the notepads that exist in storage; the record shows the others as empty. */
  notes: FactTableNotes[];
  /** NOTE20: each table's notes language by `tableId/round` (NOTE17–NOTE18); absent, unknown. */
  notesLanguages?: Readonly<Record<string, string | null>>;
  /** `id`: the theme's stored id (series evidence keys, SER4); the record does not show it. */
  harvest: { themes: { id?: string; name: string; ideas: HarvestIdea[] }[]; unthemed: HarvestIdea[] };
}

/** One turn at the Town Hall's floor (the speaker log). */
export interface FactSpeakerTurn {
  participantId: string;
  mode: Mode;
  stakeholderGroup: StakeholderGroup;
  topic: string | null;
  startedAt: number; // epoch ms
  /** null while the speaker still has the floor. */
  endedAt: number | null; // epoch ms
}

export interface FactTownhall {
  agenda: AgendaItem[];
  questions: Question[];
  polls: { poll: Poll; results: PollResults }[];
  speakers: FactSpeakerTurn[];
  captions: { text: string; language: Language; at: number }[];
}

export interface RecordFacts {
  session: {
    id: string;
    title: string;
    format: SessionFormat;
    languages: Language[];
    attribution: Attribution;
    createdAt: number; // epoch ms
    endedAt: number | null; // epoch ms
  };
  people: FactPerson[];
  /** The rapporteurs' synthesis notepad, as text ('' when nobody wrote one). */
  synthesis: string;
  cafe: FactCafe | null;
  townhall: FactTownhall | null;
  /** A consultation's rows (CONS68); absent for a café or a Town Hall. */
  consultation?: FactConsultation | null;
}
