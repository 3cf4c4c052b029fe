// CONTRACT (issue 18): machine translation, pluggable (helper "mt" implements; docs/languages.md).
import type { TextVersion } from '@open-talks/shared';
import type { Principal } from '../../sessions/principal.js';
import type { Original } from '../sources.js';

/** One engine: none, a LibreTranslate-compatible service, or Apertium's APY server. */
export interface TranslationEngine {
  /** `apertium`, `libretranslate`: shown in the label of every machine translation. */
  readonly name: string;
  /** Translate plain text; rejects with AppError('unavailable') when the engine cannot be reached or has no such pair. */
  translate(text: string, from: string, to: string): Promise<string>;
  /** Whether it can translate between these two languages (APY lists its pairs). */
  supports(from: string, to: string): Promise<boolean>;
}

/** What the content service asks for: a stored machine version of one key, made once and kept apart. */
export interface MachineTranslation {
  /** Whether the session allows machine translation and an engine is configured. */
  enabled(principal: Principal): Promise<boolean>;
  /** A machine version of `original` into `language`: from storage if made before for this original, else made now and stored. */
  translate(principal: Principal, key: string, original: Original, language: string): Promise<TextVersion>;
}
