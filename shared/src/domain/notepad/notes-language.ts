// NOTE17–NOTE18 (docs/notepads.md): the language a table's free notes are written in. Chosen by
// someone at the table, or by default the language most of the people seated there speak.

/**
 * NOTE17: the default notes language of a table in a round: the participant language most of the
 * people seated there share (a tie goes to the session's languages in their order, then to the
 * tag's alphabetical order, so every node and every reload agrees), else the session's first
 * language. People without a language do not count.
 */
export function defaultNotesLanguage(seatedLanguages: readonly (string | null)[], sessionLanguages: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const language of seatedLanguages) if (language) counts.set(language, (counts.get(language) ?? 0) + 1);
  const rank = (tag: string) => {
    const at = sessionLanguages.indexOf(tag);
    return at === -1 ? sessionLanguages.length : at;
  };
  let best: string | null = null;
  for (const [tag, count] of counts) {
    if (best === null) {
      best = tag;
      continue;
    }
    const bestCount = counts.get(best)!;
    if (count > bestCount || (count === bestCount && (rank(tag) < rank(best) || (rank(tag) === rank(best) && tag < best)))) best = tag;
  }
  return best ?? sessionLanguages[0] ?? null;
}

/** NOTE18: the language the table's notes are in: the one chosen for the table, else the default. */
export function notesLanguage(chosen: string | null, seatedLanguages: readonly (string | null)[], sessionLanguages: readonly string[]): string | null {
  return chosen ?? defaultNotesLanguage(seatedLanguages, sessionLanguages);
}
