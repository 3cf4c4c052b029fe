// Per-statement figures (CONS33, CONS34): consensus (every opinion group agrees, or every one
// disagrees) and divisiveness (the groups differ), with Laplace smoothing as pol.is: a share is
// (count + 1) / (answers + 2), so three people agreeing is not yet "100 %".
import type { StatementVote } from '../words.js';
import { CONSENSUS_THRESHOLD, DIVISIVE_THRESHOLD, MIN_ANSWERS_FOR_KIND } from './constants.js';

export type Tally = Record<StatementVote, number>;

export const emptyTally = (): Tally => ({ agree: 0, disagree: 0, pass: 0 });

export function total(t: Tally): number {
  return t.agree + t.disagree + t.pass;
}

/** Smoothed share of agree among those who answered (passes included: they saw it and did not agree). */
export function agreeShare(t: Tally): number {
  return (t.agree + 1) / (total(t) + 2);
}

export function disagreeShare(t: Tally): number {
  return (t.disagree + 1) / (total(t) + 2);
}

/** Smoothed net agreement, in (−1, 1). */
function net(t: Tally): number {
  return (t.agree - t.disagree) / (total(t) + 2);
}

/**
 * 0…1: the smallest agree share among the groups that answered, or the smallest disagree share if
 * that is higher. High only when every group leans the same way.
 */
export function consensusScore(byGroup: readonly Tally[]): number {
  const answered = byGroup.filter((t) => total(t) > 0);
  if (answered.length === 0) return 0;
  const agree = Math.min(...answered.map(agreeShare));
  const disagree = Math.min(...answered.map(disagreeShare));
  return Math.max(agree, disagree);
}

/** 0…1: half the spread of the groups' net agreement (1: one group all agree, another all disagree). */
export function divisivenessScore(byGroup: readonly Tally[]): number {
  const nets = byGroup.filter((t) => total(t) > 0).map(net);
  if (nets.length < 2) return 0;
  return (Math.max(...nets) - Math.min(...nets)) / 2;
}

/** `consensus` first (the thresholds cannot both hold far apart), then `divisive`; null below MIN_ANSWERS_FOR_KIND answers. */
export function statementKind(overall: Tally, consensus: number, divisiveness: number): 'consensus' | 'divisive' | null {
  if (total(overall) < MIN_ANSWERS_FOR_KIND) return null;
  if (consensus >= CONSENSUS_THRESHOLD) return 'consensus';
  if (divisiveness >= DIVISIVE_THRESHOLD) return 'divisive';
  return null;
}

/**
 * How much more a group agrees with a statement than everyone else placed (pol.is "repness"):
 * its agree share times the ratio to the others' share. Only statements the group leans towards
 * (agree share above one half, more agree than disagree, more than the others) count.
 */
export function representativeness(group: Tally, others: Tally): number | null {
  const share = agreeShare(group);
  const ratio = share / agreeShare(others);
  if (share <= 0.5 || group.agree <= group.disagree || ratio <= 1) return null;
  return share * ratio;
}

/** Rounded for the wire: three decimals say all a screen shows. */
export function round3(value: number): number {
  return Number.isFinite(value) ? Math.round(value * 1000) / 1000 : 0;
}
