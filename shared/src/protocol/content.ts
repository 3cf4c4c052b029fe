// Content in several languages (issue 18, docs/languages.md): the translation desk's commands and
// what the server sends about versions. The model is shared/src/domain/content.
import { z } from 'zod';
import { canonicalTag, parseContentKey, type ContentVersions, type TextVersion } from '../domain/content/index.js';
import { plainText } from './townhall.js';

/** A content key (`<kind>/<id>/<field>`), checked against the known kinds. */
export const contentKeySchema = z
  .string()
  .max(200)
  .refine((key) => parseContentKey(key) !== null, 'Not a content key: <kind>/<id>/<field>');

/** A BCP 47 language tag, canonicalised (`EN-gb` → `en-GB`). */
export const languageTagSchema = z
  .string()
  .trim()
  .max(35)
  .transform((tag, ctx) => {
    const canonical = canonicalTag(tag);
    if (canonical === null) {
      ctx.addIssue({ code: 'custom', message: 'Not a BCP 47 language tag' });
      return z.NEVER;
    }
    return canonical;
  });

/** The longest version a translator may write: the longest original text we keep (a consultation's background). */
export const VERSION_MAX_LENGTH = 20_000;

/** `content:set-version`: add or correct the human version of one text in one language. */
export const setVersionPayload = z.strictObject({ key: contentKeySchema, language: languageTagSchema, text: z.lazy(() => plainText(VERSION_MAX_LENGTH)) });
/** `content:remove-version`: take a human version away (machine ones are never removed this way). */
export const removeVersionPayload = z.strictObject({ key: contentKeySchema, language: languageTagSchema });
/** `content:set-original-language`: say which language an original text is in (a contribution's tag, corrected). */
export const setOriginalLanguagePayload = z.strictObject({ key: contentKeySchema, language: languageTagSchema });
/** `content:machine-translate`: a machine translation of one text into a language (the reader's, by default). */
export const machineTranslatePayload = z.strictObject({ key: contentKeySchema, language: languageTagSchema.optional() });

/** One line of the translation desk: a text, its original, and what each of the session's languages has. */
export interface DeskItem {
  key: string;
  /** Where it is, for a person: "Round 2", "Poll: …", "Agenda 3". Never a contributor's name. */
  label: string;
  original: { text: string; language: string };
  versions: TextVersion[];
  /** The session's languages with no current human version. */
  missing: string[];
  /** The languages whose human version was made from an older original. */
  outdated: string[];
}

export interface DeskView {
  languages: string[];
  items: DeskItem[];
}

export type { ContentVersions, TextVersion };
