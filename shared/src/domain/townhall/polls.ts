/**
 * Town Hall polls: what a poll asks and its life, draft → open → closed (POLL1…POLL4 in
 * docs/townhall.md). Ballots and tallies are in poll-ballots.ts, results in poll-results.ts.
 * Pure: each transition returns a new poll and leaves its input as it was.
 */
import { badRequest, conflict, oneLine, type Failure, type Result } from './result.js';
import { WORD_LIMITS } from './word-cloud.js';

export const POLL_KINDS = ['single', 'multiple', 'rating', 'text'] as const;
export type PollKind = (typeof POLL_KINDS)[number];
export type PollStatus = 'draft' | 'open' | 'closed';

export const POLL_LIMITS = {
  questionLength: 300, // characters
  options: 20,
  optionLength: 100, // characters
  scaleSpan: 10, // max − min of a rating scale
  scaleBound: 100, // |min| and |max|
  scaleLabelLength: 40, // characters
} as const;

export interface PollOption {
  /** 'o1', 'o2', … in the order given: made here, so a poll is plain data. */
  id: string;
  label: string;
}

export interface RatingScale {
  min: number;
  max: number;
  minLabel: string | null; // e.g. "not at all"
  maxLabel: string | null; // e.g. "completely"
}

export interface Poll {
  id: string;
  kind: PollKind;
  question: string;
  /** Choices of a single- or multiple-choice poll; empty otherwise. */
  options: PollOption[];
  /** Multiple choice: how many options one may tick at most (null: any number). */
  maxChoices: number | null;
  /** Rating: the scale; null otherwise. */
  scale: RatingScale | null;
  /** Word cloud: how many answers one may give (1…WORD_LIMITS.entries); 1 otherwise. */
  maxEntries: number;
  status: PollStatus;
  /** Whether participants see the results; moderators always do (POLL4). */
  resultsVisible: boolean;
  createdAt: number; // epoch ms
  openedAt: number | null; // epoch ms of the last opening
  closedAt: number | null; // epoch ms of the last closing
}

export interface PollInput {
  kind: PollKind;
  question: string;
  options?: readonly string[];
  maxChoices?: number | null;
  scale?: { min: number; max: number; minLabel?: string | null; maxLabel?: string | null } | null;
  maxEntries?: number;
}

export type PollResult = Result<{ poll: Poll }>;

type Definition = Pick<Poll, 'kind' | 'question' | 'options' | 'maxChoices' | 'scale' | 'maxEntries'>;

/** A draft poll, results hidden. Invalid definitions are bad_request. POLL1. */
export function createPoll(id: string, input: PollInput, now: number): PollResult {
  const definition = definePoll(input);
  if (!definition.ok) return definition;
  const { ok: _ok, ...fields } = definition;
  return { ok: true, poll: { id, ...fields, status: 'draft', resultsVisible: false, createdAt: now, openedAt: null, closedAt: null } };
}

/** Replaces a draft's definition (a poll that has been opened keeps what people answered). POLL2. */
export function editPoll(poll: Poll, input: PollInput): PollResult {
  if (poll.status !== 'draft') return conflict('Only a draft poll can be edited.', 'pollNotDraftEdit');
  const definition = definePoll(input);
  if (!definition.ok) return definition;
  const { ok: _ok, ...fields } = definition;
  return { ok: true, poll: { ...poll, ...fields } };
}

/** A draft may be deleted; a poll people have seen is part of the record and stays. POLL12. */
export function deletablePoll(poll: Poll): Result<{ poll: Poll }> {
  if (poll.status !== 'draft') return conflict('Only a draft poll can be deleted; close it instead.', 'pollNotDraftDelete');
  return { ok: true, poll };
}

/** Opens a draft, or reopens a closed poll with its ballots kept. POLL3. */
export function openPoll(poll: Poll, now: number): PollResult {
  if (poll.status === 'open') return conflict('The poll is already open.', 'pollAlreadyOpen');
  return { ok: true, poll: { ...poll, status: 'open', openedAt: now } };
}

