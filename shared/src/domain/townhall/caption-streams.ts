// Caption streams per language (issue 18, docs/townhall.md "Captions in several languages"):
// which streams there are, in which order, and which one a viewer sees when they have not chosen.
import { sameLanguage } from '../content/language-tag.js';

export interface CaptionStreamLike {
  language: string;
  /** How many lines the stream has. */
  count: number;
}

/**
 * The streams in the session's language order, then the others by language tag (CAPS4): the
 * order a picker lists them in, the same on every screen.
 */
export function orderCaptionStreams<S extends CaptionStreamLike>(streams: readonly S[], sessionLanguages: readonly string[]): S[] {
  const rank = (language: string) => {
    const i = sessionLanguages.indexOf(language);
    return i === -1 ? sessionLanguages.length : i;
  };
  return [...streams].sort((a, b) => rank(a.language) - rank(b.language) || a.language.localeCompare(b.language));
}

/**
 * The stream a viewer sees (CAPS10): the one they chose if it exists; else their language's;
 * else the busiest (the most lines; the earlier in `streams`' order on a tie). Null: no streams.
 */
export function pickCaptionStream(streams: readonly CaptionStreamLike[], viewer: { chosen?: string | null; language?: string | null }): string | null {
  const exact = (language: string | null | undefined) => (language ? streams.find((s) => s.language === language) : undefined);
  const chosen = exact(viewer.chosen);
  if (chosen) return chosen.language;
  const own = exact(viewer.language) ?? (viewer.language ? streams.find((s) => sameLanguage(s.language, viewer.language!)) : undefined);
  if (own) return own.language;
  let busiest: CaptionStreamLike | undefined;
  for (const s of streams) if (!busiest || s.count > busiest.count) busiest = s;
  return busiest?.language ?? null;
}

/**
 * The projector's stream (CAPS12): the facilitator's choice, else the session's first language;
 * when that stream has no lines yet, the busiest there is, so the room is never left without.
 */
export function projectorCaptionStream(streams: readonly CaptionStreamLike[], chosen: string | null, sessionLanguages: readonly string[]): string | null {
  return pickCaptionStream(streams, { chosen: chosen ?? sessionLanguages[0] ?? null });
}
