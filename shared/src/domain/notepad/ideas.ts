// The shape of a notepad's Yjs document (NOTE8), shared by the editor and by exports, which
// read it without the editor. Plain names and types only: shared/ does not depend on yjs.
import { attribute } from '../attribution.js';

/** The Y.Text with the free notes. */
export const NOTEPAD_TEXT = 'notes';
/** The Y.Array of Y.Maps, one per key idea, in the table's order. */
export const NOTEPAD_IDEAS = 'ideas';

/** One key idea as plain data (each field is a key of its Y.Map). */
export interface KeyIdea {
  id: string;
  text: string;
  /** The author's name or stakeholder group as the session's attribution allows; null when anonymous. */
  author: string | null;
  /** The author's stakeholder group, kept for exports by group; null when unknown. */
  group: string | null;
  round: number;
  tableId: string | null;
  createdAt: number; // epoch ms
  /** Marked by the host as one of the table's key ideas for the harvest. */
  marked: boolean;
  /** BCP 47: the language it is written in, its author's by default (MT50); null for ideas from before it was kept. */
  language: string | null;
}

export const KEY_IDEA_LIMITS = {
  textLength: 280, // characters: a key idea is read at a glance
  perNotepad: 200,
} as const;

/** Reads one Y.Map's entries (as a plain record) into a KeyIdea, or null when it is not one. */
export function keyIdeaFromRecord(record: Record<string, unknown>): KeyIdea | null {
  const { id, text, author, group, round, tableId, createdAt, marked, language } = record;
  if (typeof id !== 'string' || typeof text !== 'string') return null;
  return {
    id,
    text,
    author: typeof author === 'string' ? author : null,
    group: typeof group === 'string' ? group : null,
    round: typeof round === 'number' ? round : 0,
    tableId: typeof tableId === 'string' ? tableId : null,
    createdAt: typeof createdAt === 'number' ? createdAt : 0,
    marked: marked === true,
    language: typeof language === 'string' ? language : null,
  };
}

/** Who may rearrange key ideas (mark, edit, reorder, drop): the host, or anyone at a table without one. */
export function mayCurateIdeas(options: { canWrite: boolean; hasHost: boolean; isHost: boolean; isStaff: boolean }): boolean {
  if (!options.canWrite) return false;
  return options.isStaff || options.isHost || !options.hasHost;
}

/** A new list order with the item at `from` moved by `delta` places (clamped); the same list when nothing moves. */
export function moveIndex(length: number, from: number, delta: number): number {
  return Math.max(0, Math.min(length - 1, from + delta));
}

/**
 * What a key idea records of its author under the session's attribution (NOTE8): the name only
 * when named, the stakeholder group unless anonymous (Chatham House: neither identity nor affiliation).
 */
export function ideaAttribution(
  attribution: 'named' | 'group' | 'anonymous',
  person: { displayName: string | null; stakeholderGroup: string | null },
): { author: string | null; group: string | null } {
  // The one attribution rule (ATTR1–ATTR2), as every live view and the record apply it.
  const credit = attribute(attribution, { ...person, mode: null });
  return { author: credit.displayName, group: credit.stakeholderGroup };
}
