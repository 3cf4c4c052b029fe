/**
 * Poll ballots and tallies (POLL5…POLL7, POLL11 in docs/townhall.md). One ballot per participant,
 * replaced when they change their answer; tallies are kept overall and per stakeholder group
 * and adjusted by the difference between the old and the new ballot (work in the number of
 * choices, never a recount). Like the Q&A: decide (`castBallot`, pure), then apply
 * (`applyBallotChange`, the one mutation, on the server's copy).
 */
import { STAKEHOLDER_GROUPS, type StakeholderGroup } from '../words.js';
import type { Poll } from './polls.js';
import { badRequest, conflict, getOwn, notFound, setOwn, type Failure, type Result } from './result.js';
import { cleanWord } from './word-cloud.js';

export interface Ballot {
  participantId: string;
  /** The voter's group when they voted; a changed ballot moves to their group of that time. */
  stakeholderGroup: StakeholderGroup;
  /** What it counts for: option ids (in option order), a rating as text ('4'), or word keys. */
  keys: string[];
  /** Word cloud: how each key was spelt, aligned with `keys`; null for other kinds. */
  spellings: string[] | null;
  castAt: number; // epoch ms
  /**
   * A hub's answer (docs/hubs.md, HUB20): the headcount it declared when it answered. It still
   * counts as one ballot; the headcount is shown beside it, never multiplied in.
   */
  hubHeadcount?: number;
}

export interface Tally {
  /** Ballots counted (people and hubs who answered, one each). */
  ballots: number;
  /** key → how many ballots hold it; keys with none are absent. */
  counts: Record<string, number>;
  /** Of those, the hubs' answers (HUB20); absent while no hub answered. */
  hubs?: HubTally;
}

/** The hubs' part of a tally: answers (one per hub) and the people they stand for, overall and per key. */
export interface HubTally {
  ballots: number;
  people: number;
  /** key → hubs whose ballot holds it; keys with none are absent. */
  counts: Record<string, number>;
  /** key → those hubs' headcounts added up. */
  peopleByKey: Record<string, number>;
}

export interface PollTallies {
  overall: Tally;
  byGroup: Record<StakeholderGroup, Tally>;
  /** Word cloud: key → spelling → count, for the display form (POLL10); {} for other kinds. */
  spellings: Record<string, Record<string, number>>;
}

export interface PollState {
  poll: Poll;
  /** participantId → their ballot. */
  ballots: Record<string, Ballot>;
  tallies: PollTallies;
}

/** A ballot cast, changed (`previous` and `ballot`) or withdrawn (`ballot` null). */
export interface BallotChange {
  pollId: string;
  participantId: string;
  previous: Ballot | null;
  ballot: Ballot | null;
}

/** Option ids (single, multiple), a number (rating) or text (word cloud: one or several). */
export type PollChoice = string | number | readonly string[];

export interface PollVoter {
  participantId: string;
  stakeholderGroup: StakeholderGroup;
  /** A hub votes as one, its headcount beside its answer (HUB20). */
  hubHeadcount?: number | undefined;
}

export type BallotResult = Result<{ change: BallotChange }>;

export function emptyTallies(): PollTallies {
  const byGroup = Object.fromEntries(STAKEHOLDER_GROUPS.map((group) => [group, { ballots: 0, counts: {} }]));
  return { overall: { ballots: 0, counts: {} }, byGroup: byGroup as Record<StakeholderGroup, Tally>, spellings: {} };
}

export function createPollState(poll: Poll): PollState {
  return { poll, ballots: {}, tallies: emptyTallies() };
}

export function getBallot(state: PollState, participantId: string): Ballot | null {
  return getOwn(state.ballots, participantId) ?? null;
}

/**
 * Casts a ballot, or replaces the voter's previous one, while the poll is open. The choice
 * must fit the poll's kind (POLL5, POLL6); a refused ballot changes nothing.
 */
export function castBallot(state: PollState, voter: PollVoter, choice: PollChoice, now: number): BallotResult {
  const { poll } = state;
  if (poll.status !== 'open') return conflict(`Cannot vote on a poll that is ${poll.status}.`, 'pollNotOpen');
  const parsed = parseChoice(poll, choice);
  if (!parsed.ok) return parsed;
  const ballot: Ballot = {
    participantId: voter.participantId,
    stakeholderGroup: voter.stakeholderGroup,
    keys: parsed.keys,
    spellings: parsed.spellings,
    castAt: now,
    ...(voter.hubHeadcount !== undefined && { hubHeadcount: voter.hubHeadcount }),
  };
  return { ok: true, change: { pollId: poll.id, participantId: voter.participantId, previous: getBallot(state, voter.participantId), ballot } };
}

/** Takes one's ballot back while the poll is open. POLL6. */
export function withdrawBallot(state: PollState, participantId: string): BallotResult {
  if (state.poll.status !== 'open') return conflict(`Cannot change a vote on a poll that is ${state.poll.status}.`, 'pollNotOpen');
  const previous = getBallot(state, participantId);
  if (!previous) return notFound('You have not voted on this poll.');
  return { ok: true, change: { pollId: state.poll.id, participantId, previous, ballot: null } };
}

