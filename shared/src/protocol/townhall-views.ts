// What Town Hall screens receive (issue 5). Three audiences: participants (and observers), staff
// (facilitator and moderators: every question, the queue, drafts and all results) and the
// projector (a display: what participants see, plus the poll on screen). Server events are small
// deltas of these; the full `TownhallLive` comes with `session:state` on every (re)connect.
import type { Agenda, AgendaItem, AgendaItemStatus } from '../domain/townhall/agenda.js';
import type { Moderation } from '../domain/townhall/qa.js';
import type { QuestionView } from '../domain/townhall/qa-view.js';
import type { Poll } from '../domain/townhall/polls.js';
import type { PollResults } from '../domain/townhall/poll-results.js';
import type { Timer } from '../domain/timer/timer.js';
import type { PersonCredit } from '../domain/attribution.js';
import type { Language, Mode } from '../domain/words.js';

/**
 * Someone as the session's attribution allows (`attribute`, ATTR1–ATTR4): a name only in `named`
 * sessions, the group and mode unless `anonymous`; under `anonymous` every field is null
 * ("a participant"), for staff too.
 */
export type PersonRef = PersonCredit;

export interface TownhallSettings {
  moderation: Moderation;
  /** The speaker's intervention time, ms (default 2 min). */
  interventionMs: number;
  /** Whether people may ask anonymously (default: unless the session's attribution is `named`). */
  anonymousQuestions: boolean;
  /** The session-wide audio/video room where remote people speak when given the floor (HAND12); null: none. */
  videoRoomUrl: string | null;
  /** The caption stream the projector shows (CAPS12); null: the session's first language. */
  projectorCaptionLanguage: Language | null;
}

// ── Q&A ────────────────────────────────────────────────────────────────────────────────────
/**
 * A question as one viewer may see it (QA2, QA10): the domain's view with the author as the
 * attribution allows. Whether the viewer voted is not in here (one view goes to a whole
 * audience): it is `TownhallLive.qa.myVotes`, kept up to date by `qa:voted`.
 */
export interface QuestionItem extends Omit<QuestionView, 'voted' | 'authorId'> {
  /** Null for an anonymous question, whoever looks (QA10). */
  author: PersonRef | null;
  /** Staff only under `named` attribution, never for an anonymous question; null for everyone else. */
  authorId: string | null;
}

export interface QaLive {
  /** Every question this viewer may see, most votes first (QA11); clients re-sort locally. */
  questions: QuestionItem[];
  /** Ids of the questions this viewer's votes count for. */
  myVotes: string[];
}

/** `qa:votes`: new counts, coalesced (at most ~4 a second per session): questionId → votes. */
export type VoteCounts = Record<string, number>;

// ── Speaker queue ──────────────────────────────────────────────────────────────────────────
/** One person's own place: `hand:you`, and `TownhallLive.you`. */
export interface HandStatus {
  raised: boolean;
  topic: string | null;
  /** Place in the effective order, 0 = next ("you're next"); null without a raised hand. */
  position: number | null;
  /** True while they have the floor ("you have the floor"). */
  hasFloor: boolean;
}

/** Who has the floor, as everyone sees it, with the intervention timer (a stored deadline). */
export interface FloorView {
  speaker: PersonRef;
  topic: string | null;
  since: number; // epoch ms
  timer: Timer;
}

export interface QueueHand {
  /**
   * The hand's opaque handle: what `hand:move`, `hand:dismiss` and `hand:give-floor` take (HAND11).
   * Not a participant id (staff have the people list, so an id would name the person, ATTR4), and
   * a new one each time a hand is raised.
   */
  handle: string;
  /** As the attribution allows, as everywhere (ATTR4). */
  person: PersonRef;
  topic: string | null;
  raisedAt: number; // epoch ms
  /** Place in the effective order (0 = next). */
  position: number;
  /** Place in the base order: what `hand:move` takes (HAND4). */
  baseIndex: number;
}

/** The queue as staff see it: `hand:queue` (coalesced) and `TownhallLive.queue`. */
export interface QueueView {
  /** Waiting hands in effective order (HAND7). */
  hands: QueueHand[];
  alternate: boolean;
  /** The floor, with the handle the speaker's hand had (HAND11). */
  floor: (FloorView & { handle: string }) | null;
  /** Null under `anonymous` (ATTR4): it would tell the speaker's mode. */
  lastFloorMode: Mode | null;
}

// ── Polls ──────────────────────────────────────────────────────────────────────────────────
/** One's own answer, as it could be sent again: an option id, ids, a rating, or word-cloud texts. */
export interface MyBallot {
  pollId: string;
  choice: string | number | string[];
  castAt: number; // epoch ms
}

/** A poll as one viewer sees it: results only when they may see them (POLL4). */
export interface PollItem {
  poll: Poll;
  results: PollResults | null;
  ballot: MyBallot | null;
}

// ── Captions ───────────────────────────────────────────────────────────────────────────────
export interface CaptionView {
  id: string;
  text: string;
  language: Language;
  at: number; // epoch ms
}

/** How many captions the full state carries (the transcript keeps them all). */
export const CAPTIONS_IN_STATE = 50;

/**
 * One caption stream: the lines written in one language (a captioner or an interpreter per
 * language, CAPS1). The state carries the latest CAPTIONS_IN_STATE of each stream, so a stream
 * written rarely is never pushed out by a busy one (CAPS5).
 */
export interface CaptionStreamView {
  language: Language;
  /** The latest lines of this stream, oldest first. */
  lines: CaptionView[];
  /** Every line this stream has, the transcript's length (the busiest stream is a viewer's default). */
  count: number;
}

// ── Agenda ─────────────────────────────────────────────────────────────────────────────────
export interface AgendaView {
  items: (AgendaItem & { status: AgendaItemStatus })[];
  currentId: Agenda['currentId'];
  /** The current item's timer (stored deadline or remainder); clients count down locally. */
  timer: Timer | null;
}

// ── The whole Town Hall, on (re)connect ────────────────────────────────────────────────────
export interface TownhallLive {
  settings: TownhallSettings;
  qa: QaLive;
  /** This person's hand; null for the projector. */
  you: HandStatus | null;
  floor: FloorView | null;
  /** Staff only: the whole queue. */
  queue: QueueView | null;
  /** Polls this viewer may see (drafts: staff only), newest first. */
  polls: PollItem[];
  /** The poll on the projector (opening a poll puts it there; `poll:project` changes it). */
  projectedPollId: string | null;
  /** The latest captions of every stream together, oldest first. */
  captions: CaptionView[];
  /** The caption streams there are, in the session's language order, then the others (CAPS4). */
  captionStreams: CaptionStreamView[];
  agenda: AgendaView;
}

/** `townhall:time-up`: a stored deadline passed (the floor timer or the agenda item's). */
export interface TimeUpPayload {
  timer: 'floor' | 'agenda';
  /** The deadline that passed, epoch ms. */
  at: number;
}
