// What the room's big screen shows (docs/spec.md, PROJ1–PROJ19): the facilitator's choice, kept
// with the session, and the pure function that turns the live state and that choice into one
// mode of the projector. No I/O, no clocks.
import { refuse, type Result } from './result.js';
import type { Language, SessionFormat } from './words.js';

/** `auto` follows the session (PROJ2); the others pin one view until the facilitator changes it. */
export const PROJECTOR_VIEWS = ['auto', 'join', 'round', 'poll', 'results', 'qa', 'harvest'] as const;
export type ProjectorView = (typeof PROJECTOR_VIEWS)[number];

/** The views that only make sense in one format (PROJ4). */
export const PROJECTOR_VIEWS_BY_FORMAT: Record<SessionFormat, readonly ProjectorView[]> = {
  cafe: ['auto', 'join', 'round', 'harvest'],
  townhall: ['auto', 'join', 'poll', 'results', 'qa'],
  // A consultation runs for weeks online; at a launch event the screen shows how to join.
  consultation: ['auto', 'join'],
};

/** What the facilitator chose for the projector; stored with the session (PROJ1). */
export interface ProjectorChoice {
  view: ProjectorView;
  /** The poll of `poll` and `results`; null: the poll on the projector (`poll:project`), else the newest open one. */
  pollId: string | null;
  /** Results side by side per stakeholder group (PROJ9). */
  byGroup: boolean;
  /** The screen's language (PROJ5); null: the session's first language. */
  language: Language | null;
  /** The screen's colours (A11Y66): `auto` as the projecting device is set, or dark for a dim room. */
  theme: ProjectorTheme;
  /**
   * LANG70: a second language shown beside the first for the organisers' texts (round question,
   * prompt, agenda item, poll); null: one language. Absent from choices stored before issue 18.
   */
  secondLanguage: Language | null;
}

/** `auto`: as the device showing the projector is set (its system or its own switch). */
export const PROJECTOR_THEMES = ['auto', 'light', 'dark'] as const;
export type ProjectorTheme = (typeof PROJECTOR_THEMES)[number];

export const DEFAULT_PROJECTOR_CHOICE: ProjectorChoice = { view: 'auto', pollId: null, byGroup: false, language: null, secondLanguage: null, theme: 'auto' };

/** A change to the choice: only the fields given change. */
export type ProjectorChange = Partial<ProjectorChoice>;

/** What the decision needs to know of the session. */
export interface ProjectorContext {
  format: SessionFormat;
  languages: readonly Language[];
  /** The Town Hall's polls that the room may see (not drafts); empty for a café. */
  pollIds: readonly string[];
}

/** PROJ3–PROJ6: the new choice, or why not. A refusal changes nothing. */
export function decideProjectorShow(session: ProjectorContext, current: ProjectorChoice, change: ProjectorChange): Result<{ choice: ProjectorChoice }> {
  const choice: ProjectorChoice = { ...current, ...change };
  if (!PROJECTOR_VIEWS_BY_FORMAT[session.format].includes(choice.view)) {
    return refuse('bad_request', `The view ${choice.view} does not exist in a ${session.format} session`);
  }
  if (change.pollId !== undefined && change.pollId !== null && !session.pollIds.includes(change.pollId)) {
    return refuse('not_found', `No poll ${change.pollId} the room may see`);
  }
  if (choice.language !== null && !session.languages.includes(choice.language)) {
    return refuse('bad_request', `The session is not held in ${choice.language}`);
  }
  if (choice.secondLanguage !== null && !session.languages.includes(choice.secondLanguage)) {
    return refuse('bad_request', `The session is not held in ${choice.secondLanguage}`);
  }
  // A poll that was deleted since does not pin the screen to nothing.
  if (choice.pollId !== null && !session.pollIds.includes(choice.pollId)) choice.pollId = null;
  return { ok: true, choice };
}

/** The language the screen speaks: the chosen one, or the session's first (PROJ5). */
export function projectorLanguage(choice: ProjectorChoice, languages: readonly Language[]): Language {
  return choice.language ?? languages[0] ?? 'en';
}

// ── What the screen shows ────────────────────────────────────────────────────────────────────

/** One mode of the projector, with what it needs to find in the live state. */
export type ProjectorMode =
  | { kind: 'join' }
  | { kind: 'round' }
  | { kind: 'between-rounds' }
  | { kind: 'harvest' }
  | { kind: 'poll'; pollId: string }
  | { kind: 'results'; pollId: string; byGroup: boolean }
  | { kind: 'qa' }
  | { kind: 'townhall' };

/** What the mode choice reads of the live state: a small, plain summary (built by the client). */
export interface ProjectorFacts {
  format: SessionFormat;
  cafe: { phase: 'not-started' | 'in-round' | 'between-rounds' | 'finished'; harvestShown: boolean } | null;
  townhall: {
    /** Visible polls, newest first, with whether the room may see their results. */
    polls: readonly { id: string; status: 'draft' | 'open' | 'closed'; hasResults: boolean }[];
    projectedPollId: string | null;
    agendaCurrent: boolean;
    floor: boolean;
    pinned: boolean;
    questions: number;
  } | null;
}

/**
 * PROJ2, PROJ7: the live state and the facilitator's choice → the one mode the screen shows.
 * `auto` is what the projector did before a choice existed: the harvest when shown, the round
 * once the café is under way, the Town Hall once it is under way (a projected poll first).
 */
export function chooseProjectorMode(facts: ProjectorFacts, choice: ProjectorChoice): ProjectorMode {
  const cafe = facts.cafe;
  const th = facts.townhall;
  const pollFor = (): { id: string; status: string; hasResults: boolean } | undefined => {
    if (!th) return undefined;
    const byId = (id: string | null) => (id === null ? undefined : th.polls.find((p) => p.id === id));
    return byId(choice.pollId) ?? byId(th.projectedPollId) ?? th.polls.find((p) => p.status === 'open') ?? th.polls[0];
  };
  const cafeRound = (): ProjectorMode => (cafe?.phase === 'between-rounds' ? { kind: 'between-rounds' } : { kind: 'round' });
  switch (choice.view) {
    case 'join':
      return { kind: 'join' };
    case 'round':
      return cafe ? cafeRound() : { kind: 'join' };
    case 'harvest':
      return cafe ? { kind: 'harvest' } : { kind: 'join' };
    case 'qa':
      return th ? { kind: 'qa' } : { kind: 'join' };
    case 'poll': {
      const poll = pollFor();
      return poll ? { kind: 'poll', pollId: poll.id } : { kind: 'join' };
    }
    case 'results': {
      const poll = pollFor();
      return poll ? { kind: 'results', pollId: poll.id, byGroup: choice.byGroup } : { kind: 'join' };
    }
    case 'auto':
      break;
  }
  if (cafe) {
    if (cafe.harvestShown) return { kind: 'harvest' };
    if (cafe.phase !== 'not-started') return cafe.phase === 'finished' ? { kind: 'round' } : cafeRound();
    return { kind: 'join' };
  }
  if (th) {
    const projected = th.projectedPollId === null ? undefined : th.polls.find((p) => p.id === th.projectedPollId);
    if (projected) {
      // An open poll asks the room to vote; a closed one with results shows them.
      if (projected.status === 'open') return { kind: 'poll', pollId: projected.id };
      return { kind: 'results', pollId: projected.id, byGroup: choice.byGroup };
    }
    if (th.pinned) return { kind: 'qa' };
    if (th.agendaCurrent || th.floor) return { kind: 'townhall' };
  }
  return { kind: 'join' };
}
