// The organisers' texts of a published consultation in the reader's language (LANG72): its title
// and background, its questions and their descriptions, the official responses. All are public on
// the page already, so every human version of them is too; machine versions are never shown here.
import { parseContentKey, type ContentKind, type Language } from '@open-talks/shared';
import type { ContentVersions } from '@open-talks/shared/protocol';
import { toTextVersion } from '../../content/content-service.js';
import { Versions } from '../../lite/text.js';
import type { SessionRecord, Store } from '../../store/index.js';

const PUBLIC_KINDS: ReadonlySet<ContentKind> = new Set(['consultation', 'consultation-question', 'official-response']);

export async function publicVersions(store: Store, session: SessionRecord, reader: Language): Promise<Versions> {
  const first = session.languages[0] ?? 'en';
  const [stored, languages] = await Promise.all([store.content.versions(session.id), store.content.originalLanguages(session.id)]);
  const byKey = new Map<string, ContentVersions>();
  const entry = (key: string) => {
    let found = byKey.get(key);
    if (!found) byKey.set(key, (found = { key, originalLanguage: languages.get(key) ?? first, versions: [] }));
    return found;
  };
  const isPublic = (key: string) => {
    const ref = parseContentKey(key);
    return ref !== null && PUBLIC_KINDS.has(ref.kind);
  };
  for (const key of languages.keys()) if (isPublic(key)) entry(key);
  for (const version of stored) if (isPublic(version.key)) entry(version.key).versions.push(toTextVersion(version));
  return new Versions([...byKey.values()], reader, first);
}
