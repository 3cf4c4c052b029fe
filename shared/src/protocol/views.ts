import type { HubDetails } from './hub.js';
import type { ContentVersions } from '../domain/content/versions.js';
import type { CafeLive } from './cafe.js';
import type { TownhallLive } from './townhall-views.js';
import type { ConsultationLive } from './consultation-views.js';
import type { AttendanceCounts } from '../domain/attendance.js';
import type { ProjectorChoice } from '../domain/projector.js';
import type { Attribution, Language, Mode, Role, SessionFormat, StakeholderGroup } from '../domain/words.js';

/** A session as its members see it. */
export interface SessionView {
  id: string;
  title: string;
  format: SessionFormat;
  languages: Language[];
  attribution: Attribution;
  joinCode: string;
  createdAt: number; // epoch ms
  /** Observers may read the tables' notes (NOTE3). */
  observerNotes: boolean;
  /** What the projector shows (PROJ1); in every snapshot, so a reloaded projector shows the same. */
  projector: ProjectorChoice;
}

/** What anyone with the join code may know before joining (GET /api/join/:joinCode). */
export type SessionPreview = Pick<SessionView, 'title' | 'format' | 'languages' | 'attribution' | 'joinCode'>;

/** A participant record. `displayName: null` is someone who chose to stay anonymous. */
export interface ParticipantView {
  id: string;
  displayName: string | null;
  role: Role;
  mode: Mode;
  stakeholderGroup: StakeholderGroup;
  language: Language;
  joinedAt: number; // epoch ms
  online: boolean;
  /**
   * A hub's registration (docs/hubs.md, HUB3): only on a hub's record, which only the hub itself
   * and staff (the people table) ever receive, like names.
   */
  hub?: HubDetails;
}

/** Who is looking: a participant, or the projector screen (a read-only display). */
export type Viewer = { kind: 'participant'; participant: ParticipantView } | { kind: 'display' };

/** What one member may see of a session right now; sent on connect and by `session:sync`. */
export interface SessionState {
  session: SessionView;
  viewer: Viewer;
  attendance: AttendanceCounts;
  /** Present only for roles allowed `participants:list`. */
  participants?: ParticipantView[];
  /** Present for café sessions: the café's public view and this member's seat. */
  cafe?: CafeLive;
  /** Present for Town Hall sessions: everything this member may see of it. */
  townhall?: TownhallLive;
  /** Present for consultations: the set-up and phase, this member's own things, staff's counts. */
  consultation?: ConsultationLive;
  /**
   * Every human version of the session's content and contributions this member may see (issue 18),
   * one entry per text that has any; machine translations come only when asked for.
   */
  content: ContentVersions[];
}

/** Links a facilitator hands out; all relative to the app's origin. */
export interface SessionLinks {
  join: string;
  observer: string;
  projector: string;
  /** The facilitator's own way back into the console from another device. Keep it private. */
  console: string;
}