/** Closes an open poll: no more votes or changes. POLL3. */
export function closePoll(poll: Poll, now: number): PollResult {
  if (poll.status !== 'open') return conflict(`Cannot close a poll that is ${poll.status}.`, 'pollNotOpenClose');
  return { ok: true, poll: { ...poll, status: 'closed', closedAt: now } };
}

/** Shows or hides the results to participants, in any state. POLL4. */
export function setResultsVisible(poll: Poll, visible: boolean): PollResult {
  return { ok: true, poll: { ...poll, resultsVisible: visible } };
}

/** Participants see open and closed polls; drafts only moderators. POLL4. */
export function canSeePoll(poll: Poll, moderator: boolean): boolean {
  return moderator || poll.status !== 'draft';
}

/** Moderators always see results; participants when shown. POLL4. */
export function canSeeResults(poll: Poll, moderator: boolean): boolean {
  return moderator || (poll.status !== 'draft' && poll.resultsVisible);
}

function definePoll(input: PollInput): ({ ok: true } & Definition) | Failure {
  const question = oneLine(input.question);
  if (question.length === 0 || question.length > POLL_LIMITS.questionLength) {
    return badRequest(`A poll question has 1 to ${POLL_LIMITS.questionLength} characters.`);
  }
  const base = { ok: true as const, kind: input.kind, question, options: [], maxChoices: null, scale: null, maxEntries: 1 };
  switch (input.kind) {
    case 'single':
    case 'multiple': {
      const labels = (input.options ?? []).map(oneLine);
      if (labels.length < 2 || labels.length > POLL_LIMITS.options) {
        return badRequest(`A choice poll has 2 to ${POLL_LIMITS.options} options.`);
      }
      if (labels.some((label) => label.length === 0 || label.length > POLL_LIMITS.optionLength)) {
        return badRequest(`An option has 1 to ${POLL_LIMITS.optionLength} characters.`);
      }
      if (new Set(labels).size !== labels.length) return badRequest('Two options have the same text.');
      const options = labels.map((label, i) => ({ id: `o${i + 1}`, label }));
      const maxChoices = input.kind === 'multiple' ? (input.maxChoices ?? null) : null;
      if (maxChoices !== null && (!Number.isSafeInteger(maxChoices) || maxChoices < 1 || maxChoices > options.length)) {
        return badRequest(`At most 1 to ${options.length} choices.`);
      }
      return { ...base, options, maxChoices };
    }
    case 'rating': {
      const scale = input.scale ?? { min: 1, max: 5 };
      const { min, max } = scale;
      const bound = POLL_LIMITS.scaleBound;
      if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || min >= max || max - min > POLL_LIMITS.scaleSpan || Math.abs(min) > bound || Math.abs(max) > bound) {
        return badRequest(`A rating scale runs between two whole numbers at most ${POLL_LIMITS.scaleSpan} apart.`);
      }
      const minLabel = oneLine(scale.minLabel ?? '') || null;
      const maxLabel = oneLine(scale.maxLabel ?? '') || null;
      if ((minLabel?.length ?? 0) > POLL_LIMITS.scaleLabelLength || (maxLabel?.length ?? 0) > POLL_LIMITS.scaleLabelLength) {
        return badRequest(`A scale label has at most ${POLL_LIMITS.scaleLabelLength} characters.`);
      }
      return { ...base, scale: { min, max, minLabel, maxLabel } };
    }
    case 'text': {
      const maxEntries = input.maxEntries ?? 1;
      if (!Number.isSafeInteger(maxEntries) || maxEntries < 1 || maxEntries > WORD_LIMITS.entries) {
        return badRequest(`A word cloud takes 1 to ${WORD_LIMITS.entries} answers per person.`);
      }
      return { ...base, maxEntries };
    }
    default: {
      const unknown: never = input.kind;
      return badRequest(`Unknown poll kind: ${String(unknown)}.`);
    }
  }
}
