/**
 * Poll results as screens show them (POLL8, POLL10 in docs/townhall.md): bars per option,
 * a rating's average and distribution, the top words; overall and by stakeholder group.
 * Computed from the tallies when results are sent (coalesced), never per vote.
 */
import { hideSmallCounts, MIN_SHOWN_GROUP_COUNT } from '../small-counts.js';
import { STAKEHOLDER_GROUPS, type Attribution, type StakeholderGroup } from '../words.js';
import type { PollState, Tally } from './poll-ballots.js';
import type { Poll } from './polls.js';
import { getOwn } from './result.js';
import { topWords, type WordCount } from './word-cloud.js';

/** How many words a cloud shows by default. */
export const DEFAULT_TOP_WORDS = 50;

/**
 * Under `anonymous`, a poll's breakdown shows only groups with at least this many answers: a
 * group of one or two would tell how those people voted (POLL13, REC6).
 */
export const MIN_ANONYMOUS_GROUP_BALLOTS = MIN_SHOWN_GROUP_COUNT;

export interface OptionCount {
  id: string;
  label: string;
  /** Answers holding this option: each person's and each hub's counts one (HUB20). */
  count: number;
  /** Of `count`, the hubs' answers and the people they declared; absent when no hub chose it. */
  hubs?: HubAnswers;
}

/** Answers from hubs (docs/hubs.md, HUB20–HUB22): one per hub, their headcounts beside them. */
export interface HubAnswers {
  answers: number;
  people: number;
}

export interface RatingSummary {
  /** Mean rating, or null before anyone rated. */
  average: number | null;
  /** One entry per point of the scale, min to max, zeros included. */
  distribution: { value: number; count: number }[];
}

export interface ResultSummary {
  /** People who answered, each hub counting one. */
  ballots: number;
  /** Of `ballots`, the hubs' answers and their headcounts; absent when no hub answered. */
  hubs?: HubAnswers;
  /** Choice polls: every option in order, zeros included; null otherwise. */
  options: OptionCount[] | null;
  rating: RatingSummary | null;
  /** Word cloud: the top words; null otherwise. */
  words: WordCount[] | null;
}

export interface PollResults {
  pollId: string;
  overall: ResultSummary;
  /** Only groups with at least one ballot. */
  byGroup: Partial<Record<StakeholderGroup, ResultSummary>>;
}

/** The results of a poll: overall and per group that answered. POLL8. */
export function pollResults(state: PollState, topN: number = DEFAULT_TOP_WORDS): PollResults {
  const byGroup: Partial<Record<StakeholderGroup, ResultSummary>> = {};
  for (const group of STAKEHOLDER_GROUPS) {
    const tally = state.tallies.byGroup[group];
    if (tally.ballots > 0) byGroup[group] = summarise(state, tally, topN);
  }
  return { pollId: state.poll.id, overall: summarise(state, state.tallies.overall, topN), byGroup };
}

/** A rating's mean and distribution over the whole scale. POLL8. */
export function ratingSummary(poll: Poll, tally: Tally): RatingSummary {
  const distribution: { value: number; count: number }[] = [];
  let sum = 0;
  let count = 0;
  if (poll.scale) {
    for (let value = poll.scale.min; value <= poll.scale.max; value++) {
      const n = getOwn(tally.counts, String(value)) ?? 0;
      distribution.push({ value, count: n });
      sum += value * n;
      count += n;
    }
  }
  return { average: count === 0 ? null : sum / count, distribution };
}

function summarise(state: PollState, tally: Tally, topN: number): ResultSummary {
  const { poll } = state;
  const choice = poll.kind === 'single' || poll.kind === 'multiple';
  return {
    ballots: tally.ballots,
    ...(tally.hubs && { hubs: { answers: tally.hubs.ballots, people: tally.hubs.people } }),
    options: choice ? poll.options.map((o) => ({ id: o.id, label: o.label, count: getOwn(tally.counts, o.id) ?? 0, ...hubAnswersFor(tally, o.id) })) : null,
    rating: poll.kind === 'rating' ? ratingSummary(poll, tally) : null,
    words: poll.kind === 'text' ? topWords(tally.counts, state.tallies.spellings, topN) : null,
  };
}

function hubAnswersFor(tally: Tally, key: string): { hubs?: HubAnswers } {
  const answers = tally.hubs ? (getOwn(tally.hubs.counts, key) ?? 0) : 0;
  if (!tally.hubs || answers === 0) return {};
  return { hubs: { answers, people: getOwn(tally.hubs.peopleByKey, key) ?? 0 } };
}

/**
 * An option's count as screens and exports write it (HUB21): the individuals' answers, then the
 * hubs' apart with their headcount, never added in: "3 (+ 1 hub of 25 people)".
 */
export function countWithHubs(option: Pick<OptionCount, 'count' | 'hubs'>): string {
  if (!option.hubs) return String(option.count);
  const { answers, people } = option.hubs;
  return `${option.count - answers} (+ ${answers} ${answers === 1 ? 'hub' : 'hubs'} of ${people} ${people === 1 ? 'person' : 'people'})`;
}

/**
 * The results as the session's attribution lets them be seen, live or in the record (POLL13).
 * Under `anonymous` the groups are chosen once, on their numbers of answers, by the same rule as
 * attendance (`hideSmallCounts`): a group of 1 or 2, and as many others as it takes for the
 * overall figures not to give it back by subtraction. A group is shown or left out whole, every
 * option, rating point and word with it, so for each option the overall count minus the shown
 * groups' counts is what at least two left-out groups (3 answers or more together) gave between
 * them: it can say how that pool answered, never how one left-out group did. Left-out groups are
 * not in `byGroup`, like groups without answers.
 */
export function resultsUnder(results: PollResults, attribution: Attribution): PollResults {
  if (attribution !== 'anonymous') return results;
  // HUB24: with one or two hubs answering, "(+ 1 hub of 25 people)" beside an option would say
  // how that hub answered: their part per option is left out (their answers stay in the counts).
  if ((results.overall.hubs?.answers ?? 0) < MIN_HUBS_APART) results = withoutHubsPerOption(results);
  const ballots = Object.fromEntries(STAKEHOLDER_GROUPS.map((g) => [g, results.byGroup[g]?.ballots ?? 0])) as Record<StakeholderGroup, number>;
  const shown = hideSmallCounts(ballots, STAKEHOLDER_GROUPS);
  const byGroup: PollResults['byGroup'] = {};
  for (const group of STAKEHOLDER_GROUPS) {
    const summary = results.byGroup[group];
    if (summary && shown[group] !== null) byGroup[group] = summary;
  }
  return { ...results, byGroup };
}

/** Fewer hubs than this answering a poll under `anonymous`: their answers are not shown apart per option (HUB24). */
export const MIN_HUBS_APART = 3;

function withoutHubsPerOption(results: PollResults): PollResults {
  const strip = (summary: ResultSummary): ResultSummary => ({ ...summary, options: summary.options?.map(({ hubs: _hubs, ...option }) => option) ?? null });
  const byGroup: PollResults['byGroup'] = {};
  for (const [group, summary] of Object.entries(results.byGroup) as [StakeholderGroup, ResultSummary][]) byGroup[group] = strip(summary);
  return { ...results, overall: strip(results.overall), byGroup };
}
