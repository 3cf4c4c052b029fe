import { ROLES, type Role } from './words.js';

/** Everyone who takes part in a Town Hall or a consultation; observers (and the projector) only follow. */
const TAKING_PART = ['facilitator', 'moderator', 'host', 'participant', 'rapporteur', 'captioner', 'translator', 'hub'] as const satisfies readonly Role[];

/**
 * The one permission table (spec: PERM1). Every Socket.IO command and every HTTP endpoint
 * names one of these actions and the server checks it here before doing anything.
 * A screen on the projector authenticates as a display and is treated as an observer.
 */
export const PERMISSIONS = {
  /** Read the session, its attendance counts and one's own participant record. */
  'session:view': ROLES,
  /** See the list of people present, with names as the attribution rule allows. */
  'participants:list': ['facilitator', 'moderator'],
  /** Make someone host, moderator, rapporteur, captioner, observer or participant. */
  'participant:set-role': ['facilitator'],
  /** Remove someone from the session; their token stops working at once. */
  'participant:remove': ['facilitator'],
  /** Change one's own display name, language, mode or stakeholder group. */
  'profile:update': ROLES,
  /** Change the session's settings (whether observers read the tables' notes). */
  'session:configure': ['facilitator'],
  /** Issue a new projector link (the old one stops working). */
  'projector:rotate-key': ['facilitator'],
  /** Choose what the projector shows (PROJ3): the facilitator, and Town Hall moderators. */
  'projector:show': ['facilitator', 'moderator'],
  /** See the café's tables, rounds and whole seating plan. */
  'cafe:view-setup': ['facilitator', 'moderator'],
  /** Set the café's tables and rounds. */
  'cafe:configure': ['facilitator'],
  /** Make, re-make, edit by hand and lock the seating plan. */
  'cafe:plan': ['facilitator'],
  /** Start, pause, resume, extend and end the café's rounds. */
  'cafe:run': ['facilitator', 'moderator'],
  /** Push a live prompt to everyone or to one table. */
  'cafe:prompt': ['facilitator', 'moderator'],
  /**
   * Add a key idea to a table's notepad (IDEA1). The role is the first gate; the server then
   * requires write access to that notepad (NOTE2: seated there in its round, or staff; a hub at
   * its own table, SEAT11).
   */
  'notepad:add-idea': ['facilitator', 'moderator', 'rapporteur', 'host', 'participant', 'hub'],
  /** Mark, edit, reorder and drop a table's key ideas (IDEA2): then only its host, or anyone at a table without one, or staff. */
  'notepad:curate-ideas': ['facilitator', 'moderator', 'rapporteur', 'host', 'participant', 'hub'],
  /**
   * Choose the language a table's free notes are written in (NOTE18): the same people as write
   * them; the server then requires write access to that notepad (NOTE2).
   */
  'notepad:set-language': ['facilitator', 'moderator', 'rapporteur', 'host', 'participant', 'hub'],
  /** Ask a Town Hall question (everyone taking part; observers follow read-only). */
  'qa:ask': TAKING_PART,
  /** Upvote a question, or take the vote back. */
  'qa:vote': TAKING_PART,
  /** Approve, hide, edit, merge, pin and mark questions answered. */
  'qa:moderate': ['facilitator', 'moderator'],
  /** Raise and lower one's own hand. */
  'hand:raise': TAKING_PART,
  /** Run the speaker queue: reorder, lower others' hands, alternate, give the floor, its timer. */
  'hand:manage': ['facilitator', 'moderator'],
  /** Prepare, open, close and show polls. */
  'poll:manage': ['facilitator', 'moderator'],
  /** Answer a poll, change or take back one's answer. */
  'poll:vote': TAKING_PART,
  /** Write live captions, in a stream of one language (a captioner or interpreter per language). */
  'caption:write': ['facilitator', 'moderator', 'captioner'],
  /**
   * Add, correct or remove a human version in another language of what the organisers wrote for
   * everyone (round questions, prompts, agenda items, polls, the consultation's texts, official
   * responses) or of a contribution; set which language an original is in. The translation desk.
   */
  'content:translate': ['facilitator', 'moderator', 'translator'],
  /** Ask for a machine translation of a text into one's language (when the session allows it). */
  'content:machine-translate': ROLES,
  /** Correct the language a contribution is tagged with: its author, or the staff (checked again by the server). */
  'content:retag': TAKING_PART,
  /** Update one's own hub: its name, place, headcount and stakeholder groups. */
  'hub:update': ['hub'],
  /** Set the agenda and move through it. */
  'agenda:manage': ['facilitator'],
  /** The Town Hall's settings: moderation before or after, intervention length, anonymous questions. */
  'townhall:configure': ['facilitator'],
  /** Read and export the session record (every format) under the session's attribution. */
  'record:export': ['facilitator', 'rapporteur'],
  /** Publish the record as a public outcome page, or take it down. */
  'record:publish': ['facilitator'],
  /** Ask the server to suggest themes for the harvest's unthemed ideas (THEME9): the harvest's writers (NOTE4). */
  'harvest:suggest-themes': ['facilitator', 'rapporteur'],
  /** A consultation's set-up: background, questions, phases, access, moderation, invitations, carrying sessions in. */
  'consultation:configure': ['facilitator'],
  /**
   * Take part in a consultation: contribute and edit one's own, comment, support, flag, propose and
   * answer statements, set one's return e-mail. Observers only read.
   */
  'consultation:contribute': TAKING_PART,
  /** Work the moderation queue: approve, hide, merge, tag, mark to carry; moderate comments and statements. */
  'consultation:moderate': ['facilitator', 'moderator'],
  /** Write, edit and withdraw official responses. */
  'consultation:respond': ['facilitator'],
  /**
   * A series (docs/series.md) is read and drafted by its members only: its organiser (a
   * `facilitator` of the series) and its rapporteurs. Session roles do not carry into a series.
   */
  'series:view': ['facilitator', 'rapporteur'],
  /** The series' settings, its sessions and its rapporteurs' links. */
  'series:configure': ['facilitator'],
  /** Draft the information document: edit it, insert references and statistics, resolve changed sources, attach a translation. */
  'series:draft': ['facilitator', 'rapporteur'],
  /** Freeze the draft as the next version. */
  'series:finalise': ['facilitator', 'rapporteur'],
  /** Publish the series' public page with its latest version, or take it down. */
  'series:publish': ['facilitator'],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof PERMISSIONS;

export const ACTIONS = Object.keys(PERMISSIONS) as Action[];

export function can(role: Role, action: Action): boolean {
  return (PERMISSIONS[action] as readonly Role[]).includes(role);
}

/** Actions on a series (its members' tokens); every other action is on a session (its participants' tokens). */
export type SeriesAction = Extract<Action, `series:${string}`>;
export type SessionAction = Exclude<Action, SeriesAction>;

export function isSeriesAction(action: Action): action is SeriesAction {
  return action.startsWith('series:');
}

export const SESSION_ACTIONS = ACTIONS.filter((a): a is SessionAction => !isSeriesAction(a));
export const SERIES_ACTIONS = ACTIONS.filter(isSeriesAction);
