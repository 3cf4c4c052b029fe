import { LANGUAGES, primaryLanguage } from '@open-talks/shared';

/** A language's name for a person: the interface's own six by their names, any other BCP 47 tag through Intl. */
export function languageLabel(t: (key: string) => string, tag: string): string {
  const primary = primaryLanguage(tag);
  if ((LANGUAGES as readonly string[]).includes(tag)) return t(`words.languageName.${tag}`);
  try {
    const name = new Intl.DisplayNames([primary], { type: 'language' }).of(tag);
    if (name) return name;
  } catch {
    // not a tag Intl knows: the tag itself
  }
  return tag;
}
