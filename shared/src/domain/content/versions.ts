// Which version of a text a reader sees (issue 18, TR1–TR4): pure, so the participant view, the
// projector, the lite pages and the exports all choose the same way.
import { directionOf, sameLanguage } from './language-tag.js';

/** A text in another language than its original: by a person (`human`) or by a machine, kept apart. */
export interface TextVersion {
  /** BCP 47. */
  language: string;
  text: string;
  source: 'human' | 'machine';
  /** For `machine`: which engine (`apertium`, `libretranslate`). Never a person's name. */
  engine?: string;
  /**
   * A hash of the original text this version was made from (originalHash); when the original has
   * changed since, the version is outdated: still shown, marked, and listed on the translation desk.
   */
  originalHash: string;
  /** Epoch ms. */
  at: number;
}

/** All the versions of one text, with its original's language; the original text is in the item itself. */
export interface ContentVersions {
  key: string;
  /** BCP 47 tag of the original. */
  originalLanguage: string;
  versions: TextVersion[];
}

export type Shown =
  | { kind: 'original'; text: string; language: string; dir: 'rtl' | 'ltr' }
  | { kind: 'translation'; text: string; language: string; dir: 'rtl' | 'ltr'; source: 'human' | 'machine'; engine?: string; outdated: boolean; originalLanguage: string };

/**
 * A short, stable hash of a text (FNV-1a, 32 bits, hex): enough to notice that an original was
 * edited after it was translated; not a security property.
 */
export function originalHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

export interface PickOptions {
  /** Whether machine translations may be shown (the session's switch, and the reader's). Default false. */
  machine?: boolean;
}

/**
 * What a reader of `language` sees of a text (TR1): the original when it is in their language or
 * nothing better exists; else a human version in their language; else, when allowed, a machine one.
 * A human version always wins over a machine one; an outdated version is still better than none.
 */
export function pickVersion(original: { text: string; language: string }, versions: readonly TextVersion[], language: string, options: PickOptions = {}): Shown {
  const asOriginal: Shown = { kind: 'original', text: original.text, language: original.language, dir: directionOf(original.language) };
  if (sameLanguage(original.language, language)) return asOriginal;
  const hash = originalHash(original.text);
  const inLanguage = versions.filter((v) => sameLanguage(v.language, language) && (v.source === 'human' || options.machine === true));
  const best = [...inLanguage].sort((a, b) => rank(a, hash) - rank(b, hash) || b.at - a.at)[0];
  if (!best) return asOriginal;
  return {
    kind: 'translation',
    text: best.text,
    language: best.language,
    dir: directionOf(best.language),
    source: best.source,
    ...(best.engine !== undefined && { engine: best.engine }),
    outdated: best.originalHash !== hash,
    originalLanguage: original.language,
  };
}

/** Lower is better: human and current, human and outdated, machine and current, machine and outdated. */
function rank(version: TextVersion, hash: string): number {
  return (version.source === 'human' ? 0 : 2) + (version.originalHash === hash ? 0 : 1);
}

/** The languages of `wanted` that have no current human version of a text (the translation desk's "missing"). */
export function missingLanguages(original: { text: string; language: string }, versions: readonly TextVersion[], wanted: readonly string[]): string[] {
  const hash = originalHash(original.text);
  return wanted.filter(
    (language) => !sameLanguage(original.language, language) && !versions.some((v) => v.source === 'human' && sameLanguage(v.language, language) && v.originalHash === hash),
  );
}
