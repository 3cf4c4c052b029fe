import type { ContentVersions, SessionState } from '@open-talks/shared/protocol';

/**
 * LANG50: `content:versions` — one text's versions changed (a translator added or corrected one,
 * or a machine translation came). The entry replaces the one with the same key; an entry with no
 * versions left stays, since it still says which language the original is in.
 */
export function withContentVersions(live: SessionState | undefined, entry: ContentVersions): SessionState | undefined {
  if (!live) return live;
  const content = live.content ?? [];
  const index = content.findIndex((c) => c.key === entry.key);
  if (index === -1) return { ...live, content: [...content, entry] };
  const next = [...content];
  next[index] = entry;
  return { ...live, content: next };
}