/**
 * Applies a decided change, in place: the previous ballot's keys come off its group's and the
 * overall tally, the new ballot's go on. Work is the number of keys of the two ballots. POLL7.
 */
export function applyBallotChange(state: PollState, change: BallotChange): void {
  if (change.previous) addBallot(state.tallies, change.previous, -1);
  if (change.ballot) {
    addBallot(state.tallies, change.ballot, 1);
    setOwn(state.ballots, change.participantId, change.ballot);
  } else {
    delete state.ballots[change.participantId];
  }
}

/** Tallies counted from scratch: what the running tallies always equal (POLL7; on load). */
export function recountTallies(ballots: Iterable<Ballot>): PollTallies {
  const tallies = emptyTallies();
  for (const ballot of ballots) addBallot(tallies, ballot, 1);
  return tallies;
}

function addBallot(tallies: PollTallies, ballot: Ballot, sign: 1 | -1): void {
  const group = tallies.byGroup[ballot.stakeholderGroup];
  tallies.overall.ballots += sign;
  group.ballots += sign;
  if (ballot.hubHeadcount !== undefined) {
    addHub(tallies.overall, ballot, sign);
    addHub(group, ballot, sign);
  }
  ballot.keys.forEach((key, i) => {
    bump(tallies.overall.counts, key, sign);
    bump(group.counts, key, sign);
    const spelling = ballot.spellings?.[i];
    if (spelling === undefined) return;
    const forms = getOwn(tallies.spellings, key);
    const next = forms ?? {};
    bump(next, spelling, sign);
    if (Object.keys(next).length === 0) delete tallies.spellings[key];
    else if (!forms) setOwn(tallies.spellings, key, next);
  });
}

/** A hub's ballot on or off a tally's hub part, which goes away again at zero (a recount has none). */
function addHub(tally: Tally, ballot: Ballot, sign: 1 | -1): void {
  const headcount = ballot.hubHeadcount ?? 0;
  const hubs = tally.hubs ?? { ballots: 0, people: 0, counts: {}, peopleByKey: {} };
  hubs.ballots += sign;
  hubs.people += sign * headcount;
  for (const key of ballot.keys) {
    bump(hubs.counts, key, sign);
    bump(hubs.peopleByKey, key, sign * headcount);
  }
  if (hubs.ballots === 0) delete tally.hubs;
  else tally.hubs = hubs;
}

/** Adds `by` to counts[key], removing the key at zero (so tallies equal a recount exactly). */
function bump(counts: Record<string, number>, key: string, by: number): void {
  const count = (getOwn(counts, key) ?? 0) + by;
  if (count === 0) delete counts[key];
  else setOwn(counts, key, count);
}

type Parsed = { ok: true; keys: string[]; spellings: string[] | null } | Failure;

function parseChoice(poll: Poll, choice: PollChoice): Parsed {
  switch (poll.kind) {
    case 'single':
    case 'multiple': {
      const ids = typeof choice === 'string' ? [choice] : typeof choice === 'number' ? null : [...choice];
      if (!ids || ids.length === 0) return badRequest('Choose an option.');
      const known = new Set(poll.options.map((o) => o.id));
      if (ids.some((id) => !known.has(id))) return badRequest('That is not an option of this poll.');
      if (new Set(ids).size !== ids.length) return badRequest('An option was chosen twice.');
      const max = poll.kind === 'single' ? 1 : (poll.maxChoices ?? poll.options.length);
      if (ids.length > max) return badRequest(`Choose at most ${max}.`);
      const keys = poll.options.map((o) => o.id).filter((id) => ids.includes(id)); // option order
      return { ok: true, keys, spellings: null };
    }
    case 'rating': {
      const scale = poll.scale;
      if (typeof choice !== 'number' || !scale || !Number.isSafeInteger(choice) || choice < scale.min || choice > scale.max) {
        return badRequest(`Rate with a whole number from ${scale?.min} to ${scale?.max}.`);
      }
      return { ok: true, keys: [String(choice)], spellings: null };
    }
    case 'text': {
      const texts = typeof choice === 'string' ? [choice] : typeof choice === 'number' ? null : [...choice];
      if (!texts || texts.length === 0 || texts.length > poll.maxEntries) {
        return badRequest(`Give 1 to ${poll.maxEntries} answers.`);
      }
      const keys: string[] = [];
      const spellings: string[] = [];
      for (const text of texts) {
        const word = cleanWord(text);
        if (!word) return badRequest('An answer is empty or too long.');
        if (keys.includes(word.key)) continue; // the same word twice counts once
        keys.push(word.key);
        spellings.push(word.spelling);
      }
      return { ok: true, keys, spellings };
    }
    default: {
      const unknown: never = poll.kind;
      return badRequest(`Unknown poll kind: ${String(unknown)}.`);
    }
  }
}
