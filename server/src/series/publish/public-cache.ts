// What the public series routes keep between requests (SER112, review item 6). A finalised version
// never changes, so its parsed document and what is rendered from it are kept per (series,
// version, language) instead of parsing a multi-megabyte JSON and rendering it on every request.
// Small and bounded (least recently used goes first); each entry has a strong ETag made from its
// content, so a reader who has it gets 304 without the body being sent again.
import { createHash } from 'node:crypto';

export interface Cached<V> {
  value: V;
  etag: string;
}

/** A least-recently-used map of at most `limit` entries (a Map keeps insertion order). */
export class BoundedCache<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly limit: number) {}

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value!);
  }

  /** The value at `key`, made once by `make` (undefined/null results are not kept). */
  async through<T extends V | null>(key: string, make: () => Promise<T> | T): Promise<T> {
    const hit = this.get(key);
    if (hit !== undefined) return hit as T;
    const made = await make();
    if (made !== null && made !== undefined) this.set(key, made);
    return made;
  }

  get size(): number {
    return this.entries.size;
  }
}

/** A strong validator for a text: the same text always has the same tag, across restarts too. */
export function etagOf(text: string): string {
  return `"${createHash('sha256').update(text).digest('base64url').slice(0, 32)}"`;
}

export function cached(text: string): Cached<string> {
  return { value: text, etag: etagOf(text) };
}

/** The key of a frozen version's language. */
export function versionKey(seriesId: string, version: number, language: string): string {
  return `${seriesId}\u0000${version}\u0000${language}`;
}
