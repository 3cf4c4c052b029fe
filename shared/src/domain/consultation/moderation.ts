// Moderation (CONS10–CONS14): merges, flags, approval and hiding.
import { refusals, type Result } from '../result.js';
import type { ContributionStatus } from './words.js';

const { conflict } = refusals('consultation');

export interface MergeSide {
  id: string;
  questionId: string;
  status: ContributionStatus;
  mergedInto: string | null;
  supporters: readonly string[];
}

export interface MergeDecision {
  /** People to add as supporters of the target (they supported the source only). */
  added: string[];
  /** People who supported both: their support on the source is given back to them. */
  refunded: string[];
  /** The target's support count after. */
  supports: number;
}

/** CONS11: same question only, never into itself or a hidden one; supporters union, nobody counted twice. */
export function decideMerge(source: MergeSide, target: MergeSide): Result<MergeDecision> {
  if (source.id === target.id) return conflict('A contribution cannot be merged into itself', 'mergeSelf');
  if (source.mergedInto !== null) return conflict('That contribution was already merged', 'alreadyMerged');
  if (target.mergedInto !== null || target.status === 'hidden') return conflict('A contribution cannot be merged into a hidden one', 'mergeIntoHidden');
  if (source.questionId !== target.questionId) return conflict('Only contributions to the same question can be merged', 'mergeOtherQuestion');
  const onTarget = new Set(target.supporters);
  const added = [...new Set(source.supporters)].filter((id) => !onTarget.has(id));
  const refunded = [...new Set(source.supporters)].filter((id) => onTarget.has(id));
  return { ok: true, added, refunded, supports: onTarget.size + added.length };
}

export interface FlagState {
  status: ContributionStatus;
  authorId: string | null;
  reviewed: boolean;
  flaggers: readonly string[];
}

/** CONS12: one flag per person; at the threshold a published, not-yet-reviewed contribution goes back to pending. */
export function decideFlag(state: FlagState, personId: string, threshold: number): Result<{ added: boolean; flags: number; toPending: boolean }> {
  if (state.status !== 'published') return conflict('Only a published contribution can be flagged', 'flagNotPublished');
  if (state.authorId === personId) return conflict('You cannot flag your own contribution', 'flagOwn');
  if (state.flaggers.includes(personId)) return { ok: true, added: false, flags: state.flaggers.length, toPending: false };
  const flags = state.flaggers.length + 1;
  return { ok: true, added: true, flags, toPending: !state.reviewed && flags >= threshold };
}

/** CONS10: approve a pending (or hidden) one; a merged one stays merged. */
export function decideApprove(status: ContributionStatus, mergedInto: string | null): Result<object> {
  if (mergedInto !== null) return conflict('A merged contribution cannot be approved', 'alreadyMerged');
  if (status === 'published') return conflict('It is already published', 'alreadyPublished');
  return { ok: true };
}

export function decideHide(status: ContributionStatus): Result<object> {
  if (status === 'hidden') return conflict('It is already hidden', 'alreadyHidden');
  return { ok: true };
}

/** CONS14: themes trimmed, empty ones dropped, duplicates (case-insensitive) once. */
export function cleanThemes(themes: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of themes) {
    const theme = raw.trim().replace(/\s+/g, ' ');
    const key = theme.toLocaleLowerCase();
    if (theme.length === 0 || seen.has(key)) continue;
    seen.add(key);
    out.push(theme);
  }
  return out;
}
